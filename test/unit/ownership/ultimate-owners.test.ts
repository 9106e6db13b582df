import { NotFoundError, ValidationError } from '../../../src/domain/errors';
import { ultimateOwners } from '../../../src/domain/ownership';
import { aParty, aShareholding, describeStakes } from './builders';

const ON = '2024-06-30';
const parties = ['T', 'A', 'B', 'P', 'Q', 'R', 'S', 'X', 'Y'].map((id) =>
  aParty(id, 'PQR'.includes(id) ? 'PERSON' : id === 'S' ? 'STATE' : 'COMPANY'),
);
// P 60 % of A, A 50 % of T: P 30 %; R 30 % and Q 20 % directly; the state S 20 % via B.
const rows = [
  aShareholding('P', 'A', '60'),
  aShareholding('A', 'T', '50'),
  aShareholding('R', 'T', '30'),
  aShareholding('Q', 'T', '12'),
  aShareholding('S', 'B', '100'),
  aShareholding('B', 'T', '8'),
  aShareholding('Q', 'B', '0.5', { validTo: '2024-01-01' }),
];

describe('ultimateOwners', () => {
  it.each<[string, string | undefined, string[]]>([
    [
      'default threshold 25 %: held companies are not owners',
      undefined,
      ['P 30 indirect x1', 'R 30 direct x1'],
    ],
    ['lower threshold', '12', ['P 30 indirect x1', 'R 30 direct x1', 'Q 12 direct x1']],
    [
      'threshold 0 lists every top holder, state bodies included',
      '0',
      ['P 30 indirect x1', 'R 30 direct x1', 'Q 12 direct x1', 'S 8 indirect x1'],
    ],
    ['threshold is inclusive', '30', ['P 30 indirect x1', 'R 30 direct x1']],
  ])('%s', (_case, minPercent, expected) => {
    expect(describeStakes(ultimateOwners(parties, rows, 'T', ON, minPercent))).toEqual(expected);
  });

  it('compares the figure shown, so 24.99999995 % shows and counts as 25 %', () => {
    const near = [aShareholding('P', 'A', '49.9999999'), aShareholding('A', 'T', '50')];
    expect(describeStakes(ultimateOwners(parties, near, 'T', ON))).toEqual(['P 25 indirect x1']);
  });

  it('cross-holding: only the outside holders are ultimate, and they sum to 100 %', () => {
    const cycle = [
      aShareholding('X', 'T', '50'),
      aShareholding('T', 'B', '50'),
      aShareholding('B', 'T', '50'),
      aShareholding('Y', 'B', '50'),
    ];
    expect(describeStakes(ultimateOwners(parties, cycle, 'T', ON, '0'))).toEqual([
      'X 66.666667 direct x1',
      'Y 33.333333 indirect x1',
    ]);
  });

  it('rejects an unknown target', () => {
    expect(() => ultimateOwners(parties, rows, 'NOPE', ON)).toThrow(NotFoundError);
  });

  it.each(['abc', '-1', '100.5'])('rejects minPercent %s', (minPercent) => {
    expect(() => ultimateOwners(parties, rows, 'T', ON, minPercent)).toThrow(ValidationError);
  });
});
