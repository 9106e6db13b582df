/**
 * The group engine's write path without a database: today's groups, the facts kept per
 * group, and each write re-derived by `rederiveWrite` as GroupEngine.rederive does it.
 * Property tests compare it with a whole-bank derivation after each write.
 */
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import type { GroupShape, IdentifiedGroup } from '../../../src/domain/groups';
import type { ControlPolicy } from '../../../src/domain/policy/control-policy';
import { shapesOf } from '../../../src/services/derivation/full-derivation';
import type { GraphStore } from '../../../src/services/graph-store';
import {
  BankFacts,
  DIRECTED,
  GroupFacts,
  JOINS,
  packFacts,
  storedFacts,
  type StoredFact,
} from '../../../src/services/incremental/group-facts';
import { KeptFacts } from '../../../src/services/incremental/kept-facts';
import {
  rederiveWrite,
  type WriteLimits,
  type WriteOutcome,
} from '../../../src/services/incremental/write-rederivation';
import { TODAY, type Written } from './write-fixtures';

export const UNLIMITED: WriteLimits = {
  maxEntities: Infinity,
  maxRounds: 1_000,
  wholeBankAbove: Infinity,
};

/** Joining facts of each entity's group as "from>to" / "from-to" text, sorted. */
export type FactsByEntity = Map<string, string>;

/** KeptFacts that lose one fact of every group a write forms: the mutation check. */
class LossyFacts extends KeptFacts {
  override keep(shape: GroupShape, facts: GroupFacts): void {
    super.keep(shape, new GroupFacts(facts.members, facts.facts.slice(1)));
  }
}

export class WriteHarness {
  readonly current = new Map<string, IdentifiedGroup>();
  readonly facts: KeptFacts;
  /** How each write was re-derived. */
  readonly paths: WriteOutcome['path'][] = [];
  /** The last write's outcome, for measurements. */
  last: WriteOutcome | undefined;
  private nextId = 0;

  constructor(
    readonly store: GraphStore,
    private readonly policy: ControlPolicy,
    /** Break the kept facts on purpose (mutation check): drop one per group a write forms. */
    sabotage = false,
  ) {
    const groupNow = (id: string) => this.current.get(id);
    this.facts = sabotage
      ? new LossyFacts(() => store, groupNow)
      : new KeptFacts(() => store, groupNow);
    const { shapes, facts } = wholeBank(store, policy);
    this.take(shapes);
    this.facts.restart(new BankFacts(packFacts(facts), store.numberCount));
  }

  write(written: Written): void {
    const view = {
      store: this.store,
      groupNow: (id: string) => this.current.get(id),
      facts: this.facts,
      today: true,
    };
    const outcome = rederiveWrite(view, written, TODAY, this.policy, UNLIMITED)!;
    this.last = outcome;
    this.paths.push(outcome.path);
    this.take(outcome.next);
    outcome.keep();
  }

  /** Every entity's group, as `groupsByEntity` gives it. */
  shapes(): GroupShape[] {
    return [...new Set(this.current.values())];
  }

  /** For the groups with facts known: their joining facts, by entity. */
  keptJoiningFacts(): FactsByEntity {
    const out: FactsByEntity = new Map();
    for (const group of this.shapes()) {
      const facts = this.facts.of(group);
      if (!facts) continue;
      const text = joiningText(this.store, facts.facts);
      for (const id of group.memberIds) out.set(id, text);
    }
    return out;
  }

  private take(shapes: readonly GroupShape[]): void {
    for (const g of shapes) {
      const group = { id: `G${++this.nextId}`, ...g };
      for (const id of g.memberIds) this.current.set(id, group);
    }
  }
}

/** Groups and facts of the whole bank, facts in store numbers. */
export function wholeBank(
  store: GraphStore,
  policy: ControlPolicy,
): { shapes: GroupShape[]; facts: StoredFact[] } {
  const graph = store.all();
  const derivation = deriveGroups(graph, TODAY, policy);
  const numbers = graph.entities
    .map((e) => e.id)
    .sort()
    .map((id) => store.numberOfId(id));
  return { shapes: shapesOf(derivation), facts: storedFacts(derivation, numbers, policy) };
}

/** The joining facts of a whole-bank derivation, by entity, for the groups of `ids`. */
export function wholeBankJoiningFacts(
  store: GraphStore,
  policy: ControlPolicy,
  ids: Iterable<string>,
): FactsByEntity {
  const { shapes, facts } = wholeBank(store, policy);
  const groupOf = new Map<number, GroupShape>();
  for (const g of shapes) for (const id of g.memberIds) groupOf.set(store.numberOfId(id), g);
  const byGroup = new Map<GroupShape, StoredFact[]>();
  for (const f of facts) {
    const g = groupOf.get(f.to)!;
    byGroup.set(g, [...(byGroup.get(g) ?? []), f]);
  }
  const out: FactsByEntity = new Map();
  for (const id of ids) {
    const g = groupOf.get(store.numberOfId(id))!;
    out.set(id, joiningText(store, byGroup.get(g) ?? []));
  }
  return out;
}

function joiningText(store: GraphStore, facts: readonly StoredFact[]): string {
  const texts = new Set<string>();
  for (const f of facts) {
    if ((f.flags & JOINS) === 0) continue;
    const [a, b] = [store.idAt(f.from), store.idAt(f.to)];
    texts.add((f.flags & DIRECTED) !== 0 ? `${a}>${b}` : a < b ? `${a}-${b}` : `${b}-${a}`);
  }
  return [...texts].sort().join(' ');
}
