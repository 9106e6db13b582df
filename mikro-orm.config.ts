import { loadConfig } from './src/config/env';
import { ormOptions } from './src/persistence/orm';

/**
 * For MikroORM's CLI (e.g. `npx mikro-orm migration:pending`); needs DATABASE_URL.
 * The application itself builds its options in src/persistence/orm.ts.
 */
const config = loadConfig();
export default ormOptions(config.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres');
