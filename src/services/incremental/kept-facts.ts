import type { GroupShape, IdentifiedGroup } from '../../domain/groups';
import type { GraphStore } from '../graph-store';
import { BankFacts, GroupFacts, type StoredFact } from './group-facts';

/**
 * The facts each current group rests on, for writes that re-derive part of a group (see
 * downstream-rederivation). A group the last whole derivation formed reads them from that
 * derivation's facts the first time a write needs them; a write keeps them for the groups
 * it forms, or marks them lost (the next write that needs them re-derives whole groups).
 */
export class KeptFacts {
  private kept = new WeakMap<GroupShape, GroupFacts | null>();
  private bank: BankFacts | undefined;

  constructor(
    private readonly store: () => GraphStore,
    /** The engine's current group of an entity. */
    private readonly groupNow: (entityId: string) => IdentifiedGroup | undefined,
  ) {}

  /** After a whole derivation: its facts, and nothing kept from before it. */
  restart(bank: BankFacts | undefined): void {
    this.kept = new WeakMap();
    this.bank = bank;
  }

  /** The facts a current group rests on, when they are known. */
  of(group: GroupShape): GroupFacts | undefined {
    const kept = this.kept.get(group);
    if (kept !== undefined) return kept ?? undefined;
    const current = this.groupNow(group.memberIds[0]);
    if (!this.bank || current !== group) return undefined;
    const store = this.store();
    const facts = this.bank.groupFacts(group.memberIds.map((id) => store.numberOfId(id)));
    this.kept.set(group, facts);
    return facts;
  }

  lose(group: GroupShape): void {
    this.kept.set(group, null);
  }

  /** Keeps `facts` for the current group with the members of `shape`. */
  keep(shape: GroupShape, facts: GroupFacts): void {
    const group = this.groupNow(shape.memberIds[0]);
    if (group && group.memberIds.length === shape.memberIds.length) this.kept.set(group, facts);
  }

  /** Keeps for each current group of `shapes` its facts among `facts` (any order). */
  keepAll(shapes: readonly GroupShape[], facts: readonly StoredFact[]): void {
    const store = this.store();
    const shapeOf = new Map<number, number>();
    const members = shapes.map((shape, s) =>
      shape.memberIds.map((id) => {
        const n = store.numberOfId(id);
        shapeOf.set(n, s);
        return n;
      }),
    );
    const byShape = shapes.map((): StoredFact[] => []);
    for (const f of facts) {
      const s = shapeOf.get(f.to);
      if (s !== undefined) byShape[s].push(f);
    }
    shapes.forEach((shape, s) => this.keep(shape, new GroupFacts(members[s], byShape[s])));
  }
}
