import { emptyControlGraph, type ControlGraph } from '../../domain/model';
import { GROUP_EDGE_TABLES, type AnyEdge, type GraphStore } from '../graph-store';

/** Table codes as edge keys carry them (key & 7 is the place in GROUP_EDGE_TABLES). */
const SHAREHOLDINGS = GROUP_EDGE_TABLES.indexOf('shareholdings');
const ROLES = GROUP_EDGE_TABLES.indexOf('roles');
const FAMILY = GROUP_EDGE_TABLES.indexOf('familyTies');
const LINKS = GROUP_EDGE_TABLES.indexOf('links');
const TABLE_MASK = 7;

/** One entity's edges valid on the date, read once from the store's columns. */
interface Around {
  /** Edge keys valid on the date. */
  keys: number[];
  /** Whom its control rests on: holders, post holders and appointers, linked parties. */
  up: number[];
  /** The same, by the edges a control fact into it can rest on: stakes and posts in it, links to it. */
  controlUp: number[];
  /** Whose control it bears on: companies it holds or posts at, linked parties. */
  down: number[];
  /** Relatives by one family tie. */
  kin: number[];
  /** Other ends of its edges other than shareholdings (post, link, family, designation). */
  nonShare: number[];
}

/**
 * The graph of one date as integer adjacency over a GraphStore's entity numbers, built
 * lazily for the entities a walk reaches. A write's scope walks thousands of entities of a
 * big group: numbers and typed marks instead of id strings, references and string sets.
 * Build one per write: the store changes between writes.
 */
export class TodayGraph {
  private readonly around = new Map<number, Around>();
  private readonly family = new Map<number, number[]>();
  private readonly keys = new Map<number, number[]>();
  private readonly valid: (key: number) => boolean;

  constructor(
    readonly store: GraphStore,
    readonly date: string,
  ) {
    this.valid = store.validOn(date);
  }

  /** Entity numbers of the ids the store holds as present entities. */
  numbersOf(ids: Iterable<string>): number[] {
    const out: number[] = [];
    for (const id of ids) {
      const i = this.store.numberOfId(id);
      if (i >= 0 && this.store.hasEntityAt(i)) out.push(i);
    }
    return out;
  }

  upstreamOf(i: number): readonly number[] {
    return this.of(i).up;
  }

  /** Whom a control fact into `i` can rest on (see Around.controlUp). */
  controlUpstreamOf(i: number): readonly number[] {
    return this.of(i).controlUp;
  }

  /** What lies upstream of `from` by control edges inside `within` (`from` included). */
  controlUpstream(from: readonly number[], within: (i: number) => boolean, out: Set<number>): void {
    this.closure(from, within, (i) => this.of(i).controlUp, out);
  }

  downstreamOf(i: number): readonly number[] {
    return this.of(i).down;
  }

  /** Relatives by one family tie valid on the date (read without the rest of i's edges). */
  kinNeighbours(i: number): readonly number[] {
    const known = this.around.get(i)?.kin ?? this.family.get(i);
    if (known) return known;
    const kin: number[] = [];
    this.store.forEachEdgeKeyAt(i, (key) => {
      if ((key & TABLE_MASK) !== FAMILY || !this.valid(key)) return;
      for (let k = 0; k < 2; k++) {
        const e = this.store.endOfKey(key, k);
        if (e !== i) kin.push(e);
      }
    });
    this.family.set(i, kin);
    return kin;
  }

  /** What lies upstream of `from` inside `within` (`from` included, whatever `within` says). */
  upstream(from: readonly number[], within: (i: number) => boolean, out: Set<number>): void {
    this.closure(from, within, (i) => this.of(i).up, out);
  }

  /** What lies downstream of `from` inside `within` (`from` included). */
  downstream(from: readonly number[], within: (i: number) => boolean, out: Set<number>): void {
    this.closure(from, within, (i) => this.of(i).down, out);
  }

