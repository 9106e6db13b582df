import fc from 'fast-check';
import { assignGroupIds, type IdentifiedGroup } from '../../../src/domain/groups';
import type { Membership } from '../../../src/persistence/repositories/group.repository';
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

describe('membership rows of groups whose members stayed', () => {
  /** Every member's group and head flag compared with before: what the rows must be. */
  const everyMemberCompared = (prior: IdentifiedGroup[], changed: IdentifiedGroup[]) => {
    const before = new Map<string, string>();
    for (const g of prior)
      for (const m of g.memberIds) before.set(m, `${g.id}/${g.headIds.includes(m)}`);
    const rows: Membership[] = [];
    for (const g of changed) {
      for (const m of g.memberIds) {
        const isHead = g.headIds.includes(m);
        if (before.get(m) !== `${g.id}/${isHead}`)
          rows.push({ entityId: m, groupId: g.id, isHead });
      }
    }
    return rows;
  };
  const ENTITIES = Array.from({ length: 10 }, (_, i) => `E${i}`);
  const grouped = (labels: number[], heads: number[][]) => {
    const byLabel = new Map<number, string[]>();
    labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), ENTITIES[i]]));
    return [...byLabel.values()].map((memberIds, i) => ({
      memberIds,
      headIds: [...new Set(heads[i].map((k) => memberIds[k % memberIds.length]))],
    }));
  };
  const labels = (max: number) =>
    fc.array(fc.integer({ min: 0, max }), {
      minLength: ENTITIES.length,
      maxLength: ENTITIES.length,
    });
  const heads = fc.array(fc.array(fc.nat(9), { minLength: 1, maxLength: 3 }), {
    minLength: ENTITIES.length,
    maxLength: ENTITIES.length,
  });

  it('are the rows of every member compared with before', () => {
    fc.assert(
      fc.property(
        labels(3),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        labels(7),
        heads,
        heads,
        (priorLabels, stays, moves, priorHeads, nextHeads) => {
          const prior = grouped(priorLabels, priorHeads).map((g, i) => ({ id: `Q${i}`, ...g }));
          // Members of a staying group keep its label; the others may go anywhere.
          const nextLabels = priorLabels.map((l, i) => (stays[l] ? l : moves[i]));
          const next = grouped(nextLabels, nextHeads);
          const { groups } = assignGroupIds(prior, next, { date: '2024-06-30', cause: null });
          expect(membershipChanges(prior, groups)).toEqual(everyMemberCompared(prior, groups));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('write only the members whose head flag moved when the members stayed', () => {
    const prior = group('G-P-1', ['C-1', 'C-2', 'P-1'], ['P-1']);
    const next = group('G-P-1', ['C-1', 'C-2', 'P-1'], ['C-2', 'P-1']);
    expect(membershipChanges([prior], [next])).toEqual([
      { entityId: 'C-2', groupId: 'G-P-1', isHead: true },
    ]);
  });
});
