import { packIds, unpackIds, type PackedIds } from '../domain/control/id-column';
import { emptyControlGraph, type ControlGraph, type Party, type Role } from '../domain/model';
import { Dictionary, KeyIndex } from './graph-columns';
import { RowTable, TABLE_FIELDS, type TableColumns, type TableName } from './graph-tables';

/** The edge kinds that can tie entities into a group (guarantees never do). */
export const GROUP_EDGE_TABLES = [
  'shareholdings',
  'roles',
  'familyTies',
  'links',
  'designations',
] as const;
export type GroupEdgeTable = (typeof GROUP_EDGE_TABLES)[number];
type EdgeOf<T extends GroupEdgeTable> = ControlGraph[T][number];
export type AnyEdge = EdgeOf<GroupEdgeTable>;
type GuaranteeRecord = ControlGraph['guarantees'][number];
export interface IncidentEdge {
  table: GroupEdgeTable;
  /** A fresh record: compare edges by `key`, not by reference. */
  edge: AnyEdge;
  /** The edge's number in the store, the same from either end. */
  key: number;
}

/** An edge touching an entity, read from the columns without building its record. */
export interface EdgeRef {
  table: GroupEdgeTable;
  /** The edge's number in the store (`edgeByKey` builds its record). */
  key: number;
  /** Its ends in `endpoints` order (a role's appointer last). */
  ends: string[];
  validFrom: string | null;
  validTo: string | null;
  /** A role's type; null for the other kinds. */
  role: string | null;
}

/** Everything a GraphStore holds, as plain data for another thread. */
export interface GraphColumns {
  /** Entity ids by number, packed (see id-column): one string to send, not a million. */
  ids: PackedIds;
  dates: string[];
  tables: Record<TableName, TableColumns>;
}

/** A row sink for bulk loads: `values` in TABLE_FIELDS order. */
export type RowSink = (table: TableName, values: readonly unknown[]) => void;

/** An incident reference packs a row and its table: row * 8 + table code. */
/** Where each edge table keeps the fields an EdgeRef reads. */
const REF_FIELDS = GROUP_EDGE_TABLES.map((table) => {
  const names = TABLE_FIELDS[table].map((field) => field.name);
  return {
    validFrom: names.indexOf('validFrom'),
    validTo: names.indexOf('validTo'),
    role: names.indexOf('role'),
  };
});

const TABLE_BITS = 3;
const TABLE_MASK = 7;
const NO_ENTITY = -1;

/**
 * The whole dated graph in memory, every date at once, kept current on every write.
 * It answers one question fast: which entities can influence each other's group
 * (the weakly-connected component over every edge of every date), so a change re-derives
 * only that component. Derivation itself filters edges by the date asked.
 *
 * Held as columns (graph-tables): entities numbered once, endpoints as numbers, repeated
 * strings once, names in a byte pool; records are built when asked for. The incident lists
 * are one compressed array built at load plus short lists for edges written since.
 */
export class GraphStore {
  /** Entity number → id; endpoints named by edges but never put are numbered too. */
  private readonly ids: string[] = [];
  private readonly numbers = new KeyIndex((i) => this.ids[i]);
  private readonly dates = new Dictionary();
  private readonly entityNumbers = {
    numberOf: (id: string) => this.numberOf(id),
    idOf: (i: number) => this.ids[i],
  };
  private readonly parties: RowTable;
  /** GROUP_EDGE_TABLES[code] → its rows. */
  private readonly edgeTables: RowTable[];
  private readonly guarantees: RowTable;
  private readonly edgeKeys: KeyIndex[];
  private readonly guaranteeKeys: KeyIndex;
  /** Incident references of entity i at load: refs[start[i] .. start[i + 1]). */
  private loadedStart = new Int32Array(1);
  private loadedRefs = new Int32Array(0);
  /** Incident references of edges put since the load. */
  private readonly written = new Map<number, number[]>();
  private visited = new Int32Array(16);
  private visit = 0;
  private presentCount = 0;

  private constructor(columns?: GraphColumns) {
    if (columns) {
      this.ids = unpackIds(columns.ids);
      this.dates = new Dictionary(columns.dates);
    }
    const table = (name: TableName) =>
      new RowTable(TABLE_FIELDS[name], this.entityNumbers, this.dates, columns?.tables[name]);
    this.parties = table('entities');
    this.edgeTables = GROUP_EDGE_TABLES.map(table);
    this.guarantees = table('guarantees');
    this.edgeKeys = this.edgeTables.map((t) => new KeyIndex((row) => t.keyOf(row)));
    this.guaranteeKeys = new KeyIndex((row) => this.guarantees.keyOf(row));
  }

