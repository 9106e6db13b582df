/**
 * Scale measurement, not part of the suite (jest matches *.test.ts only). Run with
 *   SCALE_ENTITIES=1000000 node --expose-gc --max-old-space-size=8000 \
 *     node_modules/.bin/jest --testMatch '**\/scale.perf.ts' --testTimeout 600000
 * Derives the synthetic bank of seeds/synthetic (default 100 000 entities) and reports what
 * the group engine does at start-up — derive, then order the heads of every multi-head
 * group — with CPU time (robust when other jobs share the machine) and RSS, then the cost
 * of the parts computed on first read: the first explanation and all facts.
 */
import { generateBank } from '../../../seeds/synthetic/generate-bank';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { explainMembership, headsByReach } from '../../../src/domain/control/explain';
import { ControlGraph, controlGraphOf } from '../../../src/domain/model';

const ENTITIES = Number(process.env.SCALE_ENTITIES ?? 100_000);
const AS_OF = '2026-09-30';

function bank(entities: number): ControlGraph {
  return controlGraphOf(generateBank({ entities, seed: 1, asOf: AS_OF }));
}

function measured<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

it(`derives the groups of a ${ENTITIES}-entity synthetic bank`, () => {
  const graph = bank(ENTITIES);
  const rows = graph.shareholdings.length + graph.roles.length + graph.familyTies.length;
  const warm = bank(5000);
  for (let i = 0; i < 3; i++) deriveGroups(warm, AS_OF); // JIT warm-up
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const derive = measured(() => deriveGroups(graph, AS_OF));
  const d = derive.value;
  const heads = measured(() => {
    let multi = 0;
    d.groups.forEach((g, i) => {
      if (g.headIds.length > 1) {
        headsByReach(d, i);
        multi++;
      }
    });
    return multi;
  });
  const rssAfter = process.memoryUsage().rss;
  const largest = d.groups.reduce((a, g) => (g.memberIds.length > a.memberIds.length ? g : a));
  const explain = measured(() =>
    explainMembership(d, largest.memberIds[largest.memberIds.length - 1]),
  );
  const facts = measured(() => d.facts.length);
  console.log(
    [
      `entities ${ENTITIES}, rows ${rows + graph.links.length + graph.guarantees.length}`,
      `derive ${derive.ms.toFixed(0)} ms (cpu ${derive.cpuMs.toFixed(0)} ms)`,
      `heads of ${heads.value} multi-head groups ${heads.ms.toFixed(0)} ms`,
      `rss ${(rssBefore / 2 ** 20).toFixed(0)} -> ${(rssAfter / 2 ** 20).toFixed(0)} MiB`,
      `groups ${d.groups.length} (largest ${largest.memberIds.length}, ${largest.headIds.length} heads)`,
      `first explanation in the largest group (builds every fact and the group graph) ${explain.ms.toFixed(0)} ms (${explain.value.length} steps)`,
      `facts ${facts.value}, built on first read in ${facts.ms.toFixed(0)} ms`,
    ].join('\n'),
  );
  expect(d.groups.reduce((s, g) => s + g.memberIds.length, 0)).toBe(ENTITIES);
});
