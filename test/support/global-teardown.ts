import { Client } from 'pg';
import type { DatabaseServer } from '../../src/persistence/database-server';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_PG_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (url && template) {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.end();
  }
  const server = (globalThis as Record<string, unknown>).__TEST_DB_SERVER__ as
    DatabaseServer | undefined;
  await server?.stop();
}