  static from(graph: ControlGraph): GraphStore {
    return GraphStore.loaded((add) => {
      for (const e of graph.entities) add('entities', toRow('entities', e));
      for (const table of GROUP_EDGE_TABLES)
        for (const edge of graph[table]) add(table, toRow(table, edge));
      for (const g of graph.guarantees) add('guarantees', toRow('guarantees', g));
    });
  }

  /** Bulk load: rows in TABLE_FIELDS order, entities first; later rows replace earlier ones. */
  private static loaded(fill: (add: RowSink) => void): GraphStore {
    const store = new GraphStore();
    fill((table, values) => store.load(table, values));
    store.indexIncidents();
    return store;
  }

  /** The same load, fed asynchronously (a database read), sized up front when it can be. */
  static async loading(
    fill: (add: RowSink, reserve: (table: TableName, rows: number) => void) => Promise<void>,
  ): Promise<GraphStore> {
    const store = new GraphStore();
    await fill(
      (table, values) => store.load(table, values),
      (table, rows) => store.reserve(table, rows),
    );
    store.indexIncidents();
    return store;
  }

  /** The whole graph as records, from columns sent by another thread. */
  static graphOf(columns: GraphColumns): ControlGraph {
    return new GraphStore(columns).all();
  }

  get entityCount(): number {
    return this.presentCount;
  }

  entity(id: string): Party | undefined {
    const i = this.numbers.find(id);
    return i >= 0 && this.isPresent(i) ? this.party(i) : undefined;
  }

  hasEntity(id: string): boolean {
    const i = this.numbers.find(id);
    return i >= 0 && this.isPresent(i);
  }

  putEntity(entity: Party): void {
    const i = this.numberOf(entity.id);
    if (!this.isPresent(i)) this.presentCount++;
    this.parties.write(i, entity as unknown as Record<string, unknown>);
  }

  edge<T extends GroupEdgeTable>(table: T, id: string): EdgeOf<T> | undefined {
    const code = GROUP_EDGE_TABLES.indexOf(table);
    const row = this.liveRow(code, id);
    return row < 0 ? undefined : (this.recordAt((row << TABLE_BITS) | code) as EdgeOf<T>);
  }

  /** Inserts or replaces an edge; returns the entities whose groups may change. */
  putEdge<T extends GroupEdgeTable>(table: T, edge: EdgeOf<T>): string[] {
    const previous = this.removeEdge(table, edge.id);
    const code = GROUP_EDGE_TABLES.indexOf(table);
    const t = this.edgeTables[code];
    const row = t.append(edge as unknown as Record<string, unknown>);
    this.edgeKeys[code].put(edge.id, row);
    const ref = (row << TABLE_BITS) | code;
    const ends: string[] = [];
    t.forEachEnd(row, (e) => {
      let list = this.written.get(e);
      if (!list) this.written.set(e, (list = []));
      list.push(ref);
      ends.push(this.ids[e]);
    });
    return [...new Set([...previous, ...ends])];
  }

  removeEdge(table: GroupEdgeTable, id: string): string[] {
    const code = GROUP_EDGE_TABLES.indexOf(table);
    const row = this.liveRow(code, id);
    if (row < 0) return [];
    const t = this.edgeTables[code];
    t.dead[row] = 1;
    const ref = (row << TABLE_BITS) | code;
    const ends: string[] = [];
    t.forEachEnd(row, (e) => {
      ends.push(this.ids[e]);
      const list = this.written.get(e);
      const at = list ? list.indexOf(ref) : -1;
      if (list && at >= 0) {
        list[at] = list[list.length - 1];
        list.pop();
      }
    });
    return ends;
  }

  guarantee(id: string): GuaranteeRecord | undefined {
    const row = this.guaranteeKeys.find(id);
    return row < 0 || this.guarantees.dead[row] === 1
      ? undefined
      : (this.guarantees.record(row) as unknown as GuaranteeRecord);
  }

  putGuarantee(g: GuaranteeRecord): void {
    this.removeGuarantee(g.id);
    this.guaranteeKeys.put(g.id, this.guarantees.append(g as unknown as Record<string, unknown>));
  }

  removeGuarantee(id: string): void {
    const row = this.guaranteeKeys.find(id);
    if (row >= 0) this.guarantees.dead[row] = 1;
  }

