import type { EntityManager } from '@mikro-orm/postgresql';
import type { Party } from '../../domain/model';
import {
  AUDIT_INSERT_SQL,
  auditInsertSql,
  auditParams,
  auditParamsWithout,
  type AuditEntry,
  type AuditEntryOfUpsert,
} from '../../persistence/repositories/audit.repository';
import { EDGE_SPECS, type EdgeKind } from './edge-kinds';

export interface StoredRow<T> {
  record: T;
  version: number;
}

/** What an upsert that reads the previous row itself wrote over. */
export interface Upserted {
  version: number;
  /** The row's version before the write; null when the write created it. */
  previousVersion: number | null;
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

  /**
   * Writes an edge whose record is known up front, reading and locking the row it replaces in
   * the same statement: the audit's action and before-image come from that row, and the caller
   * checks the version it returns (a mismatch throws, and the transaction undoes the write).
   * One round trip instead of a locking read and then the write.
   */
  async putEdgeOverPrevious(
    kind: EdgeKind,
    record: object,
    audit: AuditEntryOfUpsert,
  ): Promise<Upserted> {
    const { table, columns, values } = EDGE_SPECS[kind];
    // Every edge field is text in a record (numerics and dates as their text), as `edge` reads.
    const image = columns.map((c) => `'${camel(c)}', ${c}::text`).join(', ');
    const [row] = await this.em.execute<{ version: number; previous_version: number | null }[]>(
      `with previous as materialized (
         select version, jsonb_build_object(${image}) as image
         from ${table} where id = ? for update
       ), written as (${upsertSql(table, columns, false, 'previous')}
       ), audited as (${auditInsertSql(
         `case when exists (select 1 from previous) then 'UPDATE' else 'CREATE' end`,
         '(select image from previous)',
       )})
       select (select version from written) as version,
              (select version from previous) as previous_version`,
      [(record as { id: string }).id, ...values(record as never), ...auditParamsWithout(audit)],
    );
    const previous = row.previous_version;
    return {
      version: Number(row.version),
      previousVersion: previous === null ? null : Number(previous),
    };
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
    // Both inserts run whatever the outer select reads (data-modifying WITH), in one snapshot.
    const [row] = await this.em.execute<{ version: number }[]>(
      `with written as (${upsertSql(table, columns, touchesUpdatedAt)}
       ), audited as (${AUDIT_INSERT_SQL})
       select version from written`,
      [...values, ...auditParams(audit)],
    );
    return Number(row.version);
  }
}

/**
 * Inserts the row or bumps the stored one's version; returns the version written. With `after`
 * (a CTE that reads the row for update), the insert reads its values through that CTE, so the
 * row is read and locked before this statement changes it (a row changed by the statement's
 * own insert would be invisible to a lock taken afterwards).
 */
function upsertSql(
  table: string,
  columns: readonly string[],
  touchesUpdatedAt: boolean,
  after?: string,
): string {
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  updates.push(`version = ${table}.version + 1`);
  if (touchesUpdatedAt) updates.push('updated_at = now()');
  const params = columns.map(() => '?').join(', ');
  const values = after
    ? `select ${params} from (select count(*) from ${after}) as ${after}_read`
    : `values (${params})`;
  return `insert into ${table} (${columns.join(', ')}) ${values}
         on conflict (id) do update set ${updates.join(', ')}
         returning version`;
}

function camel(column: string): string {
  return column.replace(/_id$/, 'Id').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** numeric columns come back as strings already; keep nulls as nulls. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : value;
}
