import { assignGroupIds, type IdentifiedGroup, type GroupShape } from '../../../src/domain/groups';
import { ValidationError } from '../../../src/domain/errors';
import { aContext, aGroup, aShape, describeEvents, idsByMembers } from './builders';

type Case = [string, IdentifiedGroup[], GroupShape[], Record<string, string>, string[]];

const unchangedAndGrowth: Case[] = [
  ['unchanged', [aGroup('G-A', 'A,B')], [aShape('A,B')], { 'A,B': 'G-A' }, []],
  [
    'unchanged members under a new head keep the id',
    [aGroup('G-A', 'A,B', 'A')],
    [aShape('A,B', 'B')],
    { 'A,B': 'G-A' },
    [],
  ],
  [
    'growth by a singleton',
    [aGroup('G-A', 'A,B'), aGroup('G-C', 'C')],
    [aShape('A,B,C')],
    { 'A,B,C': 'G-A' },
    ['JOINED G-A <> {C}'],
  ],
  [
    'growth by an entity new to the graph',
    [aGroup('G-A', 'A,B')],
    [aShape('A,B,N')],
    { 'A,B,N': 'G-A' },
    ['JOINED G-A <> {N}'],
  ],
  [
    'singletons that stay singletons keep any id and say nothing',
    [aGroup('G-X-2', 'X'), aGroup('G-Y', 'Y')],
    [aShape('X'), aShape('Y')],
    { X: 'G-X-2', Y: 'G-Y' },
    [],
  ],
];

const merges: Case[] = [
  [
    'merge of 2: the largest survives even under the other head',
    [aGroup('G-A', 'A,B,C'), aGroup('G-X', 'X,Y')],
    [aShape('A,B,C,X,Y', 'X')],
    { 'A,B,C,X,Y': 'G-A' },
    ['MERGED G-A <G-X> {X,Y}'],
  ],
  [
    'merge of 2, tie: the id that sorts first survives',
    [aGroup('G-Q', 'A,B'), aGroup('G-P', 'X,Y')],
    [aShape('A,B,X,Y', 'A')],
    { 'A,B,X,Y': 'G-P' },
    ['MERGED G-P <G-Q> {A,B}'],
  ],
  [
    'merge of 3: the largest survives',
    [aGroup('G-A', 'A,B'), aGroup('G-M', 'M,N,O'), aGroup('G-X', 'X,Y')],
    [aShape('A,B,M,N,O,X,Y', 'A')],
    { 'A,B,M,N,O,X,Y': 'G-M' },
    ['MERGED G-M <G-A,G-X> {A,B,X,Y}'],
  ],
  [
    'merge of 3, tie between the two largest',
    [aGroup('G-C', 'C1,C2,C3'), aGroup('G-B', 'B1,B2,B3'), aGroup('G-A', 'A1,A2')],
    [aShape('A1,A2,B1,B2,B3,C1,C2,C3', 'C1')],
    { 'A1,A2,B1,B2,B3,C1,C2,C3': 'G-B' },
    ['MERGED G-B <G-A,G-C> {A1,A2,C1,C2,C3}'],
  ],
  [
    'a group formed from singletons is new and named after its head',
    [aGroup('G-A', 'A'), aGroup('G-B', 'B')],
    [aShape('A,B', 'B')],
    { 'A,B': 'G-B' },
    ['CREATED G-B <> {A,B}'],
  ],
];

