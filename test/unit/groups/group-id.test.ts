import { newGroupId } from '../../../src/domain/groups';
import { ValidationError } from '../../../src/domain/errors';
import { aShape } from './builders';

describe('newGroupId', () => {
  it.each([
    ['named after the primary head', aShape('A,B', 'B'), [], 'G-B'],
    ['primary head is the first head id', aShape('A,B,C', 'C,B'), [], 'G-B'],
    ['suffix -2 when the plain id is taken', aShape('A,B'), ['G-A'], 'G-A-2'],
    ['next free suffix', aShape('A,B'), ['G-A', 'G-A-2', 'G-A-3'], 'G-A-4'],
    ['a singleton is named after its entity', aShape('X'), ['G-A'], 'G-X'],
    [
      'falls back to the first member without heads',
      { memberIds: ['K', 'L'], headIds: [] },
      [],
      'G-K',
    ],
  ])('%s', (_case, shape, taken, expected) => {
    expect(newGroupId(shape, new Set(taken))).toBe(expected);
  });

  it('rejects an empty group', () => {
    expect(() => newGroupId({ memberIds: [], headIds: [] }, new Set())).toThrow(ValidationError);
  });
});
