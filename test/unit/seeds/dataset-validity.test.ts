/**
 * Every generated row passes the import validation of ../shared/formats: ids, references,
 * stakes ≤ 100 % on every date, board seats, dates, checksums, books.
 */
import fc from 'fast-check';
import { generateBank } from '../../../seeds/synthetic/generate-bank';
import { aCompany, aLink, aRole, aShareholding, aSmallBank } from './builders';
import { isValidLei, isValidOrgCode, isValidUscc } from './checksums';
import { validationProblems } from './import-rules';

describe('the import rules used below', () => {
  it('accept the small valid bank', () => {
    expect(validationProblems(aSmallBank())).toEqual([]);
  });

  it.each([
    [
      'stakes over 100 % on one date',
      {
        shareholdings: [
          aShareholding('P-1', 'C-1', '60'),
          aShareholding('P-2', 'C-1', '41', { validFrom: '2020-01-01' }),
        ],
      },
      '101 % on 2020-01-01',
    ],
    ['a self-holding', { shareholdings: [aShareholding('C-1', 'C-1', '10')] }, 'self-holding'],
    [
      'an unknown holder',
      { shareholdings: [aShareholding('P-9', 'C-1', '10')] },
      'unknown entity P-9',
    ],
    ['a person held', { shareholdings: [aShareholding('C-1', 'P-1', '10')] }, 'P-1 is a PERSON'],
    [
      'dates out of order',
      {
        shareholdings: [
          aShareholding('P-1', 'C-1', '10', { validFrom: '2021-01-01', validTo: '2020-01-01' }),
        ],
      },
      'dates not ordered',
    ],
    [
      'more directors than seats',
      {
        roles: [
          aRole('P-1', 'C-1', 'CHAIRMAN'),
          aRole('P-2', 'C-1', 'DIRECTOR'),
          aRole('C-2', 'C-1', 'DIRECTOR'),
          aRole('P-2', 'C-1', 'DIRECTOR', { validFrom: '2020-01-01' }),
        ],
      },
      '4 seats of 3',
    ],
    [
      'directors without a board size',
      { roles: [aRole('P-1', 'C-2', 'DIRECTOR')] },
      '1 seats of null',
    ],
    [
      'OTHER_CONTROL without a reason',
      { links: [aLink('C-1', 'C-2', { type: 'OTHER_CONTROL' })] },
      'without reason',
    ],
    [
      'a bad USCC',
      { entities: [...aSmallBank().entities, aCompany('C-3', { uscc: '91350100M000100Y44' })] },
      'uscc',
    ],
    [
      'a bad LEI',
      { entities: [...aSmallBank().entities, aCompany('C-3', { lei: '529900T8BM49AURSDO56' })] },
      'lei',
    ],
  ])('reject %s', (_case, overrides, expected) => {
    expect(validationProblems(aSmallBank(overrides)).join('\n')).toContain(expected);
  });
});

describe('checksums', () => {
  const CHECKS = { uscc: isValidUscc, org: isValidOrgCode, lei: isValidLei };
  it.each([
    ['uscc', '91350100M000100Y43', true],
    ['uscc', '91350100M000100Y42', false],
    ['uscc', '91350100M0001I0Y43', false],
    ['org', 'D2143569X', true],
    ['org', 'D21435691', false],
    ['lei', '529900T8BM49AURSDO55', true],
    ['lei', '5493001KJTIIGC8Y1R12', true],
    ['lei', '529900T8BM49AURDSO55', false],
    ['lei', '529900T8BM49AURSDO5', false],
  ] as const)('%s %s valid: %s', (kind, code, valid) => {
    expect(CHECKS[kind](code)).toBe(valid);
  });
});

describe('a generated bank', () => {
  const bank = generateBank({ entities: 30_000, seed: 11 });

  it('has no row the import would reject', () => {
    expect(validationProblems(bank)).toEqual([]);
  });

  it('gives companies checksum-valid identifiers, the organisation code included', () => {
    const withUscc = bank.entities.filter((e) => e.uscc !== null);
    expect(withUscc.length).toBeGreaterThan(bank.entities.length / 2);
    expect(withUscc.every((e) => isValidOrgCode((e.uscc as string).slice(8, 17)))).toBe(true);
    expect(bank.entities.some((e) => e.lei !== null)).toBe(true);
  });

  it('uses ids of at most 64 characters everywhere', () => {
    const ids = [
      bank.entities,
      bank.shareholdings,
      bank.roles,
      bank.familyTies,
      bank.links,
      bank.guarantees,
      bank.facilities,
      bank.groupLimits,
    ]
      .flat()
      .map((r) => r.id);
    expect(ids.every((id) => id.length > 0 && id.length <= 64)).toBe(true);
  });

  it('has fx rates for every currency it uses and one capital row', () => {
    const used = new Set(bank.facilities.map((f) => f.currency));
    const rated = new Set(bank.fxRates.map((r) => r.currency));
    expect([...used].filter((c) => !rated.has(c))).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(3);
    expect(bank.capital).toHaveLength(1);
    expect(bank.groupLimits.length).toBeGreaterThanOrEqual(3);
  });
});

describe('property: any size and seed', () => {
  it('generates only valid rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 3_000 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (entities, seed) => {
          const bank = generateBank({ entities, seed });
          expect(validationProblems(bank)).toEqual([]);
          expect(Math.abs(bank.entities.length - entities)).toBeLessThanOrEqual(entities * 0.05);
        },
      ),
      { numRuns: 25 },
    );
  });
});
