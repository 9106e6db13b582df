/**
 * Random writes a data steward makes, on a GraphStore built from a synthetic bank, for the
 * property tests of the write scope: each returns what the graph-write service tells the
 * engine (touched entities, targets, whether only control can change).
 */
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import type { GroupShape } from '../../../src/domain/groups';
import { FAMILY_RELATIONS, LINK_TYPES, ROLE_TYPES, type Party } from '../../../src/domain/model';
import {
  controlTargets,
  GROUP_EDGE_TABLES,
  type AnyEdge,
  type GraphStore,
  type GroupEdgeTable,
} from '../../../src/services/graph-store';

export const TODAY = '2026-09-30';

export interface Written {
  touched: string[];
  targets: string[];
  controlOnly: boolean;
}
export type Pick = (n: number) => number;
export type Write = (store: GraphStore, pick: Pick, suffix?: string) => Written;

/** A bank's groups keyed by entity: members (sorted) and heads (primary first). */
export function groupsByEntity(shapes: readonly GroupShape[]): Map<string, string> {
  const byEntity = new Map<string, string>();
  for (const g of shapes) {
    const key = `${[...g.memberIds].sort().join(',')} | ${g.headIds.join(',')}`;
    for (const id of g.memberIds) byEntity.set(id, key);
  }
  return byEntity;
}

const R10_POSTS = new Set(['LEGAL_REPRESENTATIVE', 'ACTUAL_CONTROLLER']);

/** Whether the graph-write service would call this row's write control-only. */
function controlOnly(table: GroupEdgeTable, edge: AnyEdge): boolean {
  const row = edge as unknown as Record<string, unknown>;
  if (table === 'shareholdings') return true;
  if (table === 'roles') return !R10_POSTS.has(row.role as string);
  if (table === 'links') return row.type !== 'ACTING_IN_CONCERT';
  return false;
}

/** Puts the edge into the store; what the engine is told of the write, as the service tells it. */
/**
 * An entity write that sets the ownership of `id` (by default: a private one turns state-
 * owned, any other private): the store changed, and the scope the write service would give.
 */
export function ownershipChange(
  store: GraphStore,
  id: string,
  ownership?: 'STATE' | 'PRIVATE',
): Written {
  const entity = store.entityAt(store.numberOfId(id))!;
  store.putEntity({
    ...entity,
    ownership: ownership ?? (entity.ownership === 'PRIVATE' ? 'STATE' : 'PRIVATE'),
  });
  return { touched: [id], targets: [id], controlOnly: false };
}

export function put(store: GraphStore, table: GroupEdgeTable, edge: AnyEdge): Written {
  return {
    touched: store.putEdge(table, edge as never),
    targets: controlTargets(table, edge),
    controlOnly: controlOnly(table, edge),
  };
}

/** Rows valid from always, with no source. */
const OPEN = { validFrom: null, validTo: null, source: null };
const one = <T>(list: readonly T[], pick: Pick): T => list[pick(list.length)];

const parties = (store: GraphStore) => store.all().entities;
const persons = (store: GraphStore) => parties(store).filter((e) => e.kind === 'PERSON');
const companies = (store: GraphStore) => parties(store).filter((e) => e.kind === 'COMPANY');

/** The members of the bank's largest group today: where writes inside a big group land. */
function largestGroup(store: GraphStore): Party[] {
  let largest: readonly string[] = [];
  for (const g of deriveGroups(store.all(), TODAY).groups)
    if (g.memberIds.length > largest.length) largest = g.memberIds;
  const inside = new Set(largest);
  return parties(store).filter((e) => inside.has(e.id));
}

function stake(holders: Party[], targets: Party[], store: GraphStore, pick: Pick, suffix: string) {
  // A third majority stakes (groups merge), the rest minority ones (tallies change).
  const pct = String(pick(3) === 0 ? 51 + pick(40) : 1 + pick(30));
  return put(store, 'shareholdings', {
    id: `SH-NEW${suffix}`,
    holderId: one(holders, pick).id,
    companyId: one(targets, pick).id,
    votingPct: pct,
    equityPct: pct,
    ...OPEN,
  });
}

export function removal(store: GraphStore, pick: Pick, within?: ReadonlySet<string>): Written {
  const graph = store.all();
  const inside = (table: GroupEdgeTable, edge: AnyEdge) =>
    !within || controlTargets(table, edge).every((e) => within.has(e));
  const rows = GROUP_EDGE_TABLES.flatMap((table) =>
    (graph[table] as AnyEdge[])
      .filter((edge) => inside(table, edge))
      .map((edge) => ({ table, id: edge.id })),
  );
  if (rows.length === 0) return { touched: [], targets: [], controlOnly: true };
  const row = one(rows, pick);
  const edge = store.edge(row.table, row.id)!;
  return {
    touched: store.removeEdge(row.table, row.id),
    targets: controlTargets(row.table, edge),
    controlOnly: controlOnly(row.table, edge),
  };
}

/** The write kinds a steward makes, each on random ends drawn from the bank. */
export const WRITES: Record<string, Write> = {
  stake: (store, pick, suffix = '') => stake(parties(store), companies(store), store, pick, suffix),
  post(store, pick, suffix = '') {
    return put(store, 'roles', {
      id: `RO-NEW${suffix}`,
      holderId: one(persons(store), pick).id,
      companyId: one(companies(store), pick).id,
      role: one(ROLE_TYPES, pick),
      appointedById: pick(2) === 0 ? null : one(parties(store), pick).id,
      ...OPEN,
    });
  },
  kin(store, pick, suffix = '') {
    const people = persons(store);
    return put(store, 'familyTies', {
      id: `FT-NEW${suffix}`,
      personAId: one(people, pick).id,
      personBId: one(people, pick).id,
      relation: one(FAMILY_RELATIONS, pick),
      ...OPEN,
    });
  },
  link(store, pick, suffix = '') {
    return put(store, 'links', {
      id: `LK-NEW${suffix}`,
      fromId: one(parties(store), pick).id,
      toId: one(parties(store), pick).id,
      type: one(LINK_TYPES, pick),
      ...OPEN,
      reason: 'test',
    });
  },
  ownership: (store, pick) => ownershipChange(store, one(companies(store), pick).id),
  removal: (store, pick) => removal(store, pick),
};

/** Writes with both ends inside the largest group: deep inside it, splits and merges. */
export const INSIDE_WRITES: Record<string, Write> = {
  stakeInside(store, pick, suffix = '') {
    const inside = largestGroup(store);
    const cos = inside.filter((e) => e.kind === 'COMPANY');
    return cos.length === 0
      ? stake(parties(store), companies(store), store, pick, suffix)
      : stake(inside, cos, store, pick, suffix);
  },
  stakeIntoLargest(store, pick, suffix = '') {
    const cos = largestGroup(store).filter((e) => e.kind === 'COMPANY');
    return stake(parties(store), cos.length ? cos : companies(store), store, pick, suffix);
  },
  removalInside: (store, pick) =>
    removal(store, pick, new Set(largestGroup(store).map((e) => e.id))),
};
