/**
 * Scale measurement, not part of the suite (jest matches *.test.ts only). Run with
 *   npx jest --testMatch '**\/scale.perf.ts'
 * Builds a synthetic bank of ENTITIES parties (default 100 000; SCALE_ENTITIES overrides)
 * with about three control-relevant edges per party and reports the derive time.
 */
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { explainMembership } from '../../../src/domain/control/explain';
import { ControlGraph, LinkType } from '../../../src/domain/model';
import { aFamilyTie, aGuarantee, aLink, aParty, aRole, aShareholding } from './builders';

const ENTITIES = Number(process.env.SCALE_ENTITIES ?? 100_000);

function syntheticBank(n: number): ControlGraph {
  let seed = 42;
  const rnd = (k: number): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % k;
  };
  const persons = Math.floor(n * 0.3);
  const id = (i: number) => (i < persons ? `P-${i}` : `C-${i}`);
  const graph: ControlGraph = {
    entities: [],
    shareholdings: [],
    roles: [],
    familyTies: [],
    links: [],
    guarantees: [],
    designations: [],
  };
  for (let i = 0; i < n; i++) {
    graph.entities.push(aParty(id(i), i < persons ? {} : { boardSeats: rnd(2) === 0 ? 5 : null }));
  }
  for (let y = persons; y < n; y++) {
    // 1-4 holders among earlier parties (a forest of holdings, some cross-holdings below).
    let left = 100;
    for (let k = 1 + rnd(4); k > 0 && left > 0; k--) {
      const pct = Math.min(left, 5 + rnd(60));
      left -= pct;
      graph.shareholdings.push(
        aShareholding(id(rnd(y)), id(y), String(pct), { id: `SH-${y}-${k}` }),
      );
    }
    if (rnd(50) === 0 && left >= 20) {
      graph.shareholdings.push(
        aShareholding(id(persons + rnd(n - persons)), id(y), '20', { id: `SH-${y}-x` }),
      );
    }
    if (rnd(4) === 0) {
      const appointer = id(persons + rnd(y - persons + 1));
      for (let s = 0; s < 3; s++) {
        graph.roles.push(
          aRole(id(rnd(persons)), id(y), s === 0 ? 'CHAIRMAN' : 'DIRECTOR', {
            id: `RO-${y}-${s}`,
            appointedBy: appointer,
          }),
        );
      }
    }
    if (rnd(3) === 0)
      graph.roles.push(
        aRole(id(rnd(persons)), id(y), 'LEGAL_REPRESENTATIVE', { id: `RO-${y}-lr` }),
      );
    if (rnd(10) === 0) {
      const borrower = id(persons + rnd(n - persons));
      graph.guarantees.push(aGuarantee(id(y), borrower, { id: `GU-${y}` }));
      // Some guarantees are mutual: guarantee circles.
      if (rnd(5) === 0) graph.guarantees.push(aGuarantee(borrower, id(y), { id: `GU-${y}-r` }));
    }
  }
  for (let p = 0; p < persons; p += 3) {
    graph.familyTies.push(aFamilyTie(id(p), id(p + 1), 'SPOUSE', { id: `FA-${p}-s` }));
    graph.familyTies.push(aFamilyTie(id(p), id(p + 2), 'PARENT_OF', { id: `FA-${p}-c` }));
  }
  const types: LinkType[] = [
    'CONSOLIDATION',
    'ACTING_IN_CONCERT',
    'CENTRAL_TREASURY',
    'VOTING_PROXY',
  ];
  for (let k = 0; k < n / 20; k++) {
    graph.links.push(
      aLink(id(rnd(n)), id(persons + rnd(n - persons)), types[rnd(4)], { id: `LK-${k}` }),
    );
  }
  return graph;
}

it(`derives groups for ${ENTITIES} entities`, () => {
  const graph = syntheticBank(ENTITIES);
  const edges =
    graph.shareholdings.length +
    graph.roles.length +
    graph.familyTies.length +
    graph.links.length +
    graph.guarantees.length;
  deriveGroups(syntheticBank(2000), '2026-01-01'); // warm up the JIT
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const d = deriveGroups(graph, '2026-01-01');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssAfter = process.memoryUsage().rss;
  const largest = d.groups.reduce((a, g) => (g.memberIds.length > a.memberIds.length ? g : a));
  const member = largest.memberIds[largest.memberIds.length - 1];
  const explainStarted = process.hrtime.bigint();
  const steps = explainMembership(d, member);
  const explainMs = Number(process.hrtime.bigint() - explainStarted) / 1e6;
  console.log(
    [
      `entities ${ENTITIES}, edges ${edges}`,
      `derive ${ms.toFixed(0)} ms`,
      `facts ${d.facts.length}, groups ${d.groups.length} (largest ${largest.memberIds.length}, ${largest.headIds.length} heads), circles ${d.guaranteeCircles.length}`,
      `first explanation in the largest group: ${explainMs.toFixed(0)} ms (${steps.length} steps)`,
      `rss ${(rssBefore / 2 ** 20).toFixed(0)} -> ${(rssAfter / 2 ** 20).toFixed(0)} MiB`,
    ].join('\n'),
  );
  expect(d.groups.reduce((s, g) => s + g.memberIds.length, 0)).toBe(ENTITIES);
});
