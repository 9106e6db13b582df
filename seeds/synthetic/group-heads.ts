/**
 * The top of each kind of group: who controls the top company and how. Family groups mix
 * R1 (the founder's majority), R3 (founder and child pooled) and R9 (relatives who each
 * control a company); state groups sit under a SASAC-like body (exemption E1: the body does
 * not join its groups together); concert groups are two persons acting in concert (R3);
 * mutual groups are two companies holding majorities in each other (two heads).
 */
import type { BankBuilder } from './bank-builder';
import { FULL } from './decimals';
import { buildFamily } from './families';
import { distinctInvestors, groupCompany, type GroupContext } from './group-context';
import { foreignPersonName, personName } from './names';

export function createHeads(b: BankBuilder, g: GroupContext, size: number): void {
  // Large groups are old: their trees had time to grow.
  const founded = size >= 100 ? b.cal.yearsAgo(b.rng, 20, 35) : b.cal.yearsAgo(b.rng, 3, 30);
  switch (g.kind) {
    case 'FAMILY':
      return familyHead(b, g, size, founded);
    case 'STATE':
      return stateHead(b, g, founded, size >= 1000 ? b.states[0] : b.rng.pick(b.states));
    case 'CONCERT':
      return concertHead(b, g, founded);
    case 'MUTUAL':
      return mutualHeads(b, g, founded);
    case 'FOREIGN':
      return b.rng.chance(0.6) ? personHead(b, g, founded, true) : dispersedHead(b, g, founded);
    case 'INSTITUTION':
      return institutionHead(b, g, founded);
    case 'DISPERSED':
      return dispersedHead(b, g, founded);
  }
}

function top(b: BankBuilder, g: GroupContext, founded: number): number {
  const n = groupCompany(b, g, founded, true);
  g.tops.push(n);
  g.parents.push(n);
  return n;
}

function majorityBp(b: BankBuilder): number {
  return b.rng.chance(0.4) ? FULL : b.rng.int(5100, 9900);
}

function familyHead(b: BankBuilder, g: GroupContext, size: number, founded: number): void {
  const { rng } = b;
  const generations =
    size >= 50 ? 3 : size >= 5 ? (rng.chance(0.3) ? 3 : 2) : rng.chance(0.4) ? 2 : 1;
  const fam = buildFamily(b, generations);
  g.family = fam;
  g.head = g.headPerson = fam.founder;
  g.controllers = 1;
  const t = top(b, g, founded);
  const heir = fam.children.length > 0 ? fam.children[0] : null;
  if (heir !== null && rng.chance(0.3)) {
    // R3: neither holds a majority; the founder with his own child does.
    const own = rng.int(2500, 4000);
    b.stake(fam.founder, t, own, founded);
    b.stake(heir, t, rng.int(5100 - own, 4900), founded);
    g.controllers++;
  } else {
    b.stake(fam.founder, t, majorityBp(b), founded);
  }
  const room = () => size - g.controllers - (b.companies.length - g.first);
  if (fam.spouse !== null && room() >= 3 && rng.chance(0.5)) {
    // R9: the spouse controls a company of her own.
    const c = groupCompany(b, g, b.cal.pastAfter(rng, founded));
    b.stake(fam.spouse, c, FULL, b.founded[c]);
    g.controllers++;
  }
  const junior = fam.children[fam.children.length - 1];
  if (junior !== undefined && junior !== heir && room() >= 3 && rng.chance(0.5)) {
    // R3 like the example's C-HAO: a child's 30–40 % pooled with the father's 11–20 %.
    const c = groupCompany(b, g, b.cal.pastAfter(rng, founded));
    const own = rng.int(3100, 4000);
    b.stake(junior, c, own, b.founded[c]);
    b.stake(fam.founder, c, rng.int(5100 - own, 2000), b.founded[c]);
    g.controllers++;
  }
  if (fam.grandchildren.length > 0 && room() >= 3) {
    // R9 across three generations: a grandchild's own company.
    const c = groupCompany(b, g, b.cal.pastAfter(rng, founded));
    b.stake(fam.grandchildren[0], c, FULL, b.founded[c]);
    g.controllers++;
  }
}

function stateHead(b: BankBuilder, g: GroupContext, founded: number, body: string): void {
  const t = top(b, g, founded);
  b.stake(body, t, majorityBp(b), founded);
  if (b.free[t] >= 500 && b.states.length > 1 && b.rng.chance(0.2)) {
    const other = b.states.find((s) => s !== body) as string;
    b.stake(other, t, b.rng.int(100, Math.min(b.free[t], 2000)), founded);
  }
}

function concertHead(b: BankBuilder, g: GroupContext, founded: number): void {
  const { rng, cal } = b;
  const a = b.addPerson(personName(rng));
  const c = b.addPerson(personName(rng));
  g.head = g.headPerson = a;
  g.controllers = 2;
  const t = top(b, g, founded);
  const own = rng.int(2000, 3500);
  b.stake(a, t, own, founded);
  b.stake(c, t, rng.int(5100 - own, 4900), founded);
  // Some agreements were signed after the stakes were taken: no control before that.
  const since = rng.chance(0.2) ? cal.pastAfter(rng, founded) : founded;
  b.link(a, c, 'ACTING_IN_CONCERT', since, null, 'shareholder agreement');
}

function mutualHeads(b: BankBuilder, g: GroupContext, founded: number): void {
  const { rng } = b;
  const x = top(b, g, founded);
  const y = top(b, g, founded);
  b.stake(b.companyId(x), y, rng.int(5100, 7000), founded);
  b.stake(b.companyId(y), x, rng.int(5100, 7000), founded);
  for (const investor of distinctInvestors(b, 2)) b.stake(investor, x, rng.int(100, 1500), founded);
  g.head = b.companyId(x);
}

function personHead(b: BankBuilder, g: GroupContext, founded: number, foreign: boolean): void {
  const t = top(b, g, founded);
  const owner = foreign
    ? b.addPerson(foreignPersonName(b.rng), b.companies[t].country ?? 'CN')
    : b.addPerson(personName(b.rng));
  b.stake(owner, t, majorityBp(b), founded);
  g.head = g.headPerson = owner;
  g.controllers = 1;
}

function dispersedHead(b: BankBuilder, g: GroupContext, founded: number): void {
  const t = top(b, g, founded);
  for (const investor of distinctInvestors(b, b.rng.int(3, 4))) {
    b.stake(investor, t, b.rng.int(500, 2400), founded);
  }
  g.head = b.companyId(t);
}

function institutionHead(b: BankBuilder, g: GroupContext, founded: number): void {
  // An institution heads one group only: two groups under one would be one group.
  const body = b.institutions[b.institutionsUsed++];
  if (body === undefined) return dispersedHead(b, g, founded);
  const t = top(b, g, founded);
  b.stake(body, t, FULL, founded);
  g.head = body;
  g.controllers = 1;
}
