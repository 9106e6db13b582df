/**
 * One group of the bank: heads (group-heads.ts), then a holding tree grown by attaching each
 * new company to a random stable member (a random recursive tree: shallow, bushy, like real
 * holding structures), then the people who run it (staffing.ts).
 */
import type { BankBuilder, GroupKind } from './bank-builder';
import { attachChild } from './control-patterns';
import { groupCompany, newGroupContext } from './group-context';
import { createHeads } from './group-heads';
import { personName } from './names';
import { staffGroup } from './staffing';

/** One manager per this many companies. */
const COMPANIES_PER_MANAGER = 6;

export function buildGroup(b: BankBuilder, kind: GroupKind, size: number): void {
  const { rng, cal } = b;
  const g = newGroupContext(b, kind);
  createHeads(b, g, size);

  const companies = Math.max(b.companies.length - g.first, size - g.controllers);
  const managers = Math.ceil(companies / COMPANIES_PER_MANAGER);
  if (g.headPerson !== null && companies <= 3) g.managers.push(g.headPerson);
  else for (let i = 0; i < managers; i++) g.managers.push(b.addPerson(personName(rng)));

  while (b.companies.length - g.first < companies) {
    const parent = rng.pick(g.parents);
    // Subsidiaries follow their parent (or its purchase) within about two years, so old groups
    // were large already and a bought company's subsidiaries never belonged to the seller.
    const base = Math.max(b.founded[parent], b.staffFrom[parent]);
    const founded = Math.min(base + rng.int(30, 730), cal.asOf - 30);
    const child = groupCompany(b, g, founded);
    if (attachChild(b, g, child, parent)) g.parents.push(child);
  }
  staffGroup(b, g);
  // Managers hold nothing in their own group, so they are safe minority holders elsewhere.
  if (g.managers[0] !== g.headPerson) b.investors.push(...g.managers);
  b.groups.push({
    kind,
    first: g.first,
    last: b.companies.length - 1,
    members: companies + g.controllers,
  });
}
