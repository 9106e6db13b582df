import {
  currencyConverter,
  selectGroupLimit,
  SubLimit,
  validateSubLimits,
} from '../../../src/domain/exposure';
import { GroupLimit } from '../../../src/domain/model';

const groupLimit: GroupLimit = {
  id: 'GL-1',
  memberId: 'C-HXH',
  limit: '3500000000',
  currency: 'CNY',
  validFrom: '2025-01-01',
  validTo: null,
};
const sub = (memberId: string, limit: string, currency = 'CNY'): SubLimit => ({
  memberId,
  limit,
  currency,
});
const fx = currencyConverter(
  [{ currency: 'USD', asOf: '2026-01-01', rate: '7.1' }],
  'CNY',
  '2026-09-30',
);

describe('validateSubLimits', () => {
  it.each<[string, SubLimit[], string[]]>([
    [
      'sub-limits within the group limit',
      [sub('C-HXS', '2000000000'), sub('C-HXL', '1500000000')],
      [],
    ],
    [
      'one member above the group limit',
      [sub('C-HXS', '4000000000')],
      [
        "sub-limits: C-HXS's sub-limit 4 000 000 000 CNY exceeds the group limit GL-1 of 3 500 000 000 CNY",
        "sub-limits: members' sub-limits sum to 4 000 000 000 CNY, above the group limit GL-1 of 3 500 000 000 CNY",
      ],
    ],
    [
      'the sum above the group limit',
      [sub('C-HXS', '2000000000'), sub('C-HXL', '1500000001')],
      [
        "sub-limits: members' sub-limits sum to 3 500 000 001 CNY, above the group limit GL-1 of 3 500 000 000 CNY",
      ],
    ],
    [
      'a USD sub-limit converted before summing',
      [sub('C-HXS', '3000000000'), sub('C-NAT', '100000000', 'USD')],
      [
        "sub-limits: members' sub-limits sum to 3 710 000 000 CNY, above the group limit GL-1 of 3 500 000 000 CNY",
      ],
    ],
    [
      'a member with two sub-limits',
      [sub('C-HXS', '100'), sub('C-HXS', '200')],
      ['sub-limits: C-HXS has more than one'],
    ],
  ])('%s', (_case, subLimits, problems) => {
    expect(validateSubLimits(groupLimit, subLimits, fx)).toEqual(problems);
  });

  it('asks for FX rates when currencies differ and none are given', () => {
    expect(validateSubLimits(groupLimit, [sub('C-NAT', '1', 'USD')])).toEqual([
      "sub-limits: C-NAT's sub-limit is in USD, the group limit GL-1 in CNY; FX rates are needed to compare them",
    ]);
  });
});

describe('selectGroupLimit', () => {
  const rows: GroupLimit[] = [
    groupLimit,
    { ...groupLimit, id: 'GL-OLD', validFrom: '2020-01-01', validTo: '2025-01-01' },
    { ...groupLimit, id: 'GL-OTHER', memberId: 'C-DFP' },
    { ...groupLimit, id: 'GL-MERGED', memberId: 'C-HXS', validFrom: '2026-01-01' },
  ];

  it.each([
    ['the row valid on the date, naming a member', ['C-HXH'], '2025-06-30', 'GL-1'],
    ['an expired row before its end', ['C-HXH'], '2024-12-31', 'GL-OLD'],
    ['the latest approved when a merger leaves two', ['C-HXH', 'C-HXS'], '2026-09-30', 'GL-MERGED'],
    ['none for a group no row names', ['C-JH'], '2026-09-30', null],
  ])('picks %s', (_case, members, asOf, id) => {
    expect(selectGroupLimit(rows, members, asOf)?.id ?? null).toBe(id);
  });
});
