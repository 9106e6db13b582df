import { diffChecks, withHypotheticalFacility } from '../../../src/domain/exposure';
import { ValidationError } from '../../../src/domain/errors';
import { EXAMPLE_DRAWINGS, EXAMPLE_FACILITIES, exampleGroup } from './builders';

const asOf = '2026-09-30';
const booked = { facilities: EXAMPLE_FACILITIES, drawings: EXAMPLE_DRAWINGS };

function approve(borrowerId: string, amount: string, product: 'TERM_LOAN' | 'TRADE_LC') {
  return withHypotheticalFacility(EXAMPLE_FACILITIES, EXAMPLE_DRAWINGS, {
    borrowerId,
    product,
    amount,
    currency: 'CNY',
    asOf,
  });
}

describe('what-if: approving a facility', () => {
  it('adds the facility fully drawn without touching the inputs', () => {
    const after = approve('C-DFPS', '2500000000', 'TERM_LOAN');
    expect(after.facilities).toHaveLength(EXAMPLE_FACILITIES.length + 1);
    expect(EXAMPLE_FACILITIES).toHaveLength(8);
    expect(after.drawings.at(-1)).toEqual({ facilityId: 'WHAT-IF', asOf, drawn: '2500000000' });
    expect([after.facility.start, after.facility.limit]).toEqual([asOf, '2500000000']);
  });

  it('shows a 2 500 000 000 loan to C-DFPS pushing Dongfang Power over its limits', () => {
    const before = exampleGroup('Dongfang Power', asOf, booked);
    const after = exampleGroup(
      'Dongfang Power',
      asOf,
      approve('C-DFPS', '2500000000', 'TERM_LOAN'),
    );
    expect([after.netExposure.toFixed(), after.shareOfTier1.toFixed()]).toEqual([
      '10380000000',
      '20.76',
    ]);
    const changes = diffChecks(before.checks, after.checks);
    expect(
      changes.map((c) => [
        c.subjectId,
        c.rule,
        c.before?.status,
        c.after?.status,
        c.statusChanged,
        c.valueChange.toFixed(),
      ]),
    ).toEqual([
      [null, 'CONNECTED_GROUP_EXPOSURE', 'PASS', 'BREACH', true, '2500000000'],
      [null, 'GROUP_CREDIT_BALANCE', 'WARN', 'BREACH', true, '2500000000'],
      ['C-DFPS', 'SINGLE_CLIENT_EXPOSURE', 'PASS', 'PASS', false, '2500000000'],
      ['C-DFPS', 'SINGLE_CLIENT_LOANS', 'PASS', 'PASS', false, '2500000000'],
    ]);
  });

  it('lists checks that appear for a member who had no exposure', () => {
    const before = exampleGroup('Qiangsheng', asOf, booked);
    const after = exampleGroup('Qiangsheng', asOf, approve('C-WQ2', '1000000', 'TRADE_LC'));
    const changes = diffChecks(before.checks, after.checks);
    expect(changes.map((c) => [c.subjectId, c.rule, c.before, c.after?.status])).toEqual([
      [null, 'CONNECTED_GROUP_EXPOSURE', expect.anything(), 'PASS'],
      [null, 'GROUP_CREDIT_BALANCE', expect.anything(), 'PASS'],
      ['C-WQ2', 'SINGLE_CLIENT_EXPOSURE', null, 'PASS'],
      ['C-WQ2', 'SINGLE_CLIENT_LOANS', null, 'PASS'],
    ]);
    // A fully drawn trade LC counts 20 %: 200 000 more exposure, 1 000 000 more balance.
    expect(changes.map((c) => c.valueChange.toFixed())).toEqual([
      '200000',
      '1000000',
      '200000',
      '0',
    ]);
  });

  it('lists checks that disappear', () => {
    const checks = exampleGroup('Dongfang Power', asOf).checks;
    const removed = diffChecks(checks, checks.slice(0, 4));
    expect(removed.map((c) => [c.subjectId, c.rule, c.after])).toEqual([
      ['C-DFPS', 'SINGLE_CLIENT_EXPOSURE', null],
      ['C-DFPS', 'SINGLE_CLIENT_LOANS', null],
    ]);
  });

  it('lists nothing when nothing changed', () => {
    const checks = exampleGroup('Dongfang Power', asOf).checks;
    expect(diffChecks(checks, checks)).toEqual([]);
  });

  it.each([
    [
      'a booked facility id',
      { id: 'FC-1', amount: '1' },
      'what-if: facility id "FC-1" is already booked',
    ],
    ['a zero amount', { amount: '0' }, 'what-if: amount must be above 0, got 0'],
  ])('rejects %s', (_case, overrides, message) => {
    const call = () =>
      withHypotheticalFacility(EXAMPLE_FACILITIES, EXAMPLE_DRAWINGS, {
        borrowerId: 'C-DFP',
        product: 'TERM_LOAN',
        currency: 'CNY',
        asOf,
        ...overrides,
        amount: overrides.amount,
      });
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(message);
  });
});
