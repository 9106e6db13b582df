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

/** The append-only audit log (the table refuses updates and deletes). */
export class AuditRepository {
  constructor(private readonly em: EntityManager) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.em.execute(
      `insert into audit_log (actor, action, table_name, row_id, before, after, note)
       values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`,
      [
        entry.actor,
        entry.action,
        entry.tableName,
        entry.rowId,
        entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.note ?? null,
      ],
    );
  }
}
