/**
 * Everything an import writes once its rows are staged, sent as one multi-statement query:
 * PostgreSQL works through it (upserts, then the bulk-load rebuilds) while this process,
 * its one statement sent, validates the dataset on the other core. A timestamp after each
 * step gives the phase times; an upsert step returns its inserted / updated counts.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { ClientBase, QueryResult } from 'pg';
import { exclusiveUpsertSql, type UpsertCounts, upsertSql } from './bulk-upsert';
import type { DetachedTable } from './bulk-load';
import type { TableSpec } from './table-specs';

/** Room to sort when building an index again; the transaction's own setting only. */
const INDEX_BUILD_MEMORY = '512MB';

export interface WriteStep {
  /** Log message of the step: 'upserted', 'indexes rebuilt', … */
  msg: string;
  table?: string;
  sql: string;
}

export interface StepOutcome {
  step: WriteStep;
  ms: number;
  counts?: UpsertCounts;
}

/** One upsert per file; plain update + insert for the tables held exclusively. */
export function upsertSteps(
  specs: readonly TableSpec<unknown>[],
  exclusive: readonly string[],
): WriteStep[] {
  return specs.map((spec) => ({
    msg: 'upserted',
    table: spec.table,
    sql: exclusive.includes(spec.table) ? exclusiveUpsertSql(spec) : upsertSql(spec),
  }));
}

/** Indexes back, statistics for the validating joins, then every foreign key back. */
export function reattachSteps(detached: readonly DetachedTable[]): WriteStep[] {
  if (detached.length === 0) return [];
  return [
    // An index cannot be built on a table with foreign-key checks still queued: run them
    // now, every referenced row being in place by then.
    {
      msg: 'queued foreign keys checked',
      sql: `set constraints all immediate;\nset local maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`,
    },
    ...detached.map((d) => ({
      msg: 'indexes rebuilt',
      table: d.table,
      sql: [...d.indexes.map((i) => i.def), `analyze ${d.table}`].join(';\n'),
    })),
    ...detached
      .filter((d) => d.foreignKeys.length > 0)
      .map((d) => ({
        msg: 'foreign keys validated',
        table: d.table,
        sql: `alter table ${d.table} ${d.foreignKeys.map((f) => `add constraint ${f.name} ${f.def}`).join(', ')}`,
      })),
  ];
}

const MARK = 'select (extract(epoch from clock_timestamp()) * 1000)::float8 as import_step_at';

export interface RunningScript {
  done: Promise<StepOutcome[]>;
}

/**
 * Sends the steps as one query through the transaction (so query logging and listeners see
 * it) and returns once the connection is running it, so the caller may block right after;
 * `done` settles when every step has run.
 */
export async function startScript(
  trx: Knex.Transaction,
  client: ClientBase,
  steps: readonly WriteStep[],
): Promise<RunningScript> {
  if (steps.length === 0) return { done: Promise.resolve([]) };
  const text = [MARK, ...steps.flatMap((s) => [s.sql, MARK])].join(';\n');
  const done = Promise.resolve(trx.raw<QueryResult | QueryResult[]>(text)).then((result) =>
    outcomes(steps, toList(result)),
  );
  done.catch(() => undefined);
  // Knex hands the query to node-postgres a few promise turns later, and node-postgres
  // writes it to the socket at once: a macrotask turn or two sees it sent.
  for (let turn = 0; turn < SEND_TURNS && !isRunning(client, text); turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { done };
}

const SEND_TURNS = 20;

function isRunning(client: ClientBase, text: string): boolean {
  const active = (client as ClientBase & { activeQuery?: { text?: string } | null }).activeQuery;
  return active?.text === text;
}

function toList(result: QueryResult | QueryResult[]): QueryResult[] {
  return Array.isArray(result) ? result : [result];
}

function outcomes(steps: readonly WriteStep[], results: readonly QueryResult[]): StepOutcome[] {
  const done: StepOutcome[] = [];
  let previous: number | null = null;
  let counts: UpsertCounts | undefined;
  for (const r of results) {
    const row = r.rows?.[0] as Record<string, unknown> | undefined;
    if (row && 'import_step_at' in row) {
      const at = Number(row.import_step_at);
      if (previous !== null) {
        done.push({ step: steps[done.length], ms: Math.round(at - previous), counts });
      }
      previous = at;
      counts = undefined;
    } else if (row && 'inserted' in row && 'updated' in row) {
      counts = { inserted: Number(row.inserted), updated: Number(row.updated) };
    } else if (r.command === 'UPDATE') {
      counts = { inserted: counts?.inserted ?? 0, updated: r.rowCount ?? 0 };
    } else if (r.command === 'INSERT') {
      counts = { inserted: r.rowCount ?? 0, updated: counts?.updated ?? 0 };
    }
  }
  return done;
}
