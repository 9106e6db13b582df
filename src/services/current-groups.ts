import type { PackedGroups } from '../domain/control/packed-groups';
import type { GroupShape, IdentifiedGroup } from '../domain/groups';
import type { StoredGroupRows } from '../persistence/repositories/group.repository';
import { grown } from './graph-columns';
import type { GraphStore } from './graph-store';
import { sameList } from './group-diff';

const LONE = 'G-';

/** A group of one entity heading itself, under the id its head gives it. */
export function isLoneGroup(g: IdentifiedGroup): boolean {
  const [member] = g.memberIds;
  return (
    g.memberIds.length === 1 &&
    g.headIds.length === 1 &&
    g.headIds[0] === member &&
    g.id.length === LONE.length + member.length &&
    g.id.startsWith(LONE) &&
    g.id.endsWith(member)
  );
}

/**
 * The bank's current group customers, compactly. Most groups of a bank are one entity heading
 * itself under `G-<its id>` (613 000 of 704 000 at the bench's million): each of those is a
 * flag at its store number, not a group object, two map entries and three strings (about
 * 200 bytes). Every other group is an object in `byId`, its members in `groupIdOfMember`.
 *
 * A lone group asked for is built once and kept as an object: callers tell groups apart by
 * identity (kept facts), so the same group must stay the same object until it changes. A
 * whole-bank pass, after which nothing is told apart by identity, folds them back into flags.
 */
export class CurrentGroups {
  private readonly byId = new Map<string, IdentifiedGroup>();
  private readonly groupIdOfMember = new Map<string, string>();
  /** 1 at the store number of an entity that is a lone group held as a flag. */
  private lone = new Uint8Array(0);

  constructor(private store: GraphStore) {}

  /** The current group id of an entity. */
  groupIdOf(entityId: string): string | undefined {
    const id = this.groupIdOfMember.get(entityId);
    if (id !== undefined) return id;
    return this.loneNumber(entityId) >= 0 ? LONE + entityId : undefined;
  }

  group(groupId: string): IdentifiedGroup | undefined {
    const g = this.byId.get(groupId);
    if (g !== undefined || !groupId.startsWith(LONE)) return g;
    return this.built(groupId.slice(LONE.length));
  }

  /** The current group of an entity. */
  groupOf(entityId: string): IdentifiedGroup | undefined {
    const id = this.groupIdOfMember.get(entityId);
    return id !== undefined ? this.byId.get(id) : this.built(entityId);
  }

  /** Whether a current group has this id. */
  has(groupId: string): boolean {
    if (this.byId.has(groupId)) return true;
    return groupId.startsWith(LONE) && this.loneNumber(groupId.slice(LONE.length)) >= 0;
  }

  /** Replaces what was persisted before this process: no group object for a lone group. */
  stage(stored: StoredGroupRows): void {
    const ids = stored.memberIds.map((m) => this.ownId(m));
    const headIds = ids.filter((_, k) => stored.isHead[k]);
    this.add({ id: stored.id, memberIds: ids, headIds });
  }

  /** `before` (current groups) give way to `after`, as a committed change leaves them. */
  replace(before: readonly IdentifiedGroup[], after: readonly IdentifiedGroup[]): void {
    const successor = new Map<string, IdentifiedGroup>();
    for (const g of after) successor.set(g.id, g);
    // A group that keeps its id and members (heads or facts moved) keeps its members' entries:
    // in a 10 000-member group those are most of a write's work.
    const mapped = new Set<IdentifiedGroup>();
    for (const g of before) {
      const next = successor.get(g.id);
      const membersStay =
        next !== undefined &&
        this.byId.get(g.id) === g &&
        !isLoneGroup(next) &&
        sameList(g.memberIds, next.memberIds);
      if (membersStay) mapped.add(next);
      else this.remove(g);
    }
    for (const g of after) this.add(g, mapped.has(g));
  }

  /** After a whole-bank pass: lone groups built since the last one go back to flags. */
  foldLoneGroups(): void {
    for (const g of this.byId.values()) {
      if (!isLoneGroup(g)) continue;
      const x = this.store.numberOfId(g.memberIds[0]);
      if (x < 0) continue;
      this.byId.delete(g.id);
      this.groupIdOfMember.delete(g.memberIds[0]);
      this.markLone(x, 1);
    }
  }

