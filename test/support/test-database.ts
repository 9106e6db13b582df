import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Options } from '@mikro-orm/postgresql';
import { openOrm, type Orm } from '../../src/persistence/orm';
import { withDatabase } from './global-setup';

/**
 * A fresh, migrated database for one test file, cloned from the run's template.
 * Call in beforeAll; `drop()` in afterAll.
 */
export interface TestDatabase {
  url: string;
  orm: Orm;
  drop(): Promise<void>;
}

export async function createTestDatabase(extra: Partial<Options> = {}): Promise<TestDatabase> {
  const serverUrl = required('TEST_PG_URL');
  const template = required('TEST_PG_TEMPLATE');
  const name = `ge_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name} template ${template}`);
  const url = withDatabase(serverUrl, name);
  const orm = await openOrm(url, extra);
  return {
    url,
    orm,
    drop: async () => {
      await orm.close(true);
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through jest's globalSetup`);
  return value;
}
