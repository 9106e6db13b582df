import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { chartGexf, groupChart, type GroupChart } from '../../../src/domain/chart';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { exampleGraph } from '../control/example-graph';

function zhangChart(): GroupChart {
  const graph = exampleGraph();
  const d = deriveGroups(graph, '2026-09-30');
  const group = d.groups[d.groupIndexOf.get('P-ZHANG') as number];
  const parties = new Map(graph.entities.map((e) => [e.id, e]));
  return groupChart({
    groupId: 'G-P-ZHANG',
    asOf: d.asOf,
    memberIds: group.memberIds,
    headIds: group.headIds,
    facts: d.facts,
    partyOf: (id) => parties.get(id),
  });
}

describe('structure chart as GEXF', () => {
  const chart = zhangChart();
  const gexf = chartGexf(chart);

  it('writes GEXF 1.3 that reads back as the same nodes, edges and layout', () => {
    expect(gexf).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    const back = parse(MultiGraph, gexf);
    expect(back.order).toBe(chart.nodes.length);
    expect(back.size).toBe(chart.edges.length);
    expect(back.getNodeAttributes('P-ZHANG')).toMatchObject({
      label: '张伟 Zhang Wei',
      role: 'HEAD',
      layer: 0,
      entityKind: 'PERSON',
    });
    const brd = chart.nodes.find((n) => n.id === 'C-BRD')!;
    expect(back.getNodeAttributes('C-BRD')).toMatchObject({ x: brd.x * 100, y: -brd.y * 100 });
    expect(back.getEdgeAttributes('R3:P-HAO>C-HAO')).toMatchObject({
      rule: 'R3',
      edgeKind: 'CONTROL',
      pooledPct: '55',
      evidenceIds: 'SH-7 SH-8 FA-2',
    });
    expect(back.isUndirected('R9:P-LI>P-ZHANG')).toBe(true);
    expect(back.isDirected('R1:P-ZHANG>C-HXH')).toBe(true);
  });

  it('is byte for byte the same on every call, dated by the chart not the clock', () => {
    expect(chartGexf(zhangChart())).toBe(gexf);
    expect(gexf).toContain('lastmodifieddate="2026-09-30"');
  });

  it('escapes names that are not plain text', () => {
    const odd = { ...chart, nodes: [{ ...chart.nodes[0], name: 'A & "B" <Co>' }], edges: [] };
    expect(parse(MultiGraph, chartGexf(odd)).getNodeAttribute(chart.nodes[0].id, 'label')).toBe(
      'A & "B" <Co>',
    );
  });
});
