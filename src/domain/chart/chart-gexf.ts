/**
 * A structure chart as a graphology graph and as GEXF 1.3 (gexf.net), for analysts' tools
 * such as Gephi. The writer is graphology-gexf's; GEXF 1.3 rather than its default 1.2,
 * whose viz namespace it writes malformed. Node positions are the chart's layout, scaled and
 * with y flipped because Gephi's y axis points up: heads stay on top.
 */
import { MultiGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import { ChartNodeRole, GroupChart } from './types';

/** Pixels between neighbours and between layers in the exported picture. */
const SPACING = 100;
const COLOURS: Record<ChartNodeRole, string> = {
  HEAD: '#c0392b',
  MEMBER: '#2c7fb8',
  OUTSIDE: '#969696',
};

export type ChartGraph = MultiGraph<Attributes, Attributes, Attributes>;

export function chartGraph(chart: GroupChart): ChartGraph {
  const graph: ChartGraph = new MultiGraph();
  graph.replaceAttributes({
    creator: 'group-exposure',
    description: `Structure of group ${chart.groupId} on ${chart.asOf}`,
    // The date the chart holds on, not the moment of export: the same request, the same file.
    lastModifiedDate: chart.asOf,
  });
  for (const n of chart.nodes) {
    graph.addNode(n.id, {
      label: n.name,
      entityKind: n.entityKind,
      role: n.role,
      layer: n.layer,
      x: n.x * SPACING,
      y: -n.y * SPACING,
      color: COLOURS[n.role],
    });
  }
  for (const e of chart.edges) {
    const attributes = {
      label: e.rule,
      rule: e.rule,
      edgeKind: e.kind,
      pooledPct: e.pooledPct,
      evidenceIds: e.evidenceIds.join(' '),
      description: e.description,
    };
    if (e.directed) graph.addDirectedEdgeWithKey(e.id, e.from, e.to, attributes);
    else graph.addUndirectedEdgeWithKey(e.id, e.from, e.to, attributes);
  }
  return graph;
}

export function chartGexf(chart: GroupChart): string {
  return write(chartGraph(chart), { version: '1.3' });
}
