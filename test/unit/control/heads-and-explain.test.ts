import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { explainMembership, headsByReach } from '../../../src/domain/control/explain';
import { groupGraph } from '../../../src/domain/control/group-graph';
import { NotFoundError } from '../../../src/domain/errors';
import { aDesignation, aLink, aShareholding, graphOf, groupOf } from './builders';

const DAY = '2026-01-01';
const path = (d: ReturnType<typeof deriveGroups>, id: string) =>
  explainMembership(d, id).map((s) => `${s.fromId}-${s.rule}->${s.toId}`);

describe('heads', () => {
  it.each([
    [
      'a person over a chain',
      [aShareholding('P1', 'A', '60'), aShareholding('A', 'B', '60')],
      ['P1'],
    ],
    [
      'mutual majority holders over a third company',
      [aShareholding('A', 'B', '60'), aShareholding('B', 'A', '60'), aShareholding('A', 'C', '60')],
      ['A', 'B'],
    ],
    [
      'a three-company control cycle',
      [aShareholding('A', 'B', '60'), aShareholding('B', 'C', '60'), aShareholding('C', 'A', '60')],
      ['A', 'B', 'C'],
    ],
  ])('%s', (_case, shareholdings, heads) => {
    const d = deriveGroups(graphOf({ shareholdings }), DAY);
    expect(groupOf(d, 'A').headIds).toEqual(heads);
  });

  it('a group of one is its own head', () => {
    const d = deriveGroups(graphOf({ shareholdings: [aShareholding('A', 'B', '10')] }), DAY);
    expect(d.groups).toEqual([
      { memberIds: ['A'], headIds: ['A'] },
      { memberIds: ['B'], headIds: ['B'] },
    ]);
  });
});

describe('explainMembership', () => {
  // A consolidates X1..X3; B has a proxy over X1 and holds Y: heads A (reaches 4) and B (3).
  const d = deriveGroups(
    graphOf({
      shareholdings: [aShareholding('B', 'Y', '70')],
      links: [
        aLink('A', 'X1', 'CONSOLIDATION'),
        aLink('A', 'X2', 'CONSOLIDATION'),
        aLink('A', 'X3', 'CONSOLIDATION'),
        aLink('B', 'X1', 'VOTING_PROXY'),
      ],
    }),
    DAY,
  );

  it('starts from the primary head: the one reaching most members', () => {
    expect(headsByReach(d, d.groupIndexOf.get('A') as number)).toEqual(['A', 'B']);
    expect(path(d, 'A')).toEqual([]);
    expect(path(d, 'X2')).toEqual(['A-R6->X2']);
  });

  it('explains a member only another head reaches from that head', () => {
    expect(path(d, 'Y')).toEqual(['B-R1->Y']);
  });

  it('ties in another head through the company both control, each fact in its own direction', () => {
    expect(path(d, 'B')).toEqual(['A-R6->X1', 'B-R7->X1']);
  });

  it('follows undirected links either way from the primary head', () => {
    const joined = deriveGroups(
      graphOf({
        shareholdings: [
          aShareholding('A', 'A1', '60'),
          aShareholding('A', 'A2', '60'),
          aShareholding('B', 'B1', '60'),
        ],
        designations: [aDesignation('JOIN', 'B', 'A')],
      }),
      DAY,
    );
    expect(path(joined, 'B1')).toEqual(['A-R11->B', 'B-R1->B1']);
  });

  it('breaks a tie between heads by the smaller id', () => {
    const tie = deriveGroups(
      graphOf({ shareholdings: [aShareholding('B', 'A', '60'), aShareholding('A', 'B', '60')] }),
      DAY,
    );
    expect(path(tie, 'A')).toEqual([]);
    expect(path(tie, 'B')).toEqual(['A-R1->B']);
  });

  it('returns the whole evidence of each step', () => {
    const [step] = explainMembership(d, 'Y');
    expect(step.evidence).toEqual([
      {
        kind: 'SHAREHOLDING',
        id: 'SH:B>Y',
        fromId: 'B',
        toId: 'Y',
        type: 'SHAREHOLDING',
        votingPct: '70',
        equityPct: '70',
        validFrom: null,
        validTo: null,
        source: null,
      },
    ]);
  });

  it('gives an empty chain to a group of one and rejects an unknown id', () => {
    const alone = deriveGroups(graphOf({ shareholdings: [aShareholding('A', 'B', '10')] }), DAY);
    expect(explainMembership(alone, 'B')).toEqual([]);
    expect(() => explainMembership(alone, 'NOPE')).toThrow(NotFoundError);
  });

  it('exposes the group subgraph as a graphology graph of joining facts', () => {
    const graph = groupGraph(d, d.groupIndexOf.get('A') as number);
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(5);
    expect(graph.directedSize).toBe(5);
  });
});
