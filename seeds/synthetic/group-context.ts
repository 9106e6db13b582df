/**
 * What the builders of one group share: its look (brand, city, ownership), its head for
 * declared control, its managers (legal representatives, directors, executives) and the
 * companies that may control new members.
 */
import type { OwnershipType } from '../../src/domain/model';
import type { BankBuilder, GroupKind } from './bank-builder';
import type { Family } from './families';
import { makeLei, makeUscc } from './identifiers';
import {
  BRANDS,
  CITIES,
  companyName,
  foreignCompanyName,
  FOREIGN_COUNTRIES,
  SECTORS,
  type Brand,
  type City,
} from './names';

export interface GroupContext {
  index: number;
  kind: GroupKind;
  first: number;
  ownership: OwnershipType;
  brand: Brand;
  city: City;
  /** Declared actual controller for R7 rows; never a state body (E1). */
  head: string | null;
  /** The person heading the group, legal representative and chairman of its top company. */
  headPerson: string | null;
  family: Family | null;
  managers: string[];
  /** Companies whose control is stable over time: the only ones that get subsidiaries. */
  parents: number[];
  tops: number[];
  /** Persons counted as members because they control something. */
  controllers: number;
}

const OWNERSHIP: Record<GroupKind, OwnershipType> = {
  FAMILY: 'PRIVATE',
  CONCERT: 'PRIVATE',
  DISPERSED: 'PRIVATE',
  MUTUAL: 'PRIVATE',
  STATE: 'STATE',
  FOREIGN: 'FOREIGN',
  INSTITUTION: 'COLLECTIVE',
};

export function newGroupContext(b: BankBuilder, kind: GroupKind): GroupContext {
  const { rng } = b;
  return {
    index: b.groups.length,
    kind,
    first: b.companies.length,
    ownership: OWNERSHIP[kind],
    brand: rng.pick(BRANDS),
    city: rng.pick(CITIES),
    head: null,
    headPerson: null,
    family: null,
    managers: [],
    parents: [],
    tops: [],
    controllers: 0,
  };
}

/** A company of the group, registered in China unless it is a foreign group's top. */
export function groupCompany(
  b: BankBuilder,
  g: GroupContext,
  founded: number,
  top = false,
): number {
  const { rng } = b;
  const n = b.companies.length;
  const sector = top ? SECTORS[0] : rng.pick(SECTORS);
  const city = rng.chance(0.7) ? g.city : rng.pick(CITIES);
  const abroad = top && g.kind === 'FOREIGN' ? rng.pick(FOREIGN_COUNTRIES) : null;
  const withLei = abroad !== null || (top && rng.chance(0.5)) || rng.chance(0.02);
  return b.addCompany(
    {
      name: abroad
        ? foreignCompanyName(g.brand, sector, abroad[1])
        : companyName(g.brand, sector, city),
      ownership: g.ownership,
      country: abroad ? abroad[0] : 'CN',
      industry: sector[2],
      founded,
      uscc: abroad ? null : makeUscc(n + 1, city[2]),
      lei: withLei ? makeLei(n + 1) : null,
      portfolio: null,
    },
    g.index,
  );
}

/** `count` different investors (fewer if the pool is small). */
export function distinctInvestors(b: BankBuilder, count: number): string[] {
  const chosen: string[] = [];
  for (let tries = 0; chosen.length < count && tries < count * 4; tries++) {
    const id = b.rng.pick(b.investors);
    if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}
