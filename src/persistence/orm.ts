import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type Orm = MikroORM;

export function ormOptions(clientUrl: string, extra: Partial<Options> = {}): Options {
  return {
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    discovery: { requireEntitiesArray: true },
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: 10 },
    allowGlobalContext: false,
    ...extra,
  };
}

export async function openOrm(clientUrl: string, extra: Partial<Options> = {}): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, extra));
}

/** Brings the schema up to date; idempotent. */
export async function migrate(orm: Orm): Promise<void> {
  await orm.getMigrator().up();
}
