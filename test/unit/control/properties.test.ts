import fc from 'fast-check';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { Derivation } from '../../../src/domain/control/types';
import { UnionFind } from '../../../src/domain/graph/union-find';
import { ControlGraph } from '../../../src/domain/model';
import { aDesignation, aLink } from './builders';
import {
  CONTROL_LINKS,
  DAY,
  familyArb,
  familyTies,
  graphArb,
  linkArb,
  PARTIES,
  shareArb,
  shareholdings,
} from './graph-arbitraries';

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function togetherPairs(d: Derivation): [string, string][] {
  return d.groups.flatMap((g) =>
    g.memberIds.slice(1).map((m): [string, string] => [g.memberIds[0], m]),
  );
}

describe('group derivation properties', () => {
  it('does not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(graphArb(true), fc.integer(), (graph, seed) => {
        const shuffled: ControlGraph = {
          entities: shuffle(graph.entities, seed),
          shareholdings: shuffle(graph.shareholdings, seed + 1),
          roles: shuffle(graph.roles, seed + 2),
          familyTies: shuffle(graph.familyTies, seed + 3),
          links: shuffle(graph.links, seed + 4),
          guarantees: shuffle(graph.guarantees, seed + 6),
          designations: shuffle(graph.designations, seed + 5),
        };
        expect(deriveGroups(shuffled, DAY)).toEqual(deriveGroups(graph, DAY));
      }),
    );
  });

  it('puts every entity in exactly one group, with sorted members and heads among them', () => {
    fc.assert(
      fc.property(graphArb(true), (graph) => {
        const d = deriveGroups(graph, DAY);
        const members = d.groups.flatMap((g) => g.memberIds);
        expect([...members].sort()).toEqual(graph.entities.map((e) => e.id).sort());
        d.groups.forEach((g, i) => {
          expect(g.memberIds).toEqual([...g.memberIds].sort());
          expect(g.headIds.length).toBeGreaterThan(0);
          expect(g.headIds.every((h) => g.memberIds.includes(h))).toBe(true);
          g.memberIds.forEach((m) => expect(d.groupIndexOf.get(m)).toBe(i));
        });
        const firsts = d.groups.map((g) => g.memberIds[0]);
        expect(firsts).toEqual([...firsts].sort());
      }),
    );
  });

  it('makes every group a connected set of its joining facts, and no joining fact cross groups', () => {
    fc.assert(
      fc.property(graphArb(true), (graph) => {
        const d = deriveGroups(graph, DAY);
        const ids = graph.entities.map((e) => e.id).sort();
        const uf = new UnionFind(ids.length);
        for (const f of d.facts.filter((x) => x.joinsGroup)) {
          expect(d.groupIndexOf.get(f.controllerId)).toBe(d.groupIndexOf.get(f.controlledId));
          uf.union(ids.indexOf(f.controllerId), ids.indexOf(f.controlledId));
        }
        for (const [a, b] of togetherPairs(d))
          expect(uf.connected(ids.indexOf(a), ids.indexOf(b))).toBe(true);
      }),
    );
  });

  it('never splits a group when a shareholding or a control link is added', () => {
    const extra = fc.oneof(
      shareArb.map((s) => ({ share: s, link: null })),
      linkArb(CONTROL_LINKS).map((l) => ({ share: null, link: l })),
    );
    fc.assert(
      fc.property(graphArb(false), extra, (graph, add) => {
        const before = deriveGroups(graph, DAY);
        const grown: ControlGraph = {
          ...graph,
          shareholdings: add.share
            ? shareholdings([
                ...graph.shareholdings.map((s) => ({
                  holder: s.holderId,
                  company: s.companyId,
                  pct: s.votingPct,
                })),
                add.share,
              ])
            : graph.shareholdings,
          links: add.link
            ? [
                ...graph.links,
                aLink(add.link.from, add.link.to, add.link.type as never, { id: 'LK-new' }),
              ]
            : graph.links,
        };
        const after = deriveGroups(grown, DAY);
        for (const [a, b] of togetherPairs(before))
          expect(after.groupIndexOf.get(a)).toBe(after.groupIndexOf.get(b));
      }),
    );
  });

  it('never splits a group when a family tie, a concert agreement or a JOIN is added', () => {
    const extra = fc.oneof(
      familyArb.map((f) => ({ family: f, link: null, join: null })),
      fc
        .tuple(fc.constantFrom(...PARTIES), fc.constantFrom(...PARTIES))
        .map(([a, b]) => ({ family: null, link: [a, b], join: null })),
      fc
        .tuple(fc.constantFrom(...PARTIES), fc.constantFrom(...PARTIES))
        .map(([a, b]) => ({ family: null, link: null, join: [a, b] })),
    );
    fc.assert(
      fc.property(graphArb(true), extra, (graph, add) => {
        const before = deriveGroups(graph, DAY);
        const grown: ControlGraph = {
          ...graph,
          familyTies: add.family
            ? [
                ...graph.familyTies,
                ...familyTies([add.family]).map((t) => ({ ...t, id: 'FA-new' })),
              ]
            : graph.familyTies,
          links: add.link
            ? [
                ...graph.links,
                aLink(add.link[0], add.link[1], 'ACTING_IN_CONCERT', { id: 'LK-new' }),
              ]
            : graph.links,
          designations: add.join
            ? [
                ...graph.designations,
                aDesignation('JOIN', add.join[0], add.join[1], { id: 'MD-new' }),
              ]
            : graph.designations,
        };
        const after = deriveGroups(grown, DAY);
        for (const [a, b] of togetherPairs(before))
          expect(after.groupIndexOf.get(a)).toBe(after.groupIndexOf.get(b));
      }),
    );
  });
});
