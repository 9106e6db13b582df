import { coreOf } from '../../domain/control/derivation-core';
import type { RawFact, RuleContext } from '../../domain/control/raw-fact';
import { isStateExempt } from '../../domain/control/rules/state-exemption.rule';
import type { Derivation } from '../../domain/control/types';
import type { ControlPolicy } from '../../domain/policy/control-policy';

/** Fact flags: what a group's shape and the downstream tallies read from a fact. */
export const DIRECTED = 1;
export const JOINS = 2;
/** Single control (R1, R2, R4–R7): credited in the tallies of what lies below. */
export const SINGLE = 4;
/** E1 applies: credited, but not followed when asking who is already linked. */
export const TAGGED = 8;
/** R9: relatives who both control something (undirected). */
export const KIN = 16;

const SINGLE_RULES: ReadonlySet<string> = new Set(['R1', 'R2', 'R4', 'R5', 'R6', 'R7']);

/** One fact in store entity numbers. */
export interface StoredFact {
  from: number;
  to: number;
  flags: number;
}

/**
 * The facts a current group's shape rests on, kept by the engine so a write can re-derive
 * only the members it reaches and recombine them with the rest: every directed fact into a
 * member (joining or not: E1 and SEVER keep some out of the union, and they still count as
 * control below), and the joining undirected facts (R9, R10, R11) between members.
 */
export class GroupFacts {
  private byTo: Map<number, StoredFact[]> | undefined;
  private outside: number[] | undefined;

  constructor(
    /** Members' entity numbers, in id order. */
    readonly members: readonly number[],
    readonly facts: readonly StoredFact[],
  ) {}

  /** Directed facts into `entity`. */
  into(entity: number): readonly StoredFact[] {
    if (!this.byTo) {
      this.byTo = new Map();
      for (const f of this.facts) {
        if ((f.flags & DIRECTED) === 0) continue;
        const list = this.byTo.get(f.to);
        if (list) list.push(f);
        else this.byTo.set(f.to, [f]);
      }
    }
    return this.byTo.get(entity) ?? NONE;
  }

  /**
   * Who controls a member without joining the group (E1, SEVER). That control passes on to
   * what the member controls inside the group, with no fact of its own (S-1 > H > G: G's
   * only fact is H's). Worked out once for the facts kept, not once per write.
   */
  outsideControllers(): readonly number[] {
    this.outside ??= this.facts
      .filter((f) => (f.flags & DIRECTED) !== 0 && (f.flags & JOINS) === 0)
      .map((f) => f.from);
    return this.outside;
  }
}

const NONE: readonly StoredFact[] = Object.freeze([]);

