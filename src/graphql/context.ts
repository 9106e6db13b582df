import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../services/app-services';
import { GraphReadService } from '../services/graph-read.service';
import { GraphWriteService } from '../services/graph-write/graph-write.service';
import { GroupQueryService } from '../services/group-query.service';
import { createLoaders, type Loaders } from './loaders';

/**
 * Built fresh for every request: its own EntityManager fork, read service and DataLoaders,
 * plus the process-wide services (the in-memory group engine, policy).
 */
export interface RequestContext {
  em: EntityManager;
  actor: string;
  app: AppServices;
  reads: GraphReadService;
  groupQueries: GroupQueryService;
  writes: GraphWriteService;
  loaders: Loaders;
}

export function createRequestContext(
  app: AppServices,
  em: EntityManager,
  actor: string,
): RequestContext {
  const reads = new GraphReadService(em);
  return {
    em,
    actor,
    app,
    reads,
    groupQueries: new GroupQueryService(app, em),
    writes: new GraphWriteService(app, em, actor),
    loaders: createLoaders(reads, app.partyCache),
  };
}
