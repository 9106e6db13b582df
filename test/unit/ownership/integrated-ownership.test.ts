import { ValidationError } from '../../../src/domain/errors';
import type { Shareholding } from '../../../src/domain/model';
import { integratedOwnership } from '../../../src/domain/ownership';
import { aShareholding, describeStakes } from './builders';

const ON = '2024-06-30';

describe('integratedOwnership', () => {
  it.each<[string, Shareholding[], string[]]>([
    [
      'chain: 60 % of 50 % is 30 %',
      [aShareholding('P', 'A', '60'), aShareholding('A', 'T', '50')],
      ['A 50 direct x1', 'P 30 indirect x1'],
    ],
    [
      'diamond: the paths add up',
      [
        aShareholding('P', 'A', '50'),
        aShareholding('P', 'B', '50'),
        aShareholding('A', 'T', '40'),
        aShareholding('B', 'T', '40'),
      ],
      ['A 40 direct x1', 'B 40 direct x1', 'P 40 indirect x2'],
    ],
    [
      'a direct and an indirect stake add up',
      [
        aShareholding('P', 'T', '20'),
        aShareholding('P', 'A', '100'),
        aShareholding('A', 'T', '30'),
      ],
      ['P 50 direct x2', 'A 30 direct x1'],
    ],
    [
      // v_T = 1 + ½·v_B, v_B = ½·v_T  ⇒  v_T = 4/3: X = ½·4/3 = 2/3, B = 2/3, Y = ½·2/3 = 1/3.
      'cross-holding T 50 % B, B 50 % T: closed form 2/3 and 1/3',
      [
        aShareholding('X', 'T', '50'),
        aShareholding('T', 'B', '50'),
        aShareholding('B', 'T', '50'),
        aShareholding('Y', 'B', '50'),
      ],
      ['B 66.666667 direct x1', 'X 66.666667 direct x1', 'Y 33.333333 indirect x1'],
    ],
    [
      // Loop gain 0.4³ = 0.064: X = 0.6/0.936 = 25/39, Z = 0.24/0.936 = 10/39, Y = 4/39.
      'three-company cycle, 40 % each way: 25/39, 10/39, 4/39',
      [
        aShareholding('T', 'B', '40'),
        aShareholding('B', 'C', '40'),
        aShareholding('C', 'T', '40'),
        aShareholding('X', 'T', '60'),
        aShareholding('Y', 'B', '60'),
        aShareholding('Z', 'C', '60'),
      ],
      [
        'X 64.102564 direct x1',
        'C 42.735043 direct x1',
        'Z 25.641026 indirect x1',
        'B 17.094017 indirect x1',
        'Y 10.25641 indirect x1',
      ],
    ],
    [
      'what the target holds, and its other holders, are not upstream',
      [
        aShareholding('T', 'S', '100'),
        aShareholding('Q', 'S', '70'),
        aShareholding('P', 'T', '80'),
      ],
      ['P 80 direct x1'],
    ],
    [
      'two rows between the same pair add up',
      [aShareholding('P', 'T', '10', { id: 'r1' }), aShareholding('P', 'T', '15', { id: 'r2' })],
      ['P 25 direct x1'],
    ],
    [
      'a voting-only row carries no ownership',
      [aShareholding('P', 'T', '0', { votingPct: '60' }), aShareholding('Q', 'T', '40')],
      ['Q 40 direct x1'],
    ],
    [
      'a deep chain keeps small stakes without float noise',
      [
        aShareholding('E', 'D', '10'),
        aShareholding('D', 'C', '10'),
        aShareholding('C', 'B', '10'),
        aShareholding('B', 'A', '10'),
        aShareholding('A', 'T', '10'),
      ],
      [
        'A 10 direct x1',
        'B 1 indirect x1',
        'C 0.1 indirect x1',
        'D 0.01 indirect x1',
        'E 0.001 indirect x1',
      ],
    ],
    ['no holders', [aShareholding('T', 'S', '100')], []],
  ])('%s', (_case, rows, expected) => {
    expect(describeStakes(integratedOwnership(rows, 'T', ON))).toEqual(expected);
  });

  const dated = [
    aShareholding('P1', 'A', '60', { validFrom: '2020-01-01', validTo: '2023-01-01' }),
    aShareholding('P2', 'A', '60', { validFrom: '2023-01-01' }),
    aShareholding('A', 'T', '50', { validFrom: '2020-01-01' }),
  ];
  it.each([
    ['before any row starts', '2019-12-31', []],
    ['while the first holder holds', '2022-12-31', ['A 50 direct x1', 'P1 30 indirect x1']],
    [
      'validTo is exclusive: the successor on the change date',
      '2023-01-01',
      ['A 50 direct x1', 'P2 30 indirect x1'],
    ],
  ])('dates: %s', (_case, asOf, expected) => {
    expect(describeStakes(integratedOwnership(dated, 'T', asOf))).toEqual(expected);
  });

  it('rejects companies that hold one another entirely (no outside owner)', () => {
    const rows = [
      aShareholding('A', 'B', '100'),
      aShareholding('B', 'A', '100'),
      aShareholding('A', 'T', '50'),
      aShareholding('B', 'T', '50'),
    ];
    expect(() => integratedOwnership(rows, 'T', ON)).toThrow(ValidationError);
  });
});
