/**
 * A group customer's structure chart as data a page can draw directly: the parties as laid
 * out nodes, the control facts as edges with their evidence.
 */
import type { EvidenceEdge, RuleCode } from '../control/types';
import type { EntityKind, IsoDate } from '../model';

export const CHART_NODE_ROLES = ['HEAD', 'MEMBER', 'OUTSIDE'] as const;
/** OUTSIDE: no member, but named by a fact or its evidence (a state owner, a director…). */
export type ChartNodeRole = (typeof CHART_NODE_ROLES)[number];

export const CHART_EDGE_KINDS = ['CONTROL', 'LINK', 'NOT_JOINING'] as const;
/**
 * CONTROL: a directed fact that joins (R1–R8); LINK: an undirected one that joins (R9, R10,
 * R11); NOT_JOINING: a fact the state exemption E1 or an R11 sever keeps from joining.
 */
export type ChartEdgeKind = (typeof CHART_EDGE_KINDS)[number];

export interface ChartNode {
  id: string;
  name: string;
  /** Null only for an id the graph does not know. */
  entityKind: EntityKind | null;
  role: ChartNodeRole;
  isHead: boolean;
  /** 0 at the top. */
  layer: number;
  /** Centred slot within the layer: one unit between neighbours. */
  x: number;
  /** The layer: one unit between layers, growing downwards. */
  y: number;
}

export interface ChartEdge {
  /** Stable for the same fact: rule, controller and controlled (`R1:P-ZHANG>C-HXH`). */
  id: string;
  from: string;
  to: string;
  rule: RuleCode;
  kind: ChartEdgeKind;
  directed: boolean;
  /** R2 / R3: the pooled percentage that crossed the threshold, a decimal string. */
  pooledPct: string | null;
  poolIds: string[];
  evidenceIds: string[];
  evidence: EvidenceEdge[];
  description: string;
}

export interface GroupChart {
  groupId: string;
  asOf: IsoDate;
  layerCount: number;
  /** Nodes in the widest layer. */
  width: number;
  /** Top layer first, left to right. */
  nodes: ChartNode[];
  /** By controller, controlled, then rule. */
  edges: ChartEdge[];
}
