/**
 * Reads back what an import wrote, table by table, every interchange column as text in
 * key order: two databases holding the same data give equal snapshots.
 */
import type { Orm } from '../../../src/persistence/orm';
import { DATASET_KEYS, type DatasetKey } from '../../../src/import/interchange-format';
import { TABLES, type TableSpec } from '../../../src/import/postgres/table-specs';

export type Snapshot = Record<string, Record<string, string | null>[]>;

export async function snapshot(orm: Orm): Promise<Snapshot> {
  const knex = orm.em.getKnex();
  const result: Snapshot = {};
  for (const key of DATASET_KEYS) {
    const spec = TABLES[key] as unknown as TableSpec<unknown>;
    const columns = spec.columns.map((c) => `${c.db}::text as "${c.file}"`).join(', ');
    const { rows } = await knex.raw(
      `select ${columns} from ${spec.table} order by ${spec.orderBy}`,
    );
    result[spec.table] = rows;
  }
  return result;
}

export async function rowCounts(orm: Orm): Promise<Record<string, number>> {
  const knex = orm.em.getKnex();
  const counts: Record<string, number> = {};
  for (const table of [...DATASET_KEYS.map((k: DatasetKey) => TABLES[k].table), 'audit_log']) {
    const { rows } = await knex.raw(`select count(*)::int as n from ${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}

export interface AuditRow {
  actor: string;
  action: string;
  table_name: string;
  after: Record<string, unknown>;
}

export async function auditRows(orm: Orm): Promise<AuditRow[]> {
  const { rows } = await orm.em
    .getKnex()
    .raw(`select actor, action, table_name, after from audit_log order by id`);
  return rows;
}

/** Makes every insert into role fail: roles are written after parties and shareholdings. */
export async function failRoleInserts(orm: Orm): Promise<void> {
  await orm.em.getKnex().raw(`
    create function fail_role_insert() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure writing roles'; end $$;
    create trigger fail_role_insert before insert on role
      for each row execute function fail_role_insert();`);
}
