import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../services/app-services';
import { GraphReadService } from '../services/graph-read.service';
import { GraphWriteService } from '../services/graph-write/graph-write.service';
import { GroupQueryService } from '../services/group-query.service';
import { createLoaders, type Loaders } from './loaders';
import { RequestExposureServices, type ExposureServices } from './resolvers/exposure-context';

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
  /** Exposure, portfolio, limit and policy services (see exposure-context.ts). */
  exposureServices: ExposureServices;
}

/**
 * Each part is made on first use and then kept for the request: a request answered from
 * the process-wide state (today's groups, cached exposure views and parties) never forks an
 * EntityManager, which is a good share of such a request's cost.
 */
class LazyRequestContext implements RequestContext {
  private forked?: EntityManager;
  private readService?: GraphReadService;
  private queryService?: GroupQueryService;
  private writeService?: GraphWriteService;
  private requestLoaders?: Loaders;
  private exposure?: ExposureServices;

  constructor(
    readonly app: AppServices,
    private readonly fork: () => EntityManager,
    readonly actor: string,
  ) {}

  get em(): EntityManager {
    return (this.forked ??= this.fork());
  }

  get reads(): GraphReadService {
    return (this.readService ??= new GraphReadService(this.em));
  }

  get groupQueries(): GroupQueryService {
    return (this.queryService ??= new GroupQueryService(this.app, () => this.em));
  }

  get writes(): GraphWriteService {
    return (this.writeService ??= new GraphWriteService(this.app, this.em, this.actor));
  }

  get loaders(): Loaders {
    return (this.requestLoaders ??= createLoaders(() => this.reads, this.app.partyCache));
  }

  get exposureServices(): ExposureServices {
    return (this.exposure ??= new RequestExposureServices(this));
  }
}

/** `fork` gives the request its own EntityManager (e.g. `() => orm.em.fork()`), when needed. */
export function createRequestContext(
  app: AppServices,
  fork: () => EntityManager,
  actor: string,
): RequestContext {
  return new LazyRequestContext(app, fork, actor);
}
