/**
 * The group engine (DESIGN §2–3): from the dated graph and a policy, the control facts
 * valid on `asOf`, the group customers they form, each group's heads, and the guarantee
 * circles. Pure and deterministic: the same graph, date and policy give the same result
 * whatever the order of the input rows.
 */
import { ValidationError } from '../errors';
import { GrowableDigraph } from '../graph/growable-digraph';
import { Reachability } from '../graph/reachability';
import { int32, withTypedArena } from '../graph/typed-arena';
import { ControlGraph } from '../model';
import {
  assertValidControlPolicy,
  ControlPolicy,
  DEFAULT_CONTROL_POLICY,
} from '../policy/control-policy';
import { AncestorTally } from './ancestor-tally';
import { compactColumns } from './compact-columns';
import { CompactGraph, compactGraph } from './compact-graph';
import { ControlColumns } from './control-columns';
import { lazyDerivation } from './derivation-core';
import { GroupStructure, groupStructure } from './group-structure';
import { Kinship } from './kinship';
import { scalePct } from './percent-scale';
import { Pools } from './pools';
import { appendAll, RawFact, RuleContext } from './raw-fact';
import { familyOfControllersFacts } from './rules/family-of-controllers.rule';
import { financialDependenceFacts } from './rules/financial-dependence.rule';
import { applySevers, manualJoinFacts } from './rules/manual-designation.rule';
import { pooledControlFacts } from './rules/pooled-control.rule';
import { privateCompanyIdentityFacts } from './rules/private-company-identity.rule';
import { applyStateExemption } from './rules/state-exemption.rule';
import { singleControlFacts } from './single-control-fixpoint';
import { Derivation, DerivedGroup, RuleCode } from './types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function deriveGroups(
  graph: ControlGraph,
  asOf: string,
  policy: ControlPolicy = DEFAULT_CONTROL_POLICY,
): Derivation {
  assertValidInput(asOf, policy);
  const rows =
    graph.shareholdings.length +
    graph.roles.length +
    graph.familyTies.length +
    graph.links.length +
    graph.guarantees.length +
    graph.designations.length;
  return withTypedArena(arenaBytes(graph.entities.length, rows), () =>
    derivation(compactGraph(graph, asOf), policy),
  );
}

/**
 * The same derivation from columns (see control-columns): what a whole-bank pass reads. Its
 * groups are built when first read; `packedGroupsOf` gives them as the input's numbers.
 *
 * No arena here: this pass runs in the derivation worker, whose heap is small (its full
 * collections are short) and where an array freed mid-pass is memory back. At a million
 * entities the worker's peak fell by about 100 MB without the arena, and the pass was no
 * slower (in-thread, as a server without the worker runs it, the main thread's heap no
 * longer holds the bank's records either: see current-groups).
 */
export function deriveGroupsOfColumns(
  columns: ControlColumns,
  asOf: string,
  policy: ControlPolicy = DEFAULT_CONTROL_POLICY,
): Derivation {
  assertValidInput(asOf, policy);
  const { graph, numberOf } = compactColumns(columns, asOf);
  return derivation(graph, policy, numberOf);
}

function assertValidInput(asOf: string, policy: ControlPolicy): void {
  if (!ISO_DATE.test(asOf))
    throw ValidationError.of([`deriveGroups: asOf "${asOf}" is not YYYY-MM-DD`]);
  assertValidControlPolicy(policy);
}

/**
 * Typed-array bytes a derivation takes, from the sizes of its input: measured on synthetic
 * banks, with a margin (an under-estimate only costs a second buffer).
 */
function arenaBytes(entities: number, rows: number): number {
  return ARENA_BYTES_PER_ENTITY * entities + ARENA_BYTES_PER_ROW * rows;
}

const ARENA_BYTES_PER_ENTITY = 200;
const ARENA_BYTES_PER_ROW = 80;

function derivation(g: CompactGraph, policy: ControlPolicy, numberOf?: Int32Array): Derivation {
  const { facts, structure } = derive(g, policy);
  // From records the groups are what the caller reads: built now. From columns the caller
  // may want numbers only (packed-groups): built at the first read.
  const groups = numberOf === undefined ? derivedGroups(g, structure) : undefined;
  return lazyDerivation(g.asOf, () => groups ?? derivedGroups(g, structure), {
    g,
    thresholdText: policy.majorityThresholdPct,
    raw: facts,
    groupOf: structure.groupOf,
    control: structure.control,
    groupCount: structure.groupCount,
    isHead: structure.isHead,
    numberOf,
  });
}

function derive(
  g: CompactGraph,
  policy: ControlPolicy,
): { facts: RawFact[]; structure: GroupStructure } {
  // About one single-control fact per three entities; the digraph doubles when short.
  const control = new GrowableDigraph(g.n, (g.n >> 2) + 16);
  const reach = new Reachability(control);
  const disabled = new Set<RuleCode>(policy.disabledRules);
  const ctx: RuleContext = {
    g,
    policy,
    threshold: scalePct(policy.majorityThresholdPct),
    control,
    tally: new AncestorTally(
      g.n,
      reach,
      policy.stateExemption ? new Reachability(control, true) : reach,
    ),
    enabled: (rule) => !disabled.has(rule),
  };
  const kinship = new Kinship(g, policy);

  const directed: RawFact[] = singleControlFacts(ctx, reach);
  if (ctx.enabled('R3') && (policy.poolFamilies || policy.poolActingInConcert)) {
    appendAll(directed, pooledControlFacts(ctx, new Pools(g, policy, kinship)));
  }
  if (ctx.enabled('R8')) appendAll(directed, financialDependenceFacts(ctx));
  const facts = directed.slice();
  if (ctx.enabled('R9')) appendAll(facts, familyOfControllersFacts(ctx, kinship, directed));
  if (ctx.enabled('R10')) appendAll(facts, privateCompanyIdentityFacts(ctx, kinship));
  if (ctx.enabled('R11')) appendAll(facts, manualJoinFacts(ctx));
  applyStateExemption(ctx, facts);
  if (ctx.enabled('R11')) applySevers(ctx, facts);
  return { facts, structure: groupStructure(g.n, facts) };
}

/** Members and heads per group, in id order (entity indices ascend with ids). */
function derivedGroups(g: CompactGraph, structure: GroupStructure): DerivedGroup[] {
  const { groupOf, isHead, groupCount } = structure;
  const size = int32(groupCount);
  const heads = int32(groupCount);
  for (let x = 0; x < g.n; x++) {
    size[groupOf[x]]++;
    if (isHead[x] === 1) heads[groupOf[x]]++;
  }
  // Lists sized exactly, filled from the front: a list grown by push reserves 17 slots, and
  // every list lives as long as the derivation.
  const filled = int32(groupCount);
  const groups = new Array<DerivedGroup>(groupCount);
  for (let x = 0; x < g.n; x++) {
    const label = groupOf[x];
    const id = g.index.idOf(x);
    // Most groups are single entities, their own head: one list serves as members and heads
    // (a million fewer arrays for a bank; no caller changes these lists).
    if (size[label] === 1) {
      const alone = [id];
      groups[label] = { memberIds: alone, headIds: alone };
      continue;
    }
    const group = (groups[label] ??= {
      memberIds: new Array<string>(size[label]),
      headIds: new Array<string>(heads[label]),
    });
    group.memberIds[filled[label]++] = id;
    // `heads` counts down the heads still to place, so they too fill from the front.
    if (isHead[x] === 1) group.headIds[group.headIds.length - heads[label]--] = id;
  }
  return groups;
}
