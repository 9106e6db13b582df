import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphReadService } from '../services/graph-read.service';
import { createLoaders, type Loaders } from './loaders';

/** Built fresh for every request: its own EntityManager fork, services and DataLoaders. */
export interface RequestContext {
  em: EntityManager;
  actor: string;
  reads: GraphReadService;
  loaders: Loaders;
}

export function createRequestContext(em: EntityManager, actor: string): RequestContext {
  const reads = new GraphReadService(em);
  return { em, actor, reads, loaders: createLoaders(reads) };
}
