import type { EntityManager } from '@mikro-orm/postgresql';
import { streamGraphRows } from '../persistence/repositories/graph-rows';
import { GraphStore } from './graph-store';

/** The whole dated graph from PostgreSQL straight into the store's columns, no records. */
export function loadGraphStore(em: EntityManager): Promise<GraphStore> {
  return GraphStore.loading((add, reserve) => streamGraphRows(em, add, reserve));
}
