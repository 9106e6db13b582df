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

/** The fields of a raw fact other than its ends and rule. */
export interface FactFields {
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
const NO_FIELDS: Partial<FactFields> = Object.freeze({});

const DIRECTED = 1;
const JOINS = 2;
const POOLED = 4;
const THROUGH_STATE = 8;

/** Fields only some rules set (pools, routes, links, designations, exclusions). */
interface SeldomFields {
  poolIds: number[];
  via: number[];
  linkRows: number[];
  designationRows: number[];
  exclusion: string | null;
}

/**
 * A control fact in integer form. A whole-bank pass holds half a million of them until it
 * ends, so a fact keeps its ends, rule, the four flags as bits and the row lists most rules
 * cite in place, and the fields only some rules set in one object built when first set
 * (96 bytes a fact instead of 160). Every field reads and writes as a plain property.
 */
export class RawFact implements FactFields {
  private bits: number;
  shareRows: number[];
  roleRows: number[];
  familyRows: number[];
  note: FactNote;
  private seldom: SeldomFields | null = null;

  constructor(
    readonly from: number,
    readonly to: number,
    readonly rule: RuleCode,
    fields: Partial<FactFields> = NO_FIELDS,
  ) {
    this.bits =
      ((fields.directed ?? true) ? DIRECTED : 0) |
      ((fields.joinsGroup ?? true) ? JOINS : 0) |
      (fields.pooled ? POOLED : 0) |
      (fields.throughState ? THROUGH_STATE : 0);
    this.shareRows = fields.shareRows ?? NONE;
    this.roleRows = fields.roleRows ?? NONE;
    this.familyRows = fields.familyRows ?? NONE;
    this.note = fields.note ?? NO_NOTE;
    if (fields.poolIds !== undefined) this.poolIds = fields.poolIds;
    if (fields.via !== undefined) this.via = fields.via;
    if (fields.linkRows !== undefined) this.linkRows = fields.linkRows;
    if (fields.designationRows !== undefined) this.designationRows = fields.designationRows;
    if (fields.exclusion != null) this.exclusion = fields.exclusion;
  }

  get directed(): boolean {
    return (this.bits & DIRECTED) !== 0;
  }
  set directed(on: boolean) {
    this.flag(DIRECTED, on);
  }
  get joinsGroup(): boolean {
    return (this.bits & JOINS) !== 0;
  }
  set joinsGroup(on: boolean) {
    this.flag(JOINS, on);
  }
  get pooled(): boolean {
    return (this.bits & POOLED) !== 0;
  }
  set pooled(on: boolean) {
    this.flag(POOLED, on);
  }
  get throughState(): boolean {
    return (this.bits & THROUGH_STATE) !== 0;
  }
  set throughState(on: boolean) {
    this.flag(THROUGH_STATE, on);
  }

  get poolIds(): number[] {
    return this.seldom?.poolIds ?? NONE;
  }
  set poolIds(ids: number[]) {
    this.seldomFields().poolIds = ids;
  }
  get via(): number[] {
    return this.seldom?.via ?? NONE;
  }
  set via(ids: number[]) {
    this.seldomFields().via = ids;
  }
  get linkRows(): number[] {
    return this.seldom?.linkRows ?? NONE;
  }
  set linkRows(rows: number[]) {
    this.seldomFields().linkRows = rows;
  }
  get designationRows(): number[] {
    return this.seldom?.designationRows ?? NONE;
  }
  set designationRows(rows: number[]) {
    this.seldomFields().designationRows = rows;
  }
  get exclusion(): string | null {
    return this.seldom?.exclusion ?? null;
  }
  set exclusion(reason: string | null) {
    this.seldomFields().exclusion = reason;
  }

  private flag(bit: number, on: boolean): void {
    this.bits = on ? this.bits | bit : this.bits & ~bit;
  }

  private seldomFields(): SeldomFields {
    return (this.seldom ??= {
      poolIds: NONE,
      via: NONE,
      linkRows: NONE,
      designationRows: NONE,
      exclusion: null,
    });
  }
}

export function rawFact(
  from: number,
  to: number,
  rule: RuleCode,
  fields: Partial<FactFields> = NO_FIELDS,
): RawFact {
  return new RawFact(from, to, rule, fields);
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
