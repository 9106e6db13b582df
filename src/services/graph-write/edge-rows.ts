import type { EntityManager } from '@mikro-orm/postgresql';
import type { Party } from '../../domain/model';
import {
  AUDIT_INSERT_SQL,
  auditParams,
  type AuditEntry,
} from '../../persistence/repositories/audit.repository';
import { EDGE_SPECS, type EdgeKind } from './edge-kinds';

export interface StoredRow<T> {
  record: T;
  version: number;
}

const ENTITY_COLUMNS = [
  'id',
  'kind',
  'name',
  'ownership',
  'country',
  'uscc',
  'lei',
  'industry',
  'board_seats',
  'customer',
  'portfolio',
] as const;

/**
 * Single-row reads and upserts for the steward's writes, inside the caller's transaction.
 * Reads lock the row (`for update`) so the version check and the write see the same row.
 * An upsert writes its audit row in the same statement: one round trip to PostgreSQL fewer
 * on every write, where the tail of write latency is made of round trips.
 */
export class EdgeRows {
  constructor(private readonly em: EntityManager) {}

  async edge<T>(kind: EdgeKind, id: string): Promise<StoredRow<T> | null> {
    const spec = EDGE_SPECS[kind];
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${spec.columns.map((c) => `${c}${c.startsWith('valid_') ? '::text' : ''}`).join(', ')},
              version from ${spec.table} where id = ? for update`,
      [id],
    );
    if (!rows.length) return null;
    const row = rows[0];
    const record = Object.fromEntries(spec.columns.map((c) => [camel(c), normalise(row[c])]));
    return { record: record as T, version: Number(row.version) };
  }

  async putEdge(kind: EdgeKind, record: object, audit: AuditEntry): Promise<number> {
    const spec = EDGE_SPECS[kind];
    return this.upsert(spec.table, spec.columns, spec.values(record as never), false, audit);
  }

  async entity(id: string): Promise<StoredRow<Party> | null> {
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${ENTITY_COLUMNS.join(', ')}, version from party where id = ? for update`,
      [id],
    );
    if (!rows.length) return null;
    const row = rows[0];
    const record = Object.fromEntries(ENTITY_COLUMNS.map((c) => [camel(c), row[c]]));
    return { record: record as unknown as Party, version: Number(row.version) };
  }

  putEntity(party: Party, audit: AuditEntry): Promise<number> {
    const values = ENTITY_COLUMNS.map(
      (c) => (party as unknown as Record<string, unknown>)[camel(c)] ?? null,
    );
    return this.upsert('party', ENTITY_COLUMNS, values, true, audit);
  }

  private async upsert(
    table: string,
    columns: readonly string[],
    values: unknown[],
    touchesUpdatedAt: boolean,
    audit: AuditEntry,
  ): Promise<number> {
    const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
    updates.push(`version = ${table}.version + 1`);
    if (touchesUpdatedAt) updates.push('updated_at = now()');
    // Both inserts run whatever the outer select reads (data-modifying WITH), in one snapshot.
    const [row] = await this.em.execute<{ version: number }[]>(
      `with written as (
         insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})
         on conflict (id) do update set ${updates.join(', ')}
         returning version
       ), audited as (${AUDIT_INSERT_SQL})
       select version from written`,
      [...values, ...auditParams(audit)],
    );
    return Number(row.version);
  }
}

function camel(column: string): string {
  return column.replace(/_id$/, 'Id').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** numeric columns come back as strings already; keep nulls as nulls. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : value;
}
