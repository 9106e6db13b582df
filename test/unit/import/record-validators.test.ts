import type { FieldProblem } from '../../../src/import/import-problem';
import {
  validateCapital,
  validateControlLink,
  validateDrawing,
  validateFacility,
  validateFamilyTie,
  validateFxRate,
  validateGroupLimit,
  validateGuarantee,
  validateParty,
  validateRole,
  validateShareholding,
} from '../../../src/import/record-validators';
import {
  aCapital,
  aDrawing,
  aFacility,
  aFamilyTie,
  aGroupLimit,
  aGuarantee,
  aLink,
  anFxRate,
  aParty,
  aPerson,
  aRole,
  aShareholding,
} from './builders';
import type { EntityKind, LinkType } from '../../../src/domain/model';

const columns = (problems: FieldProblem[]) => problems.map((p) => p.column);

describe('validateParty', () => {
  it.each([
    [
      'a company with every field',
      aParty('C1', { uscc: '91310000EEYQ5NCP5G', lei: '277200PMRW7Y75TG3D58', boardSeats: 7 }),
    ],
    ['a person with nothing optional', aPerson('P1', { country: null })],
  ])('accepts %s', (_case, party) => {
    expect(validateParty(party)).toEqual([]);
  });

  it.each([
    ['a missing id', aParty(''), 'id', /missing value/],
    ['an id over 64 characters', aParty('X'.repeat(65)), 'id', /longer than 64/],
    [
      'an unknown kind',
      aParty('C1', { kind: 'FIRM' as EntityKind }),
      'kind',
      /"FIRM" is not one of/,
    ],
    ['a missing name', aParty('C1', { name: '' }), 'name', /missing value/],
    [
      'an unknown ownership',
      aParty('C1', { ownership: 'MIXED' as never }),
      'ownership',
      /not one of/,
    ],
    ['a three-letter country', aParty('C1', { country: 'CHN' }), 'country', /ISO 3166-1/],
    [
      'a USCC with a wrong check character',
      aParty('C1', { uscc: '91310000EEYQ5NCP5H' }),
      'uscc',
      /统一社会信用代码/,
    ],
    [
      'a LEI with wrong check digits',
      aParty('C1', { lei: '277200PMRW7Y75TG3D59' }),
      'lei',
      /invalid LEI/,
    ],
    ['zero board seats', aParty('C1', { boardSeats: 0 }), 'board_seats', /greater than 0/],
  ])('rejects %s', (_case, party, column, reason) => {
    expect(validateParty(party)).toEqual([{ column, reason: expect.stringMatching(reason) }]);
  });
});

describe('validateShareholding', () => {
  it.each([
    ['a majority stake', aShareholding('S1', 'A', 'B', '51')],
    ['exactly 100', aShareholding('S1', 'A', 'B', '100')],
    ['a tiny stake with many decimals', aShareholding('S1', 'A', 'B', '0.000001')],
    [
      'a closed validity',
      aShareholding('S1', 'A', 'B', '10', { validFrom: '2020-01-01', validTo: '2020-01-02' }),
    ],
  ])('accepts %s', (_case, s) => {
    expect(validateShareholding(s)).toEqual([]);
  });

  it.each([
    ['0 %', aShareholding('S1', 'A', 'B', '0'), 'voting_pct', /out of range/],
    ['over 100 %', aShareholding('S1', 'A', 'B', '100.01'), 'voting_pct', /out of range/],
    ['a negative stake', aShareholding('S1', 'A', 'B', '-5'), 'voting_pct', /out of range/],
    [
      'a thousands separator',
      aShareholding('S1', 'A', 'B', '1,000'),
      'voting_pct',
      /not a decimal/,
    ],
    ['a percent sign', aShareholding('S1', 'A', 'B', '51%'), 'voting_pct', /not a decimal/],
    ['an exponent', aShareholding('S1', 'A', 'B', '5e1'), 'voting_pct', /not a decimal/],
    [
      'an equity stake out of range',
      aShareholding('S1', 'A', 'B', '51', { equityPct: '101' }),
      'equity_pct',
      /out of range/,
    ],
    ['self-ownership', aShareholding('S1', 'A', 'A', '10'), 'company', /self-ownership/],
    ['a missing holder', aShareholding('S1', '', 'B', '10'), 'holder', /missing value/],
    [
      'no such day',
      aShareholding('S1', 'A', 'B', '10', { validFrom: '2023-02-29' }),
      'valid_from',
      /not a date/,
    ],
    [
      'a day-first date',
      aShareholding('S1', 'A', 'B', '10', { validTo: '01/02/2024' }),
      'valid_to',
      /not a date/,
    ],
    [
      'dates out of order',
      aShareholding('S1', 'A', 'B', '10', { validFrom: '2024-01-01', validTo: '2023-01-01' }),
      'valid_to',
      /not after valid_from/,
    ],
    [
      'an empty validity',
      aShareholding('S1', 'A', 'B', '10', { validFrom: '2024-01-01', validTo: '2024-01-01' }),
      'valid_to',
      /not after valid_from/,
    ],
  ])('rejects %s', (_case, s, column, reason) => {
    expect(validateShareholding(s)).toEqual([{ column, reason: expect.stringMatching(reason) }]);
  });

  it('reports a bad voting_pct once when equity_pct is its default', () => {
    expect(columns(validateShareholding(aShareholding('S1', 'A', 'B', 'abc')))).toEqual([
      'voting_pct',
    ]);
  });
});

