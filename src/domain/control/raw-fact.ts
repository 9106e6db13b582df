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
  pooledPct: string | null;
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

export function rawFact(
  from: number,
  to: number,
  rule: RuleCode,
  fields: Partial<Omit<RawFact, 'from' | 'to' | 'rule'>> = {},
): RawFact {
  return {
    from,
    to,
    rule,
    directed: true,
    joinsGroup: true,
    pooledPct: null,
    poolIds: [],
    via: [],
    throughState: false,
    shareRows: [],
    roleRows: [],
    linkRows: [],
    familyRows: [],
    designationRows: [],
    note: { kind: 'none' },
    exclusion: null,
    ...fields,
  };
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
  for (const item of items) target.push(item);
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
    known.shareRows.push(...fact.shareRows);
    known.roleRows.push(...fact.roleRows);
    known.linkRows.push(...fact.linkRows);
    known.familyRows.push(...fact.familyRows);
    known.designationRows.push(...fact.designationRows);
  }

  facts(): RawFact[] {
    return [...this.byKey.values()];
  }
}