const splits: Case[] = [
  [
    'split: the part with the old primary head keeps the id',
    [aGroup('G-H', 'A,B,C,H', 'H')],
    [aShape('A,B', 'A'), aShape('C,H', 'H')],
    { 'A,B': 'G-A', 'C,H': 'G-H' },
    ['CREATED G-A <G-H> {A,B}', 'SPLIT G-H <G-A> {A,B}'],
  ],
  [
    'split with the head left alone: the largest part keeps the id',
    [aGroup('G-A', 'A,B,C,D,E,F', 'A')],
    [aShape('A'), aShape('B,C', 'B'), aShape('D,E,F', 'D')],
    { A: 'G-A-2', 'B,C': 'G-B', 'D,E,F': 'G-A' },
    ['SPLIT G-A <G-B> {B,C}', 'LEFT G-A <> {A}', 'CREATED G-B <G-A> {B,C}'],
  ],
  [
    'split and merge in one step: the head part merges, the rest splits off',
    [aGroup('G-A', 'A,B,C,D', 'A'), aGroup('G-X', 'X,Y', 'X')],
    [aShape('A,B,X,Y', 'A'), aShape('C,D', 'C')],
    { 'A,B,X,Y': 'G-A', 'C,D': 'G-C' },
    ['MERGED G-A <G-X> {X,Y}', 'SPLIT G-A <G-C> {C,D}', 'CREATED G-C <G-A> {C,D}'],
  ],
  [
    'split and merge in one step: a part moves to another group',
    [aGroup('G-A', 'A,B,C,D', 'A'), aGroup('G-X', 'X,Y', 'X')],
    [aShape('A,B', 'A'), aShape('C,D,X,Y', 'X')],
    { 'A,B': 'G-A', 'C,D,X,Y': 'G-X' },
    ['LEFT G-A <G-X> {C,D}', 'JOINED G-X <G-A> {C,D}'],
  ],
  [
    'singleton leave',
    [aGroup('G-A', 'A,B,X')],
    [aShape('A,B'), aShape('X')],
    { 'A,B': 'G-A', X: 'G-X' },
    ['LEFT G-A <> {X}'],
  ],
  [
    'all members alone: dissolved, and the head may take its own name back',
    [aGroup('G-A', 'A,B')],
    [aShape('A'), aShape('B')],
    { A: 'G-A', B: 'G-B' },
    ['DISSOLVED G-A <> {A,B}'],
  ],
];

describe('assignGroupIds', () => {
  it.each([...unchangedAndGrowth, ...merges, ...splits])(
    '%s',
    (_case, prior, next, expectedIds, expectedEvents) => {
      const { groups, events } = assignGroupIds(prior, next, aContext());
      expect(idsByMembers(groups)).toEqual(expectedIds);
      expect(describeEvents(events)).toEqual(expectedEvents);
    },
  );

  it.each([
    ['first derivation: readable ids, one CREATED per group', [], [aShape('A,B'), aShape('C')]],
    ['the same with the next groups in another order', [], [aShape('C'), aShape('B,A', 'A')]],
  ])('%s', (_case, prior, next) => {
    const { groups, events } = assignGroupIds(prior, next, aContext());
    expect(idsByMembers(groups)).toEqual({ 'A,B': 'G-A', C: 'G-C' });
    expect(describeEvents(events)).toEqual(['CREATED G-A <> {A,B}']);
  });

  it('avoids ids taken outside the subset', () => {
    const ctx = aContext({ takenIds: new Set(['G-A', 'G-A-2']) });
    expect(assignGroupIds([], [aShape('A,B')], ctx).groups[0].id).toBe('G-A-3');
  });

  it('stamps every event with the date and the triggering change', () => {
    const ctx = aContext({ date: '2025-01-02', cause: 'link L-7' });
    const { events } = assignGroupIds([aGroup('G-A', 'A,B')], [aShape('A'), aShape('B')], ctx);
    expect(events).toEqual([
      {
        type: 'DISSOLVED',
        groupId: 'G-A',
        relatedGroupIds: [],
        entityIds: ['A', 'B'],
        date: '2025-01-02',
        cause: 'link L-7',
      },
    ]);
  });

  it.each([
    ['an entity in two next groups', [], [aShape('A,B'), aShape('B,C')]],
    ['an empty next group', [], [{ memberIds: [], headIds: [] }]],
    ['a repeated prior id', [aGroup('G-A', 'A'), aGroup('G-A', 'B')], [aShape('A'), aShape('B')]],
  ])('rejects %s', (_case, prior, next) => {
    expect(() => assignGroupIds(prior, next, aContext())).toThrow(ValidationError);
  });

  it('re-derives tens of thousands of groups in linear time', () => {
    const prior: IdentifiedGroup[] = [];
    const next: GroupShape[] = [];
    for (let i = 0; i < 25_000; i++) {
      const e = (k: number) => `E${String(4 * i + k).padStart(6, '0')}`;
      prior.push(aGroup(`G-${e(0)}`, `${e(0)},${e(1)}`), aGroup(`G-${e(2)}`, `${e(2)},${e(3)}`));
      next.push(aShape(`${e(0)},${e(1)},${e(2)},${e(3)}`, e(2)));
    }
    const started = Date.now();
    const { groups, events } = assignGroupIds(prior, next, aContext());
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(groups[24_999].id).toBe('G-E099996');
    expect(events).toHaveLength(25_000);
  });
});
