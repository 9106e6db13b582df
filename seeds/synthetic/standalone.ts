/**
 * Companies outside any group: dispersed ownership (no holder above 50 %, holders not
 * related and not in concert), R10 clusters (PRIVATE companies that share a legal
 * representative, or whose legal representatives are siblings: one group although no one
 * holds control) and state-owned singles (E1: a SASAC's companies stay apart).
 */
import type { OwnershipType } from '../../src/domain/model';
import type { BankBuilder } from './bank-builder';
import { FULL } from './decimals';
import { distinctInvestors } from './group-context';
import { makeUscc } from './identifiers';
import { BRANDS, CITIES, companyName, personName, SECTORS } from './names';

function looseCompany(b: BankBuilder, ownership: OwnershipType): number {
  const { rng, cal } = b;
  const sector = rng.pick(SECTORS);
  const city = rng.pick(CITIES);
  const n = b.companies.length;
  return b.addCompany({
    name: companyName(rng.pick(BRANDS), sector, city),
    ownership,
    country: 'CN',
    industry: sector[2],
    founded: cal.yearsAgo(rng, 1, 25),
    uscc: makeUscc(n + 1, city[2]),
    lei: null,
    portfolio: null,
  });
}

/** A company nobody controls; `rep` (a new person, if given) is its legal representative. */
export function dispersedCompany(b: BankBuilder, rep: string | null): void {
  const { rng } = b;
  const ownership = rng.pick([
    'PRIVATE',
    'PRIVATE',
    'PRIVATE',
    'PRIVATE',
    'COLLECTIVE',
    'OTHER',
  ] as const);
  const n = looseCompany(b, ownership);
  const founded = b.founded[n];
  if (rep !== null) {
    b.stake(rep, n, rng.int(1500, 4500), founded);
    b.role(rep, n, 'LEGAL_REPRESENTATIVE', null, founded);
  }
  for (const investor of distinctInvestors(b, rng.int(1, 3))) {
    if (b.free[n] < 300) break;
    b.stake(investor, n, rng.int(200, Math.min(4500, b.free[n])), founded);
  }
}

/** R10: two or three PRIVATE companies, 45 % + 45 % each, sharing a legal representative. */
export function sharedRepresentativeCluster(b: BankBuilder): void {
  const { rng } = b;
  const siblings = rng.chance(0.3);
  const rep = b.addPerson(personName(rng));
  let other = rep;
  if (siblings) {
    other = b.addPerson(personName(rng));
    b.tie(rep, other, 'SIBLING', null);
  }
  const count = siblings ? 2 : rng.int(2, 3);
  for (let i = 0; i < count; i++) {
    const n = looseCompany(b, 'PRIVATE');
    const founded = b.founded[n];
    for (const investor of distinctInvestors(b, 2)) b.stake(investor, n, 4500, founded);
    b.role(i === 1 ? other : rep, n, 'LEGAL_REPRESENTATIVE', null, founded);
  }
}

/** E1: a state body's wholly-owned company, alone because state control does not join. */
export function stateSingle(b: BankBuilder): void {
  const { rng } = b;
  const n = looseCompany(b, 'STATE');
  b.stake(rng.pick(b.states), n, FULL, b.founded[n]);
  const manager = b.addPerson(personName(rng));
  b.role(manager, n, 'LEGAL_REPRESENTATIVE', null, b.founded[n]);
  b.investors.push(manager);
}
