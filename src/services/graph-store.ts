import { emptyControlGraph, type ControlGraph, type Party } from '../domain/model';

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
export interface IncidentEdge {
  table: GroupEdgeTable;
  edge: AnyEdge;
}

/**
 * The whole dated graph in memory, every date at once, kept current on every write.
 * It answers one question fast: which entities can influence each other's group
 * (the weakly-connected component over every edge of every date), so a change re-derives
 * only that component. Derivation itself filters edges by the date asked.
 */
export class GraphStore {
  private readonly entities = new Map<string, Party>();
  private readonly edges = new Map<GroupEdgeTable, Map<string, AnyEdge>>(
    GROUP_EDGE_TABLES.map((t) => [t, new Map()]),
  );
  private guarantees = new Map<string, ControlGraph['guarantees'][number]>();
  /** entity id → the edges touching it (the records themselves: no key strings to build). */
  private readonly incident = new Map<string, AnyEdge[]>();

  static from(graph: ControlGraph): GraphStore {
    const store = new GraphStore();
    for (const e of graph.entities) store.putEntity(e);
    for (const table of GROUP_EDGE_TABLES)
      for (const edge of graph[table]) store.putEdge(table, edge);
    for (const g of graph.guarantees) store.guarantees.set(g.id, g);
    return store;
  }

  get entityCount(): number {
    return this.entities.size;
  }

  entity(id: string): Party | undefined {
    return this.entities.get(id);
  }

  hasEntity(id: string): boolean {
    return this.entities.has(id);
  }

  putEntity(entity: Party): void {
    this.entities.set(entity.id, entity);
  }

  edge<T extends GroupEdgeTable>(table: T, id: string): EdgeOf<T> | undefined {
    return this.edges.get(table)!.get(id) as EdgeOf<T> | undefined;
  }

  /** Inserts or replaces an edge; returns the entities whose groups may change. */
  putEdge<T extends GroupEdgeTable>(table: T, edge: EdgeOf<T>): string[] {
    const previous = this.removeEdge(table, edge.id);
    this.edges.get(table)!.set(edge.id, edge);
    const ends = endpoints(table, edge);
    for (const id of ends) this.incidentOf(id).push(edge);
    return [...new Set([...previous, ...ends])];
  }

  removeEdge(table: GroupEdgeTable, id: string): string[] {
    const existing = this.edges.get(table)!.get(id);
    if (!existing) return [];
    this.edges.get(table)!.delete(id);
    const ends = endpoints(table, existing);
    for (const end of ends) {
      const list = this.incident.get(end);
      const at = list ? list.indexOf(existing) : -1;
      if (list && at >= 0) {
        list[at] = list[list.length - 1];
        list.pop();
      }
    }
    return ends;
  }

  guarantee(id: string): ControlGraph['guarantees'][number] | undefined {
    return this.guarantees.get(id);
  }

  putGuarantee(g: ControlGraph['guarantees'][number]): void {
    this.guarantees.set(g.id, g);
  }

  removeGuarantee(id: string): void {
    this.guarantees.delete(id);
  }

  /** The edges touching `id`, each with its table: what a write's re-derivation scope walks. */
  incidentEdges(id: string): IncidentEdge[] {
    return (this.incident.get(id) ?? []).map((edge) => ({ table: tableOf(edge), edge }));
  }

  /** Every entity reachable from `seeds` over edges of any date. */
  componentOf(seeds: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const stack = [...seeds].filter((id) => this.entities.has(id));
    for (const id of stack) seen.add(id);
    while (stack.length) {
      const id = stack.pop()!;
      for (const edge of this.incident.get(id) ?? []) {
        for (const other of endpoints(tableOf(edge), edge)) {
          if (!seen.has(other)) {
            seen.add(other);
            stack.push(other);
          }
        }
      }
    }
    return seen;
  }

  /** The graph restricted to `ids` (closed under edges when `ids` is a component). */
  subgraph(ids: ReadonlySet<string>): ControlGraph {
    const graph = emptyControlGraph();
    const edges = new Set<AnyEdge>();
    for (const id of ids) {
      const entity = this.entities.get(id);
      if (entity) graph.entities.push(entity);
      for (const edge of this.incident.get(id) ?? []) edges.add(edge);
    }
    for (const edge of edges) (graph[tableOf(edge)] as AnyEdge[]).push(edge);
    // Sorted, so a derivation never depends on the order edges were written in.
    graph.entities.sort(byId);
    for (const table of GROUP_EDGE_TABLES) (graph[table] as AnyEdge[]).sort(byId);
    return graph;
  }

  /** Guarantees and the entities they name: all a guarantee-circle search needs. */
  guaranteeGraph(): ControlGraph {
    const graph = emptyControlGraph();
    const ids = new Set<string>();
    for (const g of this.guarantees.values()) {
      graph.guarantees.push(g);
      ids.add(g.guarantorId);
      ids.add(g.borrowerId);
    }
    for (const id of ids) {
      const entity = this.entities.get(id);
      if (entity) graph.entities.push(entity);
    }
    return graph;
  }

  /** The whole graph, guarantees included. */
  all(): ControlGraph {
    return {
      entities: [...this.entities.values()],
      shareholdings: this.list('shareholdings'),
      roles: this.list('roles'),
      familyTies: this.list('familyTies'),
      links: this.list('links'),
      guarantees: [...this.guarantees.values()],
      designations: this.list('designations'),
    };
  }

  private list<T extends GroupEdgeTable>(table: T): EdgeOf<T>[] {
    return [...this.edges.get(table)!.values()] as EdgeOf<T>[];
  }

  private incidentOf(id: string): AnyEdge[] {
    let list = this.incident.get(id);
    if (!list) this.incident.set(id, (list = []));
    return list;
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Which table a record belongs to, from its shape (each kind has a field of its own). */
function tableOf(edge: AnyEdge): GroupEdgeTable {
  if ('votingPct' in edge) return 'shareholdings';
  if ('role' in edge) return 'roles';
  if ('relation' in edge) return 'familyTies';
  if ('approvedBy' in edge) return 'designations';
  return 'links';
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
