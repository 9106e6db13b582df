import fc from 'fast-check';
import { groupChart, type GroupChart } from '../../../src/domain/chart';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import type { ControlGraph } from '../../../src/domain/model';
import { aShareholding, graphOf } from '../control/builders';
import { exampleGraph } from '../control/example-graph';

/** The chart of `entityId`'s group, as the API builds it: all the derivation's facts in. */
function chartOf(graph: ControlGraph, entityId: string, asOf: string, reorder = <T>(x: T[]) => x) {
  const d = deriveGroups(graph, asOf);
  const group = d.groups[d.groupIndexOf.get(entityId) as number];
  const parties = new Map(graph.entities.map((e) => [e.id, e]));
  return groupChart({
    groupId: `G-${entityId}`,
    asOf,
    memberIds: reorder([...group.memberIds]),
    headIds: group.headIds,
    facts: reorder([...d.facts]),
    partyOf: (id) => parties.get(id),
  });
}

const layer = (chart: GroupChart) => new Map(chart.nodes.map((n) => [n.id, n.layer]));
const byRole = (chart: GroupChart, role: string) =>
  chart.nodes.filter((n) => n.role === role).map((n) => n.id);

describe('group structure chart (example dataset, EXPECTED.md)', () => {
  const zhang = chartOf(exampleGraph(), 'P-ZHANG', '2026-09-30');

  it('draws the 11 members, the three heads on top, and the directors R4 counts as outside', () => {
    expect(byRole(zhang, 'HEAD')).toEqual(['P-LI', 'P-ZHANG', 'P-HAO']);
    expect(byRole(zhang, 'MEMBER').sort()).toEqual(
      ['C-BRD', 'C-CONS', 'C-HAO', 'C-HXH', 'C-HXL', 'C-HXS', 'C-NAT', 'C-TREAS'].sort(),
    );
    expect(byRole(zhang, 'OUTSIDE')).toEqual(['P-CHEN', 'P-LIU', 'P-ZHAO']);
    expect(zhang.nodes.filter((n) => n.isHead).every((n) => n.layer === 0)).toBe(true);
    expect(zhang.nodes.find((n) => n.id === 'P-ZHANG')).toMatchObject({
      name: '张伟 Zhang Wei',
      entityKind: 'PERSON',
    });
  });

  it('puts every controller above what it controls, by control depth', () => {
    const at = layer(zhang);
    for (const e of zhang.edges.filter((e) => e.kind === 'CONTROL')) {
      expect(at.get(e.from)).toBeLessThan(at.get(e.to) as number);
    }
    expect(['P-ZHANG', 'C-HXH', 'C-HXS', 'C-BRD'].map((id) => at.get(id))).toEqual([0, 1, 2, 3]);
    expect(at.get('P-ZHAO')).toBe(2); // a director of C-BRD, just above it
    expect([zhang.layerCount, zhang.width]).toEqual([4, 7]);
  });

  it('gives each control fact an edge with its rule, pooled percentage and evidence ids', () => {
    const edge = (id: string) => zhang.edges.find((e) => e.id === id);
    expect(edge('R3:P-HAO>C-HAO')).toMatchObject({
      kind: 'CONTROL',
      pooledPct: '55',
      poolIds: ['P-HAO', 'P-ZHANG'],
      evidenceIds: ['SH-7', 'SH-8', 'FA-2'],
    });
    expect(edge('R2:C-HXH>C-HXL')).toMatchObject({
      pooledPct: '55',
      evidenceIds: ['SH-4', 'SH-5b'],
    });
    expect(edge('R9:P-LI>P-ZHANG')).toMatchObject({ kind: 'LINK', directed: false });
    // R4 and R5 both tie C-HXS to C-BRD: two edges, two ids.
    expect(zhang.edges.filter((e) => e.from === 'C-HXS').map((e) => e.id)).toEqual([
      'R4:C-HXS>C-BRD',
      'R5:C-HXS>C-BRD',
    ]);
    expect(zhang.edges).toHaveLength(12);
  });

  it('shows a state owner exempted by E1 above the head, as a fact that does not join', () => {
    const dongfang = chartOf(exampleGraph(), 'C-DFPS', '2026-09-30');
    expect(dongfang.nodes.map((n) => [n.id, n.role, n.layer])).toEqual([
      ['S-SASAC', 'OUTSIDE', 0],
      ['C-DFP', 'HEAD', 1],
      ['C-DFPS', 'MEMBER', 2],
    ]);
    expect(dongfang.edges.find((e) => e.from === 'S-SASAC')).toMatchObject({
      kind: 'NOT_JOINING',
      directed: true,
    });
  });

  it('draws the group of the date asked: in 2023 C-BRD and C-HXL are not in it', () => {
    const past = chartOf(exampleGraph(), 'P-ZHANG', '2023-06-30');
    const ids = past.nodes.map((n) => n.id);
    expect(ids).not.toContain('C-BRD');
    expect(ids).not.toContain('C-HXL');
    expect(past.nodes.filter((n) => n.role !== 'OUTSIDE')).toHaveLength(9);
    expect(past.asOf).toBe('2023-06-30');
  });

  it('handles mutual cross-holdings: both heads, side by side, the arrow between them level', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('A', 'B', '60'),
        aShareholding('B', 'A', '60'),
        aShareholding('B', 'C', '70'),
      ],
    });
    const chart = chartOf(graph, 'C', '2026-01-01');
    expect(chart.nodes.map((n) => [n.id, n.role, n.layer, n.x])).toEqual([
      ['A', 'HEAD', 0, -0.5],
      ['B', 'HEAD', 0, 0.5],
      ['C', 'MEMBER', 1, 0],
    ]);
  });

  it('is the same chart whatever order the derivation lists members and facts in', () => {
    const graph = exampleGraph();
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffle = <T>(xs: T[]): T[] => {
          let s = seed;
          return xs
            .map((x) => ({ x, k: (s = (s * 1103515245 + 12345) | 0) }))
            .sort((a, b) => a.k - b.k)
            .map(({ x }) => x);
        };
        expect(chartOf(graph, 'P-ZHANG', '2026-09-30', shuffle)).toEqual(zhang);
      }),
      { numRuns: 20 },
    );
  });
});