describe('the other records', () => {
  it.each([
    ['a role', validateRole(aRole('R1', 'P', 'C', { appointedById: 'X' }))],
    ['a family tie', validateFamilyTie(aFamilyTie('F1', 'P', 'Q'))],
    [
      'an OTHER_CONTROL link with a reason',
      validateControlLink(aLink('L1', 'A', 'B', { type: 'OTHER_CONTROL', reason: 'side letter' })),
    ],
    ['a zero guarantee', validateGuarantee(aGuarantee('G1', 'A', 'B', { amount: '0' }))],
    [
      'a guaranteed facility',
      validateFacility(aFacility('F1', 'B', { guarantorId: 'G', guaranteedAmount: '10' })),
    ],
    ['a drawing', validateDrawing(aDrawing('F1', '2026-09-30', '0'))],
    ['an FX rate', validateFxRate(anFxRate('USD', '2026-09-30', '7.1'))],
    ['a capital row', validateCapital(aCapital('2026-06-30'))],
    ['a group limit', validateGroupLimit(aGroupLimit('GL1', 'A'))],
  ])('accepts %s', (_case, problems) => {
    expect(problems).toEqual([]);
  });

  it.each([
    ['an unknown role', validateRole(aRole('R1', 'P', 'C', { role: 'CEO' as never })), 'role'],
    [
      'an appointer id over 64 characters',
      validateRole(aRole('R1', 'P', 'C', { appointedById: 'X'.repeat(65) })),
      'appointed_by',
    ],
    ['a person related to themself', validateFamilyTie(aFamilyTie('F1', 'P', 'P')), 'person_b'],
    [
      'an unknown relation',
      validateFamilyTie(aFamilyTie('F1', 'P', 'Q', { relation: 'COUSIN' as never })),
      'relation',
    ],
    [
      'OTHER_CONTROL without a reason',
      validateControlLink(aLink('L1', 'A', 'B', { type: 'OTHER_CONTROL' })),
      'reason',
    ],
    [
      'an unknown link type',
      validateControlLink(aLink('L1', 'A', 'B', { type: 'FRIENDSHIP' as LinkType })),
      'type',
    ],
    ['a link to itself', validateControlLink(aLink('L1', 'A', 'A')), 'to'],
    [
      'a negative guarantee',
      validateGuarantee(aGuarantee('G1', 'A', 'B', { amount: '-1' })),
      'amount',
    ],
    [
      'a lower-case currency',
      validateGuarantee(aGuarantee('G1', 'A', 'B', { currency: 'cny' })),
      'currency',
    ],
    ['a self-guarantee', validateGuarantee(aGuarantee('G1', 'A', 'A')), 'borrower'],
    [
      'an unknown product',
      validateFacility(aFacility('F1', 'B', { product: 'MORTGAGE' as never })),
      'product',
    ],
    [
      'maturity before start',
      validateFacility(aFacility('F1', 'B', { start: '2026-01-01', maturity: '2025-01-01' })),
      'maturity',
    ],
    [
      'a negative cash margin',
      validateFacility(aFacility('F1', 'B', { cashMargin: '-1' })),
      'cash_margin',
    ],
    [
      'a guarantor without an amount',
      validateFacility(aFacility('F1', 'B', { guarantorId: 'G' })),
      'guaranteed_amount',
    ],
    [
      'an amount without a guarantor',
      validateFacility(aFacility('F1', 'B', { guaranteedAmount: '5' })),
      'guarantor',
    ],
    ['a drawing without a date', validateDrawing(aDrawing('F1', '', '5')), 'as_of'],
    ['a negative drawing', validateDrawing(aDrawing('F1', '2026-01-01', '-5')), 'drawn'],
    ['a zero FX rate', validateFxRate(anFxRate('USD', '2026-01-01', '0')), 'rate'],
    [
      'a zero Tier 1 capital',
      validateCapital(aCapital('2026-01-01', { tier1Capital: '0' })),
      'tier1_capital',
    ],
    [
      'a group limit with a bad decimal',
      validateGroupLimit(aGroupLimit('GL1', 'A', { limit: '1 000' })),
      'limit',
    ],
  ])('rejects %s', (_case, problems, column) => {
    expect(columns(problems)).toEqual([column]);
  });
});