  /**
   * The groups of a whole-bank derivation against the current ones, without building the
   * groups that did not change (most of them): the current groups that changed, and the new
   * shapes that replace them. `packed` is in the store's entity numbers.
   */
  changedAgainst(packed: PackedGroups): { prior: IdentifiedGroup[]; next: GroupShape[] } {
    const { entities, memberCounts, headCounts } = packed;
    const lone = this.lone;
    const matchedLone = new Uint8Array(lone.length);
    const matched = new Set<IdentifiedGroup>();
    const next: GroupShape[] = [];
    const idAt = (i: number) => this.store.idAt(i);
    for (let i = 0, at = 0; i < memberCounts.length; at += memberCounts[i] + headCounts[i++]) {
      const first = entities[at];
      const alone = memberCounts[i] === 1 && headCounts[i] === 1 && entities[at + 1] === first;
      if (alone && first < lone.length && lone[first] === 1) {
        matchedLone[first] = 1;
        continue;
      }
      const current = this.objectOf(idAt(first));
      if (current && samePacked(current, entities, at, memberCounts[i], headCounts[i], idAt)) {
        matched.add(current);
        continue;
      }
      if (alone) {
        const ids = [idAt(first)];
        next.push({ memberIds: ids, headIds: ids });
        continue;
      }
      const ids = Array.from(entities.subarray(at, at + memberCounts[i]), idAt);
      const heads = entities.subarray(at + memberCounts[i], at + memberCounts[i] + headCounts[i]);
      next.push({ memberIds: ids, headIds: Array.from(heads, idAt) });
    }
    const prior: IdentifiedGroup[] = [];
    for (const g of this.byId.values()) if (!matched.has(g)) prior.push(g);
    for (let x = 0; x < lone.length; x++) {
      if (lone[x] === 1 && matchedLone[x] === 0) prior.push(loneGroup(this.store.idAt(x)));
    }
    return { prior, next };
  }

  /** The store was replaced (a reload): entity numbers change, ids do not. */
  rebind(store: GraphStore): void {
    const previous = this.store;
    const lone = this.lone;
    this.store = store;
    this.lone = new Uint8Array(store.numberCount);
    for (let x = 0; x < lone.length; x++) {
      if (lone[x] === 1) this.add(loneGroup(this.ownId(previous.idAt(x))));
    }
  }

  private add(g: IdentifiedGroup, membersMapped = false): void {
    if (isLoneGroup(g)) {
      const x = this.store.numberOfId(g.memberIds[0]);
      if (x >= 0) return this.markLone(x, 1);
    }
    this.keepObject(g, membersMapped);
  }

  private keepObject(g: IdentifiedGroup, membersMapped = false): void {
    this.byId.set(g.id, g);
    if (!membersMapped) for (const m of g.memberIds) this.groupIdOfMember.set(m, g.id);
  }

  private remove(g: IdentifiedGroup): void {
    if (this.byId.get(g.id) === g) {
      this.byId.delete(g.id);
      for (const m of g.memberIds)
        if (this.groupIdOfMember.get(m) === g.id) this.groupIdOfMember.delete(m);
      return;
    }
    const x = isLoneGroup(g) ? this.loneNumber(g.memberIds[0]) : -1;
    if (x >= 0) this.markLone(x, 0);
  }

  /** A group object of `entityId`'s, without building a lone one. */
  private objectOf(entityId: string): IdentifiedGroup | undefined {
    const id = this.groupIdOfMember.get(entityId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The lone group of `entityId` as an object, kept as one from now on (see the class). */
  private built(entityId: string): IdentifiedGroup | undefined {
    const x = this.loneNumber(entityId);
    if (x < 0) return undefined;
    const g = loneGroup(this.store.idAt(x));
    this.markLone(x, 0);
    this.keepObject(g);
    return g;
  }

  /** The store number of `entityId` when it is a lone group held as a flag, else -1. */
  private loneNumber(entityId: string): number {
    const x = this.store.numberOfId(entityId);
    return x >= 0 && x < this.lone.length && this.lone[x] === 1 ? x : -1;
  }

  private markLone(x: number, flag: 0 | 1): void {
    if (x >= this.lone.length) {
      if (flag === 0) return;
      const larger = new Uint8Array(
        grown(this.lone.length, Math.max(x + 1, this.store.numberCount)),
      );
      larger.set(this.lone);
      this.lone = larger;
    }
    this.lone[x] = flag;
  }

  /** The store's own string for an id (so the state holds no copy of ids read elsewhere). */
  private ownId(id: string): string {
    const x = this.store.numberOfId(id);
    return x >= 0 ? this.store.idAt(x) : id;
  }
}

function loneGroup(id: string): IdentifiedGroup {
  const ids = [id];
  return { id: LONE + id, memberIds: ids, headIds: ids };
}

/** Whether `g` has the packed group's members and heads, in its order. */
function samePacked(
  g: GroupShape,
  entities: Int32Array,
  at: number,
  members: number,
  heads: number,
  idAt: (i: number) => string,
): boolean {
  if (g.memberIds.length !== members || g.headIds.length !== heads) return false;
  for (let k = 0; k < members; k++) if (g.memberIds[k] !== idAt(entities[at + k])) return false;
  for (let k = 0; k < heads; k++)
    if (g.headIds[k] !== idAt(entities[at + members + k])) return false;
  return true;
}