  /** The edges touching `id`, each with its table: what a write's re-derivation scope walks. */
  incidentEdges(id: string): IncidentEdge[] {
    const i = this.numbers.find(id);
    const out: IncidentEdge[] = [];
    if (i >= 0)
      this.forEachIncident(i, (ref) =>
        out.push({
          table: GROUP_EDGE_TABLES[ref & TABLE_MASK],
          edge: this.recordAt(ref),
          key: ref,
        }),
      );
    return out;
  }

  /** The edges touching `id` as references: what a walk over many entities reads. */
  incidentRefs(id: string): EdgeRef[] {
    const i = this.numbers.find(id);
    const out: EdgeRef[] = [];
    if (i >= 0) this.forEachIncident(i, (ref) => out.push(this.refAt(ref)));
    return out;
  }

  /** The record of an edge a reference names. */
  edgeByKey(key: number): AnyEdge {
    return this.recordAt(key);
  }

  /** Every entity reachable from `seeds` over edges of any date. */
  componentOf(seeds: Iterable<string>): Set<string> {
    const mark = this.nextVisit();
    const visited = this.visited;
    const stack: number[] = [];
    for (const id of seeds) {
      const i = this.numbers.find(id);
      if (i >= 0 && this.isPresent(i) && visited[i] !== mark) {
        visited[i] = mark;
        stack.push(i);
      }
    }
    const found: number[] = [...stack];
    const reach = (e: number) => {
      if (visited[e] !== mark) {
        visited[e] = mark;
        stack.push(e);
        found.push(e);
      }
    };
    while (stack.length) {
      this.forEachIncident(stack.pop()!, (ref) =>
        this.edgeTables[ref & TABLE_MASK].forEachEnd(ref >>> TABLE_BITS, reach),
      );
    }
    return new Set(found.map((i) => this.ids[i]));
  }

  /** The graph restricted to `ids` (closed under edges when `ids` is a component). */
  subgraph(ids: ReadonlySet<string>): ControlGraph {
    const graph = emptyControlGraph();
    const refs = new Set<number>();
    for (const id of ids) {
      const i = this.numbers.find(id);
      if (i < 0) continue;
      if (this.isPresent(i)) graph.entities.push(this.party(i));
      this.forEachIncident(i, (ref) => refs.add(ref));
    }
    for (const ref of refs)
      (graph[GROUP_EDGE_TABLES[ref & TABLE_MASK]] as AnyEdge[]).push(this.recordAt(ref));
    // Sorted, so a derivation never depends on the order edges were written in.
    graph.entities.sort(byId);
    for (const table of GROUP_EDGE_TABLES) (graph[table] as AnyEdge[]).sort(byId);
    return graph;
  }

  /** Guarantees and the entities they name: all a guarantee-circle search needs. */
  guaranteeGraph(): ControlGraph {
    const graph = emptyControlGraph();
    const named = new Set<number>();
    const g = this.guarantees;
    for (let row = 0; row < g.length; row++) {
      if (g.dead[row] === 1) continue;
      graph.guarantees.push(g.record(row) as unknown as GuaranteeRecord);
      g.forEachEnd(row, (e) => named.add(e));
    }
    for (const i of named) if (this.isPresent(i)) graph.entities.push(this.party(i));
    return graph;
  }

  /** The whole graph, guarantees included (fresh records). */
  all(): ControlGraph {
    const graph = emptyControlGraph();
    for (let i = 0; i < this.ids.length; i++)
      if (this.isPresent(i)) graph.entities.push(this.party(i));
    GROUP_EDGE_TABLES.forEach((table, code) => {
      const t = this.edgeTables[code];
      const out = graph[table] as AnyEdge[];
      for (let row = 0; row < t.length; row++)
        if (t.dead[row] === 0) out.push(t.record(row) as unknown as AnyEdge);
    });
    const g = this.guarantees;
    for (let row = 0; row < g.length; row++)
      if (g.dead[row] === 0) graph.guarantees.push(g.record(row) as unknown as GuaranteeRecord);
    return graph;
  }

  /**
   * The columns for a derivation in another thread (see `graphOf`): in place, on shared
   * memory, so the thread reads them without a copy. Read them only while the store does not
   * change: whole-bank derivations run under the write lock.
   */
  columns(): GraphColumns {
    const tables = Object.fromEntries([
      ['entities', this.parties.columns()],
      ['guarantees', this.guarantees.columns()],
      ...GROUP_EDGE_TABLES.map((t, code) => [t, this.edgeTables[code].columns()]),
    ]) as Record<TableName, TableColumns>;
    return {
      ids: packIds(this.ids),
      dates: this.dates.values.slice(),
      tables,
    };
  }

