import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import type { GroupEvent } from '../../domain/groups';
import { emptyDataset, type Dataset, type ManualDesignation, type Party } from '../../domain/model';
import { validateDataset } from '../../import/dataset-validator';
import { loadExistingState } from '../../import/postgres/existing-state.loader';
import type {
  AuditEntry,
  AuditEntryOfUpsert,
} from '../../persistence/repositories/audit.repository';
import type { AppServices } from '../app-services';
import { controlTargets, type GraphStore, type GroupEdgeTable } from '../graph-store';
import type { GroupChange, WriteScope } from '../group-engine';
import { validateDesignation } from './designation-rules';
import { datasetKeyOf, EDGE_SPECS, type EdgeKind } from './edge-kinds';
import { EdgeRows, type StoredRow } from './edge-rows';

export interface WriteResult {
  id: string;
  version: number;
  /** Group changes the write caused (merge, split, join, leave …). */
  events: GroupEvent[];
  /** Current ids of the groups of the entities the write touched. */
  groupIds: string[];
}

interface Mirrored extends WriteScope {
  undo(): void;
}

type EdgeRecord = { id: string; validFrom: string | null; validTo: string | null };

/** A row as written: the record, its audit action and its new version. */
interface Stored<T> {
  record: T;
  action: string;
  version: number;
}

/** Who writes which row: the part of its audit entry known before the row is read. */
type AuditOrigin = Omit<AuditEntryOfUpsert, 'after'>;

/** How a row's write reaches the database, inside `commit`'s transaction. */
type StoreRow<T> = (
  tx: EntityManager,
  rows: EdgeRows,
  audit: AuditOrigin,
  expectedVersion: number | null,
) => Promise<Stored<T>>;

/** One row's write, described for `commit`: how to store and mirror it. */
interface RowWrite<T> {
  label: string;
  table: string;
  id: string;
  store: StoreRow<T>;
  /** Applies the record to the in-memory graph; returns what it touched and an undo. */
  mirror(store: GraphStore, record: T): Mirrored;
}

/**
 * A data steward's writes: validated by the import's own rules, written and audited in one
 * transaction together with the re-derived groups, reflected in the in-memory graph, so the
 * next query sees the new groups. Bad input changes nothing, in PostgreSQL or in memory.
 */
export class GraphWriteService {
  constructor(
    private readonly app: AppServices,
    private readonly em: EntityManager,
    private readonly actor: string,
  ) {}

  /**
   * The record is known up front: validated first, then written in one statement that also
   * reads and locks the row it replaces; the version is checked on what that statement read.
   */
  putEdge(kind: EdgeKind, record: EdgeRecord, expectedVersion: number | null) {
    return this.commit(
      this.edgeWrite(kind, record.id, async (tx, rows, audit, expected) => {
        await this.validate(tx, kind, record);
        const written = await rows.putEdgeOverPrevious(kind, record, { ...audit, after: record });
        checkVersion(kind, record.id, written.previousVersion, expected);
        const action = written.previousVersion === null ? 'CREATE' : 'UPDATE';
        return { record, action, version: written.version };
      }),
      expectedVersion,
    );
  }

  endEdge(kind: EdgeKind, id: string, validTo: string, expectedVersion: number | null) {
    return this.commit(
      this.edgeWrite(
        kind,
        id,
        readThenWrite(
          kind,
          id,
          (rows) => rows.edge<EdgeRecord>(kind, id),
          async (tx, before) => {
            if (!before) throw NotFoundError.entity(kind.toLowerCase().replace('_', ' '), id);
            if (before.validFrom !== null && validTo <= before.validFrom) {
              throw ValidationError.of([
                `valid_to: ${validTo} must be after valid_from ${before.validFrom}`,
              ]);
            }
            const record = { ...before, validTo };
            await this.validate(tx, kind, record);
            return { record, action: 'END' };
          },
          (rows, record, audit) => rows.putEdge(kind, record, audit),
        ),
      ),
      expectedVersion,
    );
  }

  putEntity(party: Party, expectedVersion: number | null): Promise<WriteResult> {
    return this.commit<Party>(
      {
        label: 'entity',
        table: 'party',
        id: party.id,
        store: readThenWrite(
          'entity',
          party.id,
          (rows) => rows.entity(party.id),
          async (tx, before) => {
            await this.checkDataset(tx, { ...emptyDataset(), entities: [party] });
            return { record: party, action: before ? 'UPDATE' : 'CREATE' };
          },
          (rows, record, audit) => rows.putEntity(record, audit),
        ),
        mirror: (store, record) => {
          const previous = store.entity(record.id);
          store.putEntity(record);
          return {
            touched: [record.id],
            targets: [record.id],
            undo: () => previous && store.putEntity(previous),
          };
        },
      },
      expectedVersion,
    );
  }

