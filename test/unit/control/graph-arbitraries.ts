/**
 * Random small control graphs for property tests: four persons, six companies and a state
 * body, with stakes, roles, family ties, links, designations and guarantees drawn at random.
 */
import fc from 'fast-check';
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

export const DAY = '2026-01-01';
const PERSONS = ['P1', 'P2', 'P3', 'P4'];
const COMPANIES = ['A', 'B', 'C', 'D', 'E', 'F'];
export const PARTIES = [...PERSONS, ...COMPANIES, 'S-1'];
const PCTS = ['10', '20', '25', '30', '35', '50', '50.0001', '51', '60', '100'];
export const CONTROL_LINKS = LINK_TYPES.filter((t) => t !== 'ACTING_IN_CONCERT');

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
export const shareArb = fc.record({
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
export const familyArb = fc.record({
  a: fc.constantFrom(...PERSONS),
  b: fc.constantFrom(...PERSONS),
  relation: fc.constantFrom(...FAMILY_RELATIONS),
});
export const linkArb = (types: readonly string[]) =>
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
export function shareholdings(rows: Share[]) {
  const total = new Map<string, number>();
  return rows.flatMap((r, i) => {
    const t = (total.get(r.company) ?? 0) + Number(r.pct);
    if (r.holder === r.company || t > 100) return [];
    total.set(r.company, t);
    return [aShareholding(r.holder, r.company, r.pct, { id: `SH-${i}` })];
  });
}
// PARENT_OF only from an earlier to a later person, so no one is his own ancestor.
export const familyTies = (rows: Fam[]) =>
  rows
    .filter((r) => r.a < r.b || (r.a !== r.b && r.relation !== 'PARENT_OF'))
    .map((r, i) => aFamilyTie(r.a, r.b, r.relation, { id: `FA-${i}` }));
const links = (rows: Lnk[]) =>
  rows.map((r, i) => aLink(r.from, r.to, r.type as never, { id: `LK-${i}` }));

export const graphArb = (withPools: boolean) =>
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
