/** The group-customer control-rule engine (DESIGN §2–3). */
export * from './types';
export { deriveGroups } from './derive-groups';
export { explainMembership, headsByReach } from './explain';
export { groupGraph } from './group-graph';
export type { GroupGraph, FactEdgeAttributes } from './group-graph';