  private edgeWrite(kind: EdgeKind, id: string, store: StoreRow<EdgeRecord>): RowWrite<EdgeRecord> {
    const spec = EDGE_SPECS[kind];
    return {
      label: kind,
      table: spec.table,
      id,
      store,
      mirror: (store, record) => {
        const table = spec.storeTable;
        if (table === null) {
          const previous = store.guarantee(id);
          store.putGuarantee(record as never);
          return {
            touched: [],
            targets: [],
            undo: () => (previous ? store.putGuarantee(previous) : store.removeGuarantee(id)),
          };
        }
        const previous = store.edge(table, id);
        const touched = store.putEdge(table, record as never);
        const targets = controlTargets(table, record as never);
        if (previous) targets.push(...controlTargets(table, previous));
        return {
          touched,
          targets,
          controlOnly: changesControlOnly(table, [record, previous]),
          undo: () =>
            previous ? store.putEdge(table, previous as never) : store.removeEdge(table, id),
        };
      },
    };
  }

  /**
   * One writer at a time: lock and check the row's version, validate, write, audit, mirror
   * in memory, re-derive the touched groups — all in one transaction. The engine's state
   * moves on only after the commit; a failure undoes the in-memory change. Either way the
   * data generation moves on once it is over, so no cached read outlives the write.
   */
  private commit<T>(write: RowWrite<T>, expectedVersion: number | null): Promise<WriteResult> {
    return this.app.writes.run(async () => {
      const store = this.app.groups.store;
      let mirrored: Mirrored | undefined;
      let change: GroupChange | undefined;
      try {
        const version = await this.em.transactional(async (tx) => {
          const audit = { actor: this.actor, tableName: write.table, rowId: write.id };
          const written = await write.store(tx, new EdgeRows(tx), audit, expectedVersion);
          const { record, action } = written;
          mirrored = write.mirror(store, record);
          const cause = `${this.actor}: ${action} ${write.label} ${write.id}`;
          change = await this.app.groups.rederive(tx, mirrored, cause);
          return written.version;
        });
        change!.commit();
        return this.result(write.id, version, change!, mirrored!.touched);
      } catch (err) {
        mirrored?.undo();
        throw err;
      } finally {
        this.app.dataGeneration.bump();
      }
    });
  }

  private async validate(tx: EntityManager, kind: EdgeKind, record: EdgeRecord): Promise<void> {
    const key = datasetKeyOf(kind);
    if (key === null) {
      const problems = await validateDesignation(tx, record as unknown as ManualDesignation);
      if (problems.length) throw ValidationError.of(problems);
      return;
    }
    await this.checkDataset(tx, { ...emptyDataset(), [key]: [record] } as Dataset);
  }

  /** The bulk import's rules, against what the database holds, for a one-row dataset. */
  private async checkDataset(tx: EntityManager, dataset: Dataset): Promise<void> {
    const existing = await loadExistingState(
      tx.getTransactionContext<Knex.Transaction>()!,
      dataset,
      { assumeStored: true },
    );
    const problems = validateDataset(dataset, existing);
    if (problems.length) throw ValidationError.of(problems.map((p) => `${p.column}: ${p.reason}`));
  }

  private result(id: string, version: number, change: GroupChange, touched: string[]): WriteResult {
    const groupIds = touched
      .map((e) => this.app.groups.currentGroupId(e))
      .filter((g): g is string => g !== undefined);
    return { id, version, events: change.events, groupIds: [...new Set(groupIds)].sort() };
  }
}

/**
 * Whether writing this row (and replacing the previous one) can change control facts only,
 * so the engine may re-derive downstream of its targets alone: stakes, posts other than the
 * two R10 reads, links other than acting in concert (R3 pools partners wherever both hold).
 */
function changesControlOnly(table: GroupEdgeTable, rows: readonly (object | undefined)[]): boolean {
  const present = rows.filter((r): r is Record<string, unknown> => r !== undefined);
  switch (table) {
    case 'shareholdings':
      return true;
    case 'roles':
      return present.every((r) => !R10_POSTS.has(r.role as string));
    case 'links':
      return present.every((r) => r.type !== 'ACTING_IN_CONCERT');
    default:
      return false;
  }
}

const R10_POSTS: ReadonlySet<string> = new Set(['LEGAL_REPRESENTATIVE', 'ACTUAL_CONTROLLER']);

/**
 * The usual way: read and lock the stored row, check its version, work out the record from it
 * (an end needs the row it ends), then write the record and its audit entry.
 */
function readThenWrite<T>(
  label: string,
  id: string,
  read: (rows: EdgeRows) => Promise<StoredRow<T> | null>,
  prepare: (tx: EntityManager, before: T | null) => Promise<{ record: T; action: string }>,
  persist: (rows: EdgeRows, record: T, audit: AuditEntry) => Promise<number>,
): StoreRow<T> {
  return async (tx, rows, audit, expectedVersion) => {
    const stored = await read(rows);
    checkVersion(label, id, stored?.version ?? null, expectedVersion);
    const before = stored?.record ?? null;
    const { record, action } = await prepare(tx, before);
    const version = await persist(rows, record, { ...audit, action, before, after: record });
    return { record, action, version };
  };
}

function checkVersion(label: string, id: string, actual: number | null, expected: number | null) {
  if (expected === null) return;
  if (actual === null) throw NotFoundError.entity(label.toLowerCase(), id);
  if (actual !== expected) {
    throw new ConflictError(
      `${label} ${id} is at version ${actual}, not ${expected}: someone changed it since you read it; reload and retry.`,
      { id, expectedVersion: expected, actualVersion: actual },
    );
  }
}
