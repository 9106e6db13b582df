import fc from 'fast-check';
import {
  compareBySubjectThenRule,
  compareWorstFirst,
  type CheckStatus,
  type OrderedCheck,
} from '../../../src/domain/exposure';
import { dec } from '../../../src/domain/money/decimal';

type Row = [subjectId: string | null, rule: string, status: CheckStatus, utilisation: string];

function aCheck(...[subjectId, rule, status, used]: Row) {
  return { subjectId, rule, status, utilisation: dec(used) };
}

const label = (c: OrderedCheck) => `${c.subjectId ?? 'group'} ${c.rule} ${c.status}`;

describe('worst first', () => {
  it.each([
    ['a breach before a warning', ['C-B', 'R', 'BREACH', '101'], ['C-A', 'R', 'WARN', '99']],
    ['a warning before a pass', ['C-B', 'R', 'WARN', '80'], ['C-A', 'R', 'PASS', '79.99']],
    [
      'the higher utilisation first within a status',
      ['C-B', 'R', 'WARN', '95'],
      ['C-A', 'R', 'WARN', '85'],
    ],
    ['equal utilisation: by subject', ['C-A', 'R', 'WARN', '90'], ['C-B', 'R', 'WARN', '90']],
    [
      'equal utilisation and subject: by rule',
      ['C-A', 'A', 'WARN', '90'],
      ['C-A', 'B', 'WARN', '90'],
    ],
    // "9" sorts after "10" as text; utilisation compares as a number.
    ['utilisation as a number, not text', ['C-B', 'R', 'PASS', '10'], ['C-A', 'R', 'PASS', '9']],
  ] as [string, Row, Row][])('puts %s', (_case, worse, better) => {
    const [a, b] = [aCheck(...worse), aCheck(...better)];
    expect([b, a].sort(compareWorstFirst).map(label)).toEqual([label(a), label(b)]);
  });
});

describe('by subject then rule', () => {
  it('puts group checks first, then members by id, each by rule', () => {
    const checks = [
      aCheck('C-B', 'SINGLE_CLIENT_LOANS', 'PASS', '0'),
      aCheck('C-A', 'SINGLE_CLIENT_LOANS', 'BREACH', '200'),
      aCheck(null, 'GROUP_CREDIT_BALANCE', 'PASS', '0'),
      aCheck('C-A', 'SINGLE_CLIENT_EXPOSURE', 'PASS', '0'),
    ];
    expect(checks.sort(compareBySubjectThenRule).map(label)).toEqual([
      'group GROUP_CREDIT_BALANCE PASS',
      'C-A SINGLE_CLIENT_EXPOSURE PASS',
      'C-A SINGLE_CLIENT_LOANS BREACH',
      'C-B SINGLE_CLIENT_LOANS PASS',
    ]);
  });
});

const checkArb = fc
  .tuple(
    fc.option(fc.constantFrom('C-A', 'C-B', 'C-C'), { nil: null }),
    fc.constantFrom('SINGLE_CLIENT_EXPOSURE', 'SINGLE_CLIENT_LOANS'),
    fc.constantFrom<CheckStatus>('PASS', 'WARN', 'BREACH'),
    fc.integer({ min: 0, max: 20_000 }),
  )
  .map(([s, r, status, used]) => aCheck(s, r, status, (used / 100).toFixed(2)));

describe.each([
  ['worst first', compareWorstFirst],
  ['by subject then rule', compareBySubjectThenRule],
])('%s is a total order', (_name, compare) => {
  it('is antisymmetric and transitive, and equal only on the same subject and rule', () => {
    fc.assert(
      fc.property(checkArb, checkArb, checkArb, (a, b, c) => {
        expect(Math.sign(compare(a, b)) + Math.sign(compare(b, a))).toBe(0);
        if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
        const same = a.subjectId === b.subjectId && a.rule === b.rule;
        if (compare(a, b) === 0) expect(same).toBe(true);
      }),
    );
  });
});

describe('worst first, as a property', () => {
  it('never puts a less severe status before a more severe one', () => {
    const rank = { PASS: 0, WARN: 1, BREACH: 2 };
    fc.assert(
      fc.property(fc.array(checkArb, { maxLength: 30 }), (checks) => {
        const sorted = [...checks].sort(compareWorstFirst);
        for (let i = 1; i < sorted.length; i++) {
          expect(rank[sorted[i - 1].status]).toBeGreaterThanOrEqual(rank[sorted[i].status]);
        }
      }),
    );
  });
});
