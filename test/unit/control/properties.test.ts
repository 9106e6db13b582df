import fc from 'fast-check';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { Derivation } from '../../../src/domain/control/types';
import { UnionFind } from '../../../src/domain/graph/union-find';
import {
  ControlGraph,
  DESIGNATION_KINDS,
  FAMILY_RELATIONS,
  LINK_TYPES,
  Party,
  ROLE_TYPES,
} from '../../../src/domain/model';
import {
  aDesignation,
  aFamilyTie,
  aGuarantee,
  aLink,
  aParty,
  aRole,
  aShareholding,
} from './builders';

const DAY = '2026-01-01';
const PERSONS = ['P1', 'P2', 'P3', 'P4'];
const COMPANIES = ['A', 'B', 'C', 'D', 'E', 'F'];
const PARTIES = [...PERSONS, ...COMPANIES, 'S-1'];
const PCTS = ['10', '20', '25', '30', '35', '50', '50.0001', '51', '60', '100'];
const CONTROL_LINKS = LINK_TYPES.filter((t) => t !== 'ACTING_IN_CONCERT');

const entitiesArb = fc
  .tuple(
    fc.array(fc.constantFrom('PRIVATE', 'STATE'), { minLength: 6, maxLength: 6 }),
    fc.array(fc.option(fc.integer({ min: 1, max: 5 })), { minLength: 6, maxLength: 6 }),
  )
  .map(([ownership, seats]): Party[] => [
    ...PERSONS.map((id) => aParty(id)),
    ...COMPANIES.map((id, i) =>
      aParty(id, { ownership: ownership[i] as 'PRIVATE' | 'STATE', boardSeats: seats[i] }),
    ),
    aParty('S-1'),
  ]);
const shareArb = fc.record({
  holder: fc.constantFrom(...PARTIES),
  company: fc.constantFrom(...COMPANIES),
  pct: fc.constantFrom(...PCTS),
});
const roleArb = fc.record({
  holder: fc.constantFrom(...PARTIES),
  company: fc.constantFrom(...COMPANIES),
  role: fc.constantFrom(...ROLE_TYPES),
  appointedBy: fc.option(fc.constantFrom(...PARTIES), { nil: undefined }),
});
const familyArb = fc.record({
  a: fc.constantFrom(...PERSONS),
  b: fc.constantFrom(...PERSONS),
  relation: fc.constantFrom(...FAMILY_RELATIONS),
});
const linkArb = (types: readonly string[]) =>
  fc.record({
    from: fc.constantFrom(...PARTIES),
    to: fc.constantFrom(...PARTIES),
    type: fc.constantFrom(...types),
  });
const designationArb = fc.record({
  kind: fc.constantFrom(...DESIGNATION_KINDS),
  a: fc.constantFrom(...PARTIES),
  b: fc.constantFrom(...PARTIES),
});

type Share = { holder: string; company: string; pct: string };
type Fam = { a: string; b: string; relation: (typeof FAMILY_RELATIONS)[number] };
type Lnk = { from: string; to: string; type: string };

/** Keeps each company's voting stakes at or below 100 %, as import validation does. */
function shareholdings(rows: Share[]) {
  const total = new Map<string, number>();
  return rows.flatMap((r, i) => {
    const t = (total.get(r.company) ?? 0) + Number(r.pct);
    if (r.holder === r.company || t > 100) return [];
    total.set(r.company, t);
    return [aShareholding(r.holder, r.company, r.pct, { id: `SH-${i}` })];
  });
}
// PARENT_OF only from an earlier to a later person, so no one is his own ancestor.
const familyTies = (rows: Fam[]) =>
  rows
    .filter((r) => r.a < r.b || (r.a !== r.b && r.relation !== 'PARENT_OF'))
    .map((r, i) => aFamilyTie(r.a, r.b, r.relation, { id: `FA-${i}` }));
const links = (rows: Lnk[]) =>
  rows.map((r, i) => aLink(r.from, r.to, r.type as never, { id: `LK-${i}` }));

const graphArb = (withPools: boolean) =>
  fc
    .record({
      entities: entitiesArb,
      shares: fc.array(shareArb, { maxLength: 14 }),
      roles: fc.array(roleArb, { maxLength: 6 }),
      family: withPools ? fc.array(familyArb, { maxLength: 5 }) : fc.constant([] as Fam[]),
      links: fc.array(linkArb(withPools ? LINK_TYPES : CONTROL_LINKS), { maxLength: 4 }),
      designations: fc.array(designationArb, { maxLength: 2 }),
      guarantees: fc.array(fc.tuple(fc.constantFrom(...PARTIES), fc.constantFrom(...PARTIES)), {
        maxLength: 4,
      }),
    })
    .map((p): ControlGraph => ({
      entities: p.entities,
      shareholdings: shareholdings(p.shares),
      roles: p.roles.map((r, i) =>
        aRole(r.holder, r.company, r.role, { id: `RO-${i}`, appointedBy: r.appointedBy }),
      ),
      familyTies: familyTies(p.family),
      links: links(p.links),
      guarantees: p.guarantees.map(([a, b], i) => aGuarantee(a, b, { id: `GU-${i}` })),
      designations: p.designations.map((d, i) => aDesignation(d.kind, d.a, d.b, { id: `MD-${i}` })),
    }));

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
