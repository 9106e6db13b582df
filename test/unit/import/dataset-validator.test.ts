import {
  type ExistingState,
  NOTHING_STORED,
  validateDataset,
} from '../../../src/import/dataset-validator';
import { formatProblem } from '../../../src/import/import-problem';
import type { Dataset } from '../../../src/domain/model';
import {
  aDataset,
  aDrawing,
  aFacility,
  aLink,
  aParty,
  aPerson,
  aRole,
  aShareholding,
} from './builders';

const A_B_P = [aParty('A'), aParty('B'), aPerson('P')];
const lines = (data: Dataset, existing: ExistingState = NOTHING_STORED) =>
  validateDataset(data, existing).map(formatProblem);
const stored = (parts: Partial<ExistingState>): ExistingState => ({ ...NOTHING_STORED, ...parts });

describe('validateDataset', () => {
  it('accepts a consistent dataset', () => {
    const data = aDataset({
      entities: A_B_P,
      shareholdings: [aShareholding('S1', 'P', 'A', '60'), aShareholding('S2', 'A', 'B', '100')],
      roles: [aRole('R1', 'P', 'B', { appointedById: 'A' })],
      facilities: [aFacility('F1', 'B')],
      drawings: [aDrawing('F1', '2026-01-01', '5')],
    });
    expect(lines(data)).toEqual([]);
  });

  it.each([
    [
      'a duplicate entity id',
      aDataset({ entities: [...A_B_P, aParty('A')] }),
      ['entities.csv:5: id: duplicate id "A" (first on line 2)'],
    ],
    [
      'a duplicate drawing of one facility on one date',
      aDataset({
        entities: A_B_P,
        facilities: [aFacility('F1', 'A')],
        drawings: [aDrawing('F1', '2026-01-01', '1'), aDrawing('F1', '2026-01-01', '2')],
      }),
      ['drawings.csv:3: as_of: duplicate facility,as_of "F1,2026-01-01" (first on line 2)'],
    ],
    [
      'an id given three times, and facility ids twice',
      aDataset({
        entities: A_B_P,
        roles: ['R1', 'R2', 'R1', 'R1'].map((id) => aRole(id, 'P', 'A')),
        facilities: [aFacility('F1', 'A'), aFacility('F1', 'B')],
      }),
      [
        'roles.csv:4: id: duplicate id "R1" (first on line 2)',
        'roles.csv:5: id: duplicate id "R1" (first on line 2)',
        'facilities.csv:3: id: duplicate id "F1" (first on line 2)',
      ],
    ],
    [
      'a reference to no entity',
      aDataset({ entities: A_B_P, roles: [aRole('R1', 'P', 'A', { appointedById: 'Q' })] }),
      ['roles.csv:2: appointed_by: unknown entity "Q"'],
    ],
    [
      'a drawing on no facility',
      aDataset({ entities: A_B_P, drawings: [aDrawing('F9', '2026-01-01', '1')] }),
      ['drawings.csv:2: facility: unknown facility "F9"'],
    ],
    [
      'one USCC on two entities',
      aDataset({
        entities: [
          aParty('A', { uscc: '91310000EEYQ5NCP5G' }),
          aParty('B', { uscc: '91310000EEYQ5NCP5G' }),
        ],
      }),
      ['entities.csv:3: uscc: 91310000EEYQ5NCP5G is also given on line 2'],
    ],
    [
      'a record rule (OTHER_CONTROL without reason), placed on its line',
      aDataset({
        entities: A_B_P,
        links: [aLink('L1', 'A', 'B'), aLink('L2', 'A', 'B', { type: 'OTHER_CONTROL' })],
      }),
      ['links.csv:3: reason: required for OTHER_CONTROL'],
    ],
  ])('reports %s', (_case, data, expected) => {
    expect(lines(data)).toEqual(expected);
  });

  it('accepts references to entities and facilities already stored', () => {
    const data = aDataset({
      shareholdings: [aShareholding('S1', 'P', 'A', '10')],
      drawings: [aDrawing('F1', '2026-01-01', '1')],
    });
    expect(lines(data)).toHaveLength(3);
    expect(
      lines(data, stored({ partyIds: new Set(['A', 'P']), facilityIds: new Set(['F1']) })),
    ).toEqual([]);
  });

  it('rejects a USCC held by another stored entity, not by the one being updated', () => {
    const data = aDataset({ entities: [aParty('A', { uscc: '91310000EEYQ5NCP5G' })] });
    const heldBy = (id: string) => stored({ usccOwners: new Map([['91310000EEYQ5NCP5G', id]]) });
    expect(lines(data, heldBy('A'))).toEqual([]);
    expect(lines(data, heldBy('Z'))).toEqual([
      'entities.csv:2: uscc: 91310000EEYQ5NCP5G already belongs to entity "Z"',
    ]);
  });

  it('sums voting stakes with the stored ones the dataset does not replace', () => {
    const existing = stored({
      partyIds: new Set(['X']),
      shareholdings: [
        aShareholding('OLD-1', 'X', 'A', '60'),
        aShareholding('OLD-2', 'X', 'A', '30'),
      ],
    });
    const adding = aDataset({
      entities: A_B_P,
      shareholdings: [aShareholding('NEW', 'P', 'A', '20')],
    });
    expect(lines(adding, existing)).toEqual([
      'shareholdings.csv:2: voting_pct: voting stakes in "A" sum to 110 before any dated stake, over 100',
    ]);
    const replacing = aDataset({
      entities: A_B_P,
      shareholdings: [aShareholding('NEW', 'P', 'A', '20'), aShareholding('OLD-1', 'X', 'A', '50')],
    });
    expect(lines(replacing, existing)).toEqual([]);
  });

  it('gives line numbers from the reader when it has them', () => {
    const data = aDataset({ entities: [aParty('A'), aParty('A')] });
    const problems = validateDataset(data, NOTHING_STORED, {
      ...Object.fromEntries(Object.keys(data).map((k) => [k, []])),
      entities: [4, 9],
    } as never);
    expect(problems.map(formatProblem)).toEqual([
      'entities.csv:9: id: duplicate id "A" (first on line 4)',
    ]);
  });
});