  /** The id of entity number `i` as the store holds it (numbers as in `columns().ids`). */
  idAt(i: number): string {
    return this.ids[i];
  }

  // Integer-level reads for a write's re-derivation scope: entity numbers and edge keys
  // (as in EdgeRef.key) without building strings, references or records.

  /** Entity numbers run below this (entities named by an edge only included). */
  get numberCount(): number {
    return this.ids.length;
  }

  /** The number of entity `id`, or -1 when the store has never seen it. */
  numberOfId(id: string): number {
    return this.numbers.find(id);
  }

  /** The entity with number `i`, when it is present. */
  entityAt(i: number): Party | undefined {
    return this.isPresent(i) ? this.party(i) : undefined;
  }

  /** Calls `visit` with the key of each live edge touching entity number `i`. */
  forEachEdgeKeyAt(i: number, visit: (key: number) => void): void {
    this.forEachIncident(i, visit);
  }

  /** The table of the edge `key` names. */
  tableOfKey(key: number): GroupEdgeTable {
    return GROUP_EDGE_TABLES[key & TABLE_MASK];
  }

  /** Whether entity number `i` is present (cheaper than `entityAt`: no record). */
  hasEntityAt(i: number): boolean {
    return this.isPresent(i);
  }

  /** How many end fields edge `key`'s table has (a role's appointer counts, set or not). */
  endCountOfKey(key: number): number {
    return this.edgeTables[key & TABLE_MASK].ends.length;
  }

  /** End `k` of edge `key` in `endpoints` order, or -1 when that end is not set. */
  endOfKey(key: number, k: number): number {
    const rows = this.edgeTables[key & TABLE_MASK];
    return rows.ints[rows.ends[k]]![key >>> TABLE_BITS];
  }

  /**
   * A test of "edge `key` is valid on `date`" (as `isValidOn`) that compares each distinct
   * date once: a write's scope asks it of every edge around thousands of entities.
   */
  validOn(date: string): (key: number) => boolean {
    const values = this.dates.values;
    // Per date code: 0 not compared yet, 1 on or before `date`, 2 after it.
    const memo = new Uint8Array(values.length);
    const after = (c: number): boolean => {
      if (c >= memo.length) return values[c] > date;
      if (memo[c] === 0) memo[c] = values[c] > date ? 2 : 1;
      return memo[c] === 2;
    };
    return (key) => {
      const code = key & TABLE_MASK;
      const row = key >>> TABLE_BITS;
      const rows = this.edgeTables[code];
      const from = rows.ints[REF_FIELDS[code].validFrom]![row];
      // The columns keep a null date as -1.
      if (from !== -1 && after(from)) return false;
      const to = rows.ints[REF_FIELDS[code].validTo]![row];
      return to === -1 || after(to);
    };
  }

  /** The role of a role edge; null for the other kinds. */
  roleOfKey(key: number): string | null {
    const code = key & TABLE_MASK;
    const at = REF_FIELDS[code].role;
    return at === -1 ? null : (this.edgeTables[code].value(key >>> TABLE_BITS, at) as string);
  }

  private reserve(table: TableName, rows: number): void {
    if (table === 'entities') {
      this.parties.ensure(rows);
      this.numbers.reserve(rows);
    } else if (table === 'guarantees') {
      this.guarantees.ensure(rows);
      this.guaranteeKeys.reserve(rows);
    } else {
      this.edgeTables[edgeCode(table)].ensure(rows);
      this.edgeKeys[edgeCode(table)].reserve(rows);
    }
  }

  private load(table: TableName, values: readonly unknown[]): void {
    if (table === 'entities') {
      const i = this.numberOf(values[0] as string);
      if (!this.isPresent(i)) this.presentCount++;
      this.parties.write(i, values);
      return;
    }
    const t = table === 'guarantees' ? this.guarantees : this.edgeTables[edgeCode(table)];
    const keys = table === 'guarantees' ? this.guaranteeKeys : this.edgeKeys[edgeCode(table)];
    // The row is appended first: its id is then readable for the index's comparisons.
    const previous = keys.swap(values[0] as string, t.append(values));
    if (previous >= 0) t.dead[previous] = 1;
  }

