/**
 * A control fact in integer form, as the rules produce it; `materialize-facts` turns it
 * into the public ControlFact with evidence rows and a sentence.
 */
import { GrowableDigraph } from '../graph/growable-digraph';
import { ControlPolicy } from '../policy/control-policy';
import { AncestorTally } from './ancestor-tally';
import { CompactGraph } from './compact-graph';
import { RuleCode } from './types';

export type FactNote =
  | { kind: 'none' }
  | { kind: 'seats'; appointed: number; total: number }
  | { kind: 'keys'; bits: number }
  | { kind: 'pool'; pool: 'FAMILY' | 'CONCERT'; anchor: number }
  | { kind: 'kin'; label: string }
  | { kind: 'identity'; persons: number[]; kinLabel: string | null };

export interface RawFact {
  from: number;
  to: number;
  rule: RuleCode;
  directed: boolean;
  joinsGroup: boolean;
  /** R2 / R3: the fact reports the total of its share rows (added up when materialised). */
  pooled: boolean;
  /** Entity indices: R3 pool members; R2, R4, R5 controlled intermediaries. */
  poolIds: number[];
  /** Entities the control passes through (for E1). */
  via: number[];
  /** The control relies on a route through a state body (for E1). */
  throughState: boolean;
  shareRows: number[];
  roleRows: number[];
  linkRows: number[];
  familyRows: number[];
  designationRows: number[];
  note: FactNote;
  /** Set when an R11 SEVER or E1 keeps this fact out of the group union. */
  exclusion: string | null;
}

/**
 * Shared empty lists and note: most facts cite one kind of row, and a fact builds no
 * empty arrays of its own. Frozen, so a rule that tried to push into one fails loudly;
 * code that adds rows to a fact replaces the list (`concatRows`).
 */
const NONE = Object.freeze([]) as unknown as number[];
const NO_NOTE: FactNote = Object.freeze({ kind: 'none' });

type FactFields = Partial<Omit<RawFact, 'from' | 'to' | 'rule'>>;
const NO_FIELDS: FactFields = Object.freeze({});

export function rawFact(
  from: number,
  to: number,
  rule: RuleCode,
  fields: FactFields = NO_FIELDS,
): RawFact {
  // Every field written in one order: one hidden class for all facts.
  return {
    from,
    to,
    rule,
    directed: fields.directed ?? true,
    joinsGroup: fields.joinsGroup ?? true,
    pooled: fields.pooled ?? false,
    poolIds: fields.poolIds ?? NONE,
    via: fields.via ?? NONE,
    throughState: fields.throughState ?? false,
    shareRows: fields.shareRows ?? NONE,
    roleRows: fields.roleRows ?? NONE,
    linkRows: fields.linkRows ?? NONE,
    familyRows: fields.familyRows ?? NONE,
    designationRows: fields.designationRows ?? NONE,
    note: fields.note ?? NO_NOTE,
    exclusion: fields.exclusion ?? null,
  };
}

/** `rows` followed by `more`, as a new list: row lists may be shared (kinship paths). */
export function concatRows(rows: number[], more: readonly number[]): number[] {
  return more.length === 0 ? rows : rows.concat(more);
}

/** What the single-control rules read while the fixpoint runs. */
export interface RuleContext {
  readonly g: CompactGraph;
  readonly policy: ControlPolicy;
  /** majorityThresholdPct scaled like the stakes. */
  readonly threshold: number;
  /** Single-control facts so far (R1, R2, R4, R5, R6, R7). */
  readonly control: GrowableDigraph;
  readonly tally: AncestorTally;
  enabled(rule: RuleCode): boolean;
}

/** Appends without spreading: `push(...xs)` overflows the stack for very long lists. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  // Indexed: an iterator left unoptimised allocates a result object per item.
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

/** Merges facts that share (from, to, rule), e.g. two consolidation agreements. */
export class FactMerger {
  private readonly byKey = new Map<string, RawFact>();

  add(fact: RawFact): void {
    const key = `${fact.from}:${fact.to}:${fact.rule}`;
    const known = this.byKey.get(key);
    if (known === undefined) {
      this.byKey.set(key, fact);
      return;
    }
    known.shareRows = concatRows(known.shareRows, fact.shareRows);
    known.roleRows = concatRows(known.roleRows, fact.roleRows);
    known.linkRows = concatRows(known.linkRows, fact.linkRows);
    known.familyRows = concatRows(known.familyRows, fact.familyRows);
    known.designationRows = concatRows(known.designationRows, fact.designationRows);
  }

  facts(): RawFact[] {
    return [...this.byKey.values()];
  }
}
