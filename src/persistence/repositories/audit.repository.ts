import type { EntityManager } from '@mikro-orm/postgresql';

export interface AuditEntry {
  actor: string;
  action: string;
  tableName: string;
  rowId: string | null;
  before: unknown;
  after: unknown;
  note?: string | null;
}

/** One audit row as an INSERT and its parameters, to run alone or inside a larger statement. */
export const AUDIT_INSERT_SQL = `insert into audit_log
  (actor, action, table_name, row_id, before, after, note)
  values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`;

/**
 * The same insert with its action and before-image given as SQL expressions (an upsert that
 * reads the previous row in its own statement); parameters from `auditParamsWithout`.
 */
export function auditInsertSql(actionSql: string, beforeSql: string): string {
  return `insert into audit_log
  (actor, action, table_name, row_id, before, after, note)
  select ?, ${actionSql}, ?, ?, ${beforeSql}, ?::jsonb, ?`;
}

/** An entry whose action and before-image the statement works out itself. */
export type AuditEntryOfUpsert = Omit<AuditEntry, 'action' | 'before'>;

export function auditParamsWithout(entry: AuditEntryOfUpsert): unknown[] {
  return [entry.actor, entry.tableName, entry.rowId, jsonOrNull(entry.after), entry.note ?? null];
}

export function auditParams(entry: AuditEntry): unknown[] {
  return [
    entry.actor,
    entry.action,
    entry.tableName,
    entry.rowId,
    jsonOrNull(entry.before),
    jsonOrNull(entry.after),
    entry.note ?? null,
  ];
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** The append-only audit log (the table refuses updates and deletes). */
export class AuditRepository {
  constructor(private readonly em: EntityManager) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.em.execute(AUDIT_INSERT_SQL, auditParams(entry));
  }
}
