import type { IdentifiedGroup } from '../../../src/domain/groups';
import { membershipChanges, splitUnchanged } from '../../../src/services/group-diff';

const group = (id: string, memberIds: string[], headIds: string[]): IdentifiedGroup => ({
  id,
  memberIds,
  headIds,
});

describe('setting aside groups that came out as they were', () => {
  const zhang = group('G-P-1', ['C-1', 'C-2', 'P-1'], ['P-1']);
  const alone = group('G-C-9', ['C-9'], ['C-9']);
  const li = group('G-P-2', ['C-3', 'P-2'], ['P-2']);

  it('keeps identical groups (members in order, same heads) with their ids', () => {
    const { unchanged, prior, next } = splitUnchanged(
      [zhang, alone, li],
      [
        { memberIds: ['C-1', 'C-2', 'P-1'], headIds: ['P-1'] },
        { memberIds: ['C-9'], headIds: ['C-9'] },
        { memberIds: ['C-3', 'C-4', 'P-2'], headIds: ['P-2'] },
      ],
    );
    expect(unchanged).toEqual([zhang, alone]);
    expect(prior).toEqual([li]);
    expect(next).toEqual([{ memberIds: ['C-3', 'C-4', 'P-2'], headIds: ['P-2'] }]);
  });

  it('treats a new head, or the same first member with other members, as a change', () => {
    const { unchanged, next } = splitUnchanged(
      [zhang, li],
      [
        { memberIds: ['C-1', 'C-2', 'P-1'], headIds: ['C-1', 'P-1'] },
        { memberIds: ['C-3'], headIds: ['C-3'] },
        { memberIds: ['P-2'], headIds: ['P-2'] },
      ],
    );
    expect(unchanged).toEqual([]);
    expect(next).toHaveLength(3);
  });

  it('writes membership rows only for members whose group or head flag moved', () => {
    const moved = group('G-P-1', ['C-1', 'C-2', 'C-3', 'P-1'], ['P-1']);
    expect(membershipChanges([zhang, li], [moved])).toEqual([
      { entityId: 'C-3', groupId: 'G-P-1', isHead: false },
    ]);
  });
});