/** Same controllers with the same flags (rules and evidence aside: nothing below reads them). */
export function sameFacts(a: readonly StoredFact[], b: readonly StoredFact[]): boolean {
  const keys = (facts: readonly StoredFact[]) =>
    [...new Set(facts.map((f) => f.from * 16 + f.flags))].sort((x, y) => x - y);
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/**
 * The facts of a derivation made by `deriveGroups` on a subgraph whose entities, in id
 * order, have the store numbers `numbers` (local index k is `numbers[k]`).
 */
export function storedFacts(
  derivation: Derivation,
  numbers: ArrayLike<number>,
  policy: ControlPolicy,
): StoredFact[] {
  const flagsOf = factFlags(derivation, policy);
  return coreOf(derivation)!.raw.map((f: RawFact) => ({
    from: numbers[f.from],
    to: numbers[f.to],
    flags: flagsOf(f),
  }));
}

/**
 * `packFacts(storedFacts(…))` with no fact object between: a whole-bank derivation has half
 * a million facts, and this runs at the worker's peak, beside everything the pass built.
 */
export function packedStoredFacts(
  derivation: Derivation,
  numbers: ArrayLike<number>,
  policy: ControlPolicy,
): PackedFacts {
  const flagsOf = factFlags(derivation, policy);
  const raw = coreOf(derivation)!.raw;
  const flags = new Uint8Array(raw.length);
  let kept = 0;
  for (let i = 0; i < raw.length; i++) {
    flags[i] = flagsOf(raw[i]);
    if (isKept(flags[i])) kept++;
  }
  const packed = {
    from: new Int32Array(kept),
    to: new Int32Array(kept),
    flags: new Uint8Array(kept),
  };
  for (let i = 0, k = 0; i < raw.length; i++) {
    if (!isKept(flags[i])) continue;
    packed.from[k] = numbers[raw[i].from];
    packed.to[k] = numbers[raw[i].to];
    packed.flags[k++] = flags[i];
  }
  return packed;
}

/** The flags of a derivation's raw facts (see DIRECTED … KIN). */
function factFlags(derivation: Derivation, policy: ControlPolicy): (f: RawFact) => number {
  const core = coreOf(derivation);
  if (!core) throw new Error('group-facts: a derivation made by deriveGroups is needed');
  // isStateExempt reads the graph's kinds and the policy only.
  const ctx = { g: core.g, policy } as unknown as RuleContext;
  return (f) =>
    (f.directed ? DIRECTED : 0) |
    (f.joinsGroup ? JOINS : 0) |
    (SINGLE_RULES.has(f.rule) ? SINGLE : 0) |
    (f.directed && isStateExempt(ctx, f) ? TAGGED : 0) |
    (f.rule === 'R9' ? KIN : 0);
}

/** Whether a group's shape can rest on a fact with these flags (directed, or joining). */
function isKept(flags: number): boolean {
  return (flags & (DIRECTED | JOINS)) !== 0;
}

/**
 * The facts that belong to each group: directed ones by the group of their controlled end,
 * joining undirected ones by the group of either end (both ends share a group).
 */
export function factsByGroup<G>(
  facts: readonly StoredFact[],
  groupOf: (entity: number) => G | undefined,
): Map<G, StoredFact[]> {
  const out = new Map<G, StoredFact[]>();
  for (const f of facts) {
    if ((f.flags & DIRECTED) === 0 && (f.flags & JOINS) === 0) continue;
    const g = groupOf(f.to);
    if (g === undefined) continue;
    const list = out.get(g);
    if (list) list.push(f);
    else out.set(g, [f]);
  }
  return out;
}

/** Facts as three parallel arrays (store numbers), to travel between threads. */
export interface PackedFacts {
  from: Int32Array;
  to: Int32Array;
  flags: Uint8Array;
}

/** The facts a group's shape can rest on (directed, or joining), packed. */
export function packFacts(facts: readonly StoredFact[]): PackedFacts {
  const kept = facts.filter((f) => isKept(f.flags));
  const packed = {
    from: new Int32Array(kept.length),
    to: new Int32Array(kept.length),
    flags: new Uint8Array(kept.length),
  };
  kept.forEach((f, i) => {
    packed.from[i] = f.from;
    packed.to[i] = f.to;
    packed.flags[i] = f.flags;
  });
  return packed;
}

/**
 * The facts of a whole-bank derivation, by the entity they are kept with (the controlled
 * end; either end of an undirected one): what a group formed by that derivation rests on,
 * read when a write first needs that group's facts.
 */
export class BankFacts {
  private readonly start: Int32Array;
  private readonly order: Int32Array;

  constructor(
    private readonly packed: PackedFacts,
    numberCount: number,
  ) {
    const { to } = packed;
    this.start = new Int32Array(numberCount + 1);
    for (let i = 0; i < to.length; i++) this.start[to[i] + 1]++;
    for (let n = 0; n < numberCount; n++) this.start[n + 1] += this.start[n];
    const next = this.start.slice(0, numberCount);
    this.order = new Int32Array(to.length);
    for (let i = 0; i < to.length; i++) this.order[next[to[i]]++] = i;
  }

  /** The facts kept with `members` (entity numbers, in id order) as their group's facts. */
  groupFacts(members: readonly number[]): GroupFacts {
    const facts: StoredFact[] = [];
    const { from, to, flags } = this.packed;
    for (const m of members) {
      if (m < 0 || m + 1 >= this.start.length) continue;
      for (let k = this.start[m]; k < this.start[m + 1]; k++) {
        const i = this.order[k];
        facts.push({ from: from[i], to: to[i], flags: flags[i] });
      }
    }
    return new GroupFacts(members, facts);
  }
}
