import type { IdentifiedGroup } from '../../../src/domain/groups';
import type { StoredGroupLists } from '../../../src/persistence/repositories/group.repository';
import {
  membershipChanges,
  splitUnchanged,
  splitUnchangedLists,
} from '../../../src/services/group-diff';

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

describe('setting aside unchanged groups against the stored lists', () => {
  /** The persisted form: members in id order, heads flagged. */
  const lists = (groups: IdentifiedGroup[]): StoredGroupLists => {
    const memberIds = groups.flatMap((g) => [...g.memberIds].sort());
    const start = [0];
    for (const g of groups) start.push(start[start.length - 1] + g.memberIds.length);
    const heads = new Set(groups.flatMap((g) => g.headIds));
    return {
      groupIds: groups.map((g) => g.id),
      start: Int32Array.from(start),
      memberIds,
      isHead: Uint8Array.from(memberIds, (m) => (heads.has(m) ? 1 : 0)),
    };
  };
  const zhang = group('G-P-1', ['C-1', 'C-2', 'P-1'], ['P-1']);
  const alone = group('G-C-9', ['C-9'], ['C-9']);
  const pair = group('G-C-5', ['C-5', 'C-6'], ['C-5', 'C-6']);

  it.each([
    ['the same groups', [{ memberIds: ['C-1', 'C-2', 'P-1'], headIds: ['P-1'] }]],
    ['a member more', [{ memberIds: ['C-1', 'C-2', 'C-3', 'P-1'], headIds: ['P-1'] }]],
    ['another head', [{ memberIds: ['C-1', 'C-2', 'P-1'], headIds: ['C-1'] }]],
    ['heads in another order', [{ memberIds: ['C-5', 'C-6'], headIds: ['C-6', 'C-5'] }]],
    [
      'a split',
      [
        { memberIds: ['C-5'], headIds: ['C-5'] },
        { memberIds: ['C-6'], headIds: ['C-6'] },
        { memberIds: ['C-9'], headIds: ['C-9'] },
      ],
    ],
  ])('gives what splitUnchanged gives for %s', (_, next) => {
    const prior = [zhang, alone, pair];
    expect(splitUnchangedLists(lists(prior), next)).toEqual(splitUnchanged(prior, next));
  });
});
