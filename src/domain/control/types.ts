/**
 * The group engine's output contract: control facts with their evidence, derived groups
 * and heads, explanation steps and guarantee circles (DESIGN §3).
 */

export const RULE_CODES = [
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export type EvidenceKind = 'SHAREHOLDING' | 'ROLE' | 'FAMILY' | 'LINK' | 'DESIGNATION';

/** One source row a fact rests on, with its dates and source, readable without a database. */
export interface EvidenceEdge {
  kind: EvidenceKind;
  id: string;
  fromId: string;
  toId: string;
  /** Role, relation or link type; 'SHAREHOLDING' for shareholdings; JOIN / SEVER. */
  type: string;
  votingPct: string | null;
  equityPct: string | null;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
}

export interface ControlFact {
  controllerId: string;
  controlledId: string;
  rule: RuleCode;
  /** False for R9, R10 and R11 JOIN: they join groups but make no one a controller. */
  directed: boolean;
  /** False for E1-exempted state control and for facts an R11 SEVER removed. */
  joinsGroup: boolean;
  /** R2 / R3: the total that crossed the threshold. */
  pooledPct: string | null;
  /** R3: contributing pool members; R2, R4, R5: the controlled intermediaries used. */
  poolIds: string[];
  evidence: EvidenceEdge[];
  /** One English sentence a committee can read. */
  description: string;
}

export interface DerivedGroup {
  memberIds: string[];
  headIds: string[];
}

export interface GuaranteeCircle {
  memberIds: string[];
  guaranteeIds: string[];
}

/**
 * What `deriveGroups` returns. `facts`, `groupIndexOf` and `guaranteeCircles` are computed
 * when first read and kept (see derivation-core): a derivation used only for its groups and
 * heads never builds a fact object.
 */
export interface Derivation {
  asOf: string;
  facts: ControlFact[];
  groups: DerivedGroup[];
  groupIndexOf: Map<string, number>;
  guaranteeCircles: GuaranteeCircle[];
}

export interface ControlStep {
  fromId: string;
  toId: string;
  rule: RuleCode;
  pooledPct: string | null;
  poolIds: string[];
  evidence: EvidenceEdge[];
  description: string;
}

/** Rule number for sorting: R2 before R10. */
export function ruleOrder(rule: RuleCode): number {
  return RULE_CODES.indexOf(rule);
}
