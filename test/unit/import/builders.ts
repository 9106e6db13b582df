/**
 * Records of the interchange format with sensible defaults: override only what a case is
 * about, e.g. `aShareholding('S1', 'P1', 'C1', '51')`.
 */
import {
  type Capital,
  type ControlLink,
  type Dataset,
  type Drawing,
  emptyDataset,
  type Facility,
  type FamilyTie,
  type FxRate,
  type GroupLimit,
  type Guarantee,
  type Party,
  type Role,
  type Shareholding,
} from '../../../src/domain/model';

export const aParty = (id: string, overrides: Partial<Party> = {}): Party => ({
  id,
  kind: 'COMPANY',
  name: `${id} Ltd`,
  ownership: 'PRIVATE',
  country: 'CN',
  uscc: null,
  lei: null,
  industry: null,
  boardSeats: null,
  customer: false,
  portfolio: null,
  ...overrides,
});

export const aPerson = (id: string, overrides: Partial<Party> = {}): Party =>
  aParty(id, { kind: 'PERSON', ownership: null, name: `Person ${id}`, ...overrides });

export const aShareholding = (
  id: string,
  holderId: string,
  companyId: string,
  votingPct: string,
  overrides: Partial<Shareholding> = {},
): Shareholding => ({
  id,
  holderId,
  companyId,
  votingPct,
  equityPct: votingPct,
  validFrom: null,
  validTo: null,
  source: null,
  ...overrides,
});

export const aRole = (
  id: string,
  holderId: string,
  companyId: string,
  overrides: Partial<Role> = {},
): Role => ({
  id,
  holderId,
  companyId,
  role: 'DIRECTOR',
  appointedById: null,
  validFrom: null,
  validTo: null,
  source: null,
  ...overrides,
});

export const aFamilyTie = (
  id: string,
  personAId: string,
  personBId: string,
  overrides: Partial<FamilyTie> = {},
): FamilyTie => ({
  id,
  personAId,
  personBId,
  relation: 'SPOUSE',
  validFrom: null,
  validTo: null,
  source: null,
  ...overrides,
});

export const aLink = (
  id: string,
  fromId: string,
  toId: string,
  overrides: Partial<ControlLink> = {},
): ControlLink => ({
  id,
  fromId,
  toId,
  type: 'ACTING_IN_CONCERT',
  validFrom: null,
  validTo: null,
  source: null,
  reason: null,
  ...overrides,
});

export const aGuarantee = (
  id: string,
  guarantorId: string,
  borrowerId: string,
  overrides: Partial<Guarantee> = {},
): Guarantee => ({
  id,
  guarantorId,
  borrowerId,
  amount: '1000',
  currency: 'CNY',
  validFrom: null,
  validTo: null,
  ...overrides,
});

export const aFacility = (
  id: string,
  borrowerId: string,
  overrides: Partial<Facility> = {},
): Facility => ({
  id,
  borrowerId,
  product: 'TERM_LOAN',
  limit: '1000000',
  currency: 'CNY',
  committed: true,
  cancellable: false,
  start: null,
  maturity: null,
  cashMargin: null,
  guarantorId: null,
  guaranteedAmount: null,
  ...overrides,
});

export const aDrawing = (facilityId: string, asOf: string, drawn: string): Drawing => ({
  facilityId,
  asOf,
  drawn,
});

export const anFxRate = (currency: string, asOf: string, rate: string): FxRate => ({
  currency,
  asOf,
  rate,
});

export const aCapital = (asOf: string, overrides: Partial<Capital> = {}): Capital => ({
  asOf,
  tier1Capital: '50000000000',
  netCapital: '62000000000',
  currency: 'CNY',
  ...overrides,
});

export const aGroupLimit = (
  id: string,
  memberId: string,
  overrides: Partial<GroupLimit> = {},
): GroupLimit => ({
  id,
  memberId,
  limit: '1000000',
  currency: 'CNY',
  validFrom: null,
  validTo: null,
  ...overrides,
});

export function aDataset(parts: Partial<Dataset> = {}): Dataset {
  return { ...emptyDataset(), ...parts };
}

/**
 * One of everything, with the values a CSV round trip can get wrong: commas, quotes and
 * line breaks in text, CJK, long decimals, booleans both ways, open and closed validity.
 */
export function awkwardDataset(): Dataset {
  return aDataset({
    entities: [
      aParty('W-C1', {
        name: '华信 "Huaxin", Holdings\nSecond line',
        uscc: '91110108MA01ALPHAX',
        lei: '213800FERQ5LE3H7WJ58',
        industry: 'C31',
        boardSeats: 7,
        customer: true,
        portfolio: 'RM,EAST',
      }),
      aParty('W-C2', { ownership: 'STATE', country: 'HK' }),
      aPerson('W-P1', { name: 'Zhang, Wei' }),
      aPerson('W-P2', { country: null }),
      aParty('W-S1', { kind: 'STATE', ownership: null }),
    ],
    shareholdings: [
      aShareholding('W-SH1', 'W-P1', 'W-C1', '33.333333333333333333333333', {
        equityPct: '12.5',
        validFrom: '2020-02-29',
        validTo: '2030-01-01',
        source: 'registry; "extract" 2024',
      }),
      aShareholding('W-SH2', 'W-C1', 'W-C2', '100'),
    ],
    roles: [aRole('W-RO1', 'W-P2', 'W-C1', { role: 'CHAIRMAN', appointedById: 'W-P1' })],
    familyTies: [
      aFamilyTie('W-FA1', 'W-P1', 'W-P2', { relation: 'PARENT_OF', validFrom: '1990-01-01' }),
    ],
    links: [
      aLink('W-LK1', 'W-P1', 'W-C2', { type: 'OTHER_CONTROL', reason: 'analyst: side letter' }),
    ],
    guarantees: [aGuarantee('W-GU1', 'W-C2', 'W-C1', { amount: '0.01', currency: 'USD' })],
    facilities: [
      aFacility('W-FC1', 'W-C1', {
        cancellable: true,
        start: '2025-01-01',
        maturity: '2026-01-01',
        cashMargin: '0',
        guarantorId: 'W-C2',
        guaranteedAmount: '123456789012345678901234.5678',
      }),
      aFacility('W-FC2', 'W-C2', { committed: false, product: 'TRADE_LC' }),
    ],
    drawings: [
      aDrawing('W-FC1', '2025-06-30', '500000'),
      aDrawing('W-FC1', '2025-03-31', '250000.5'),
    ],
    fxRates: [anFxRate('USD', '2025-06-30', '7.1234567890123')],
    capital: [aCapital('2025-06-30')],
    groupLimits: [aGroupLimit('W-GL1', 'W-C1', { validFrom: '2025-01-01', validTo: '2026-01-01' })],
  });
}