  /** Builds the compressed incident lists over every live edge (after a bulk load). */
  private indexIncidents(): void {
    const n = this.ids.length;
    const start = new Int32Array(n + 1);
    const each = (visit: (entity: number, ref: number) => void) =>
      this.edgeTables.forEach((t, code) => {
        for (let row = 0; row < t.length; row++) {
          if (t.dead[row] === 1) continue;
          const ref = (row << TABLE_BITS) | code;
          t.forEachEnd(row, (e) => visit(e, ref));
        }
      });
    each((e) => start[e + 1]++);
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const refs = new Int32Array(start[n]);
    const fill = start.slice(0, n);
    each((e, ref) => (refs[fill[e]++] = ref));
    this.loadedStart = start;
    this.loadedRefs = refs;
    for (const t of [this.parties, this.guarantees, ...this.edgeTables]) t.trim();
  }

  private forEachIncident(i: number, visit: (ref: number) => void): void {
    if (i + 1 < this.loadedStart.length) {
      const refs = this.loadedRefs;
      for (let k = this.loadedStart[i], end = this.loadedStart[i + 1]; k < end; k++) {
        const ref = refs[k];
        if (this.edgeTables[ref & TABLE_MASK].dead[ref >>> TABLE_BITS] === 0) visit(ref);
      }
    }
    const written = this.written.get(i);
    if (written) for (const ref of written) visit(ref);
  }

  private numberOf(id: string): number {
    const found = this.numbers.find(id);
    if (found >= 0) return found;
    const i = this.ids.length;
    this.ids.push(id);
    this.numbers.put(id, i);
    // Numbered before it is put (an endpoint named first), or never put: not present.
    this.parties.ensure(i + 1);
    this.parties.dead[i] = 1;
    this.parties.length = i + 1;
    return i;
  }

  private liveRow(code: number, id: string): number {
    const row = this.edgeKeys[code].find(id);
    return row >= 0 && this.edgeTables[code].dead[row] === 0 ? row : NO_ENTITY;
  }

  private refAt(ref: number): EdgeRef {
    const code = ref & TABLE_MASK;
    const row = ref >>> TABLE_BITS;
    const rows = this.edgeTables[code];
    const at = REF_FIELDS[code];
    const ends: string[] = [];
    rows.forEachEnd(row, (v) => ends.push(this.ids[v]));
    return {
      table: GROUP_EDGE_TABLES[code],
      key: ref,
      ends,
      validFrom: rows.value(row, at.validFrom) as string | null,
      validTo: rows.value(row, at.validTo) as string | null,
      role: at.role === -1 ? null : (rows.value(row, at.role) as string),
    };
  }

  private recordAt(ref: number): AnyEdge {
    return this.edgeTables[ref & TABLE_MASK].record(ref >>> TABLE_BITS) as unknown as AnyEdge;
  }

  private party(i: number): Party {
    return this.parties.record(i) as unknown as Party;
  }

  private isPresent(i: number): boolean {
    return i < this.parties.length && this.parties.dead[i] === 0;
  }

  private nextVisit(): number {
    if (this.visited.length < this.ids.length)
      this.visited = new Int32Array(Math.max(16, this.ids.length * 2));
    if (++this.visit === 0x7fffffff) {
      this.visited.fill(0);
      this.visit = 1;
    }
    return this.visit;
  }
}

function edgeCode(table: TableName): number {
  return GROUP_EDGE_TABLES.indexOf(table as GroupEdgeTable);
}

function toRow(table: TableName, record: object): unknown[] {
  return TABLE_FIELDS[table].map((field) => (record as Record<string, unknown>)[field.name]);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The entities whose controllers an edge bears on: the company of a stake or a post; both
 * ends of the kinds that run both ways (relatives, links, designations).
 */
export function controlTargets(table: GroupEdgeTable, edge: AnyEdge): string[] {
  if (table === 'shareholdings' || table === 'roles') return [(edge as Role).companyId];
  return endpoints(table, edge);
}

/** The entities an edge ties together (a role's appointer too). */
export function endpoints(table: GroupEdgeTable, edge: AnyEdge): string[] {
  switch (table) {
    case 'shareholdings': {
      const s = edge as EdgeOf<'shareholdings'>;
      return [s.holderId, s.companyId];
    }
    case 'roles': {
      const r = edge as EdgeOf<'roles'>;
      return r.appointedById
        ? [r.holderId, r.companyId, r.appointedById]
        : [r.holderId, r.companyId];
    }
    case 'familyTies': {
      const f = edge as EdgeOf<'familyTies'>;
      return [f.personAId, f.personBId];
    }
    case 'links': {
      const l = edge as EdgeOf<'links'>;
      return [l.fromId, l.toId];
    }
    case 'designations': {
      const d = edge as EdgeOf<'designations'>;
      return [d.entityId, d.targetId];
    }
  }
}