  /** The family-tie components of the persons among `from` (kin rules walk several ties). */
  kinOf(from: Iterable<number>): Set<number> {
    const seen = new Set<number>();
    const stack: number[] = [];
    for (const i of from) for (const k of this.kinNeighbours(i)) stack.push(k);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      for (const k of this.kinNeighbours(i)) if (!seen.has(k)) stack.push(k);
    }
    return seen;
  }

  /**
   * Who R9 and R10 facts among `ids` rest on without being members: the holders and
   * appointers of posts, linked parties and relatives (with their family's ties).
   */
  witnessesOf(ids: ReadonlySet<number>, kinOnly: Iterable<number>): Set<number> {
    const witnesses = new Set<number>();
    for (const i of ids) for (const o of this.of(i).nonShare) if (!ids.has(o)) witnesses.add(o);
    const kin = this.kinOf(concat(ids, witnesses, kinOnly));
    for (const i of kin) if (!ids.has(i)) witnesses.add(i);
    return witnesses;
  }

  /**
   * Private companies whose legal representative or actual controller is among `ids` or
   * holds that post at a company among them, or is a relative of such a holder: the
   * companies R10 may link them with.
   */
  partnersOf(ids: Iterable<number>): Set<number> {
    const holders = new Set<number>();
    for (const i of ids) {
      for (const key of this.of(i).keys) if (this.isKeyPost(key)) holders.add(this.endAt(key, 0));
    }
    // R10 also links companies whose key post holders are close relatives: a company that
    // turns private links with those where its holders' relatives hold key posts.
    for (const relative of this.kinOf(holders)) holders.add(relative);
    const partners = new Set<number>();
    for (const holder of holders) {
      for (const post of this.of(holder).keys)
        if (this.isKeyPost(post)) partners.add(this.endAt(post, 1));
    }
    return partners;
  }

  /**
   * The rows valid on the date with every end inside `ids`, entities sorted by id;
   * `numbers[k]` is the store number of the derivation's entity k (entities in id order).
   * Of the entities in `bare` only the rows that end in them are read (stakes and posts in
   * them, links to them, family ties, designations): a row between two of them is found
   * from its receiving end, any other from the other end, and a bare investor's hundred
   * stakes elsewhere are never looked at.
   */
  subgraph(
    ids: ReadonlySet<number>,
    bare?: ReadonlySet<number>,
  ): { graph: ControlGraph; numbers: number[] } {
    const graph = emptyControlGraph();
    const taken = new Set<number>();
    const numbers: number[] = [];
    const take = (key: number) => {
      if (taken.has(key) || !this.endsWithin(key, ids)) return;
      taken.add(key);
      (graph[this.store.tableOfKey(key)] as AnyEdge[]).push(this.store.edgeByKey(key));
    };
    for (const i of ids) {
      if (this.store.hasEntityAt(i)) numbers.push(i);
      if (bare?.has(i)) {
        this.store.forEachEdgeKeyAt(i, (key) => {
          if (this.endsIn(key, i) && this.valid(key)) take(key);
        });
      } else for (const key of this.keysOf(i)) take(key);
    }
    const idOf = numbers.map((i) => this.store.idAt(i));
    const order = numbers.map((_, k) => k).sort((a, b) => (idOf[a] < idOf[b] ? -1 : 1));
    const sorted = order.map((k) => numbers[k]);
    graph.entities = sorted.map((i) => this.store.entityAt(i)!);
    // Rows stay in any order: a derivation's result does not depend on it.
    return { graph, numbers: sorted };
  }

  /** Whether edge `key` ends in `i`: i is the company of a stake or post, a link's target, or either end of the others. */
  private endsIn(key: number, i: number): boolean {
    const table = key & TABLE_MASK;
    if (table === SHAREHOLDINGS || table === ROLES || table === LINKS)
      return this.store.endOfKey(key, 1) === i;
    return true;
  }

  private endsWithin(key: number, ids: ReadonlySet<number>): boolean {
    for (let k = this.store.endCountOfKey(key) - 1; k >= 0; k--) {
      const e = this.store.endOfKey(key, k);
      if (e !== -1 && !ids.has(e)) return false;
    }
    return true;
  }

  private endAt(key: number, k: number): number {
    return this.store.endOfKey(key, k);
  }

  private isKeyPost(key: number): boolean {
    if ((key & TABLE_MASK) !== ROLES) return false;
    const role = this.store.roleOfKey(key);
    if (role !== 'LEGAL_REPRESENTATIVE' && role !== 'ACTUAL_CONTROLLER') return false;
    const company = this.store.entityAt(this.endAt(key, 1));
    return company?.kind === 'COMPANY' && company.ownership === 'PRIVATE';
  }

  /** Keys of the edges valid on the date touching i (all a subgraph reads of an entity). */
  private keysOf(i: number): readonly number[] {
    const known = this.around.get(i)?.keys ?? this.keys.get(i);
    if (known) return known;
    const keys: number[] = [];
    this.store.forEachEdgeKeyAt(i, (key) => {
      if (this.valid(key)) keys.push(key);
    });
    this.keys.set(i, keys);
    return keys;
  }

  private of(i: number): Around {
    let around = this.around.get(i);
    if (around) return around;
    around = {
      keys: this.keysOf(i) as number[],
      up: [],
      controlUp: [],
      down: [],
      kin: [],
      nonShare: [],
    };
    const { store } = this;
    const a = around;
    for (const key of a.keys) {
      const table = key & TABLE_MASK;
      // The company a stake or post is in; the other kinds run both ways.
      const directed = table === SHAREHOLDINGS || table === ROLES;
      const isCompany = directed && store.endOfKey(key, 1) === i;
      // A link runs from its first end to its second: control into i rests on links to i.
      const into = isCompany || (table === LINKS && store.endOfKey(key, 1) === i);
      for (let k = store.endCountOfKey(key) - 1; k >= 0; k--) {
        const e = store.endOfKey(key, k);
        if (e === i || e === -1) continue;
        if (!directed || isCompany) a.up.push(e);
        if (into) a.controlUp.push(e);
        if (!isCompany) a.down.push(e);
        if (table === FAMILY) a.kin.push(e);
        if (table !== SHAREHOLDINGS) a.nonShare.push(e);
      }
    }
    this.around.set(i, around);
    return around;
  }

  private closure(
    from: readonly number[],
    within: (i: number) => boolean,
    step: (i: number) => readonly number[],
    seen: Set<number>,
  ): void {
    const stack: number[] = [];
    for (const i of from) {
      if (!seen.has(i)) {
        seen.add(i);
        stack.push(i);
      }
    }
    while (stack.length > 0) {
      for (const next of step(stack.pop()!)) {
        if (!seen.has(next) && within(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
  }
}

function* concat<T>(...lists: Iterable<T>[]): Iterable<T> {
  for (const list of lists) yield* list;
}
