import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import type { GroupEvent } from '../../domain/groups';
import { emptyDataset, type Dataset, type ManualDesignation, type Party } from '../../domain/model';
import { validateDataset } from '../../import/dataset-validator';
import { loadExistingState } from '../../import/postgres/existing-state.loader';
import { AuditRepository } from '../../persistence/repositories/audit.repository';
import type { AppServices } from '../app-services';
import type { GroupChange } from '../group-engine';
import { datasetKeyOf, EDGE_SPECS, type EdgeKind } from './edge-kinds';
import { validateDesignation } from './designation-rules';
import { EdgeRows, type StoredRow } from './edge-rows';

export interface WriteResult {
  id: string;
  version: number;
  /** Group changes the write caused (merge, split, join, leave …). */
  events: GroupEvent[];
  /** Current ids of the groups of the entities the write touched. */
  groupIds: string[];
}

type EdgeRecord = { id: string; validFrom: string | null; validTo: string | null };

/**
 * A data steward's writes: validated by the import's own rules, written and audited in one
 * transaction together with the re-derived groups, reflected in the in-memory graph, so the
 * next query sees the new groups. Bad input changes nothing.
 */
export class GraphWriteService {
  constructor(
    private readonly app: AppServices,
    private readonly em: EntityManager,
    private readonly actor: string,
  ) {}

  putEdge(
    kind: EdgeKind,
    record: EdgeRecord,
    expectedVersion: number | null,
  ): Promise<WriteResult> {
    return this.write(kind, record.id, expectedVersion, async (tx, before) => {
      await this.validate(tx, kind, record);
      return { record, action: before ? 'UPDATE' : 'CREATE' };
    });
  }

  endEdge(kind: EdgeKind, id: string, validTo: string, expectedVersion: number | null) {
    return this.write(kind, id, expectedVersion, async (tx, before) => {
      if (!before) throw NotFoundError.entity(kind.toLowerCase().replace('_', ' '), id);
      if (before.record.validFrom !== null && validTo <= before.record.validFrom) {
        throw ValidationError.of([
          `valid_to: ${validTo} must be after valid_from ${before.record.validFrom}`,
        ]);
      }
      const record = { ...before.record, validTo };
      await this.validate(tx, kind, record);
      return { record, action: 'END' };
    });
  }

  putEntity(party: Party, expectedVersion: number | null): Promise<WriteResult> {
    return this.app.writes.run(async () => {
      const store = this.app.groups.store;
      const previous = store.entity(party.id);
      let change: GroupChange | undefined;
      let version = 0;
      try {
        version = await this.em.transactional(async (tx) => {
          const rows = new EdgeRows(tx);
          const before = await rows.entity(party.id);
          checkVersion('entity', party.id, before?.version ?? null, expectedVersion);
          const problems = validateDataset(
            { ...emptyDataset(), entities: [party] },
            await existing(tx, { ...emptyDataset(), entities: [party] }),
          );
          if (problems.length)
            throw ValidationError.of(problems.map((p) => `${p.column}: ${p.reason}`));
          const written = await rows.putEntity(party);
          await new AuditRepository(tx).record({
            actor: this.actor,
            action: before ? 'UPDATE' : 'CREATE',
            tableName: 'party',
            rowId: party.id,
            before: before?.record ?? null,
            after: party,
          });
          store.putEntity(party);
          change = await this.app.groups.rederive(
            tx,
            [party.id],
            `${this.actor} saved entity ${party.id}`,
          );
          return written;
        });
      } catch (err) {
        if (previous) store.putEntity(previous);
        throw err;
      }
      change!.commit();
      return this.result(party.id, version, change!, [party.id]);
    });
  }

  private write(
    kind: EdgeKind,
    id: string,
    expectedVersion: number | null,
    prepare: (
      tx: EntityManager,
      before: StoredRow<EdgeRecord> | null,
    ) => Promise<{ record: EdgeRecord; action: string }>,
  ): Promise<WriteResult> {
    const spec = EDGE_SPECS[kind];
    return this.app.writes.run(async () => {
      const store = this.app.groups.store;
      const previous = spec.storeTable ? store.edge(spec.storeTable, id) : undefined;
      let change: GroupChange | undefined;
      let touched: string[] = [];
      let version = 0;
      try {
        version = await this.em.transactional(async (tx) => {
          const rows = new EdgeRows(tx);
          const before = await rows.edge<EdgeRecord>(kind, id);
          checkVersion(kind, id, before?.version ?? null, expectedVersion);
          const { record, action } = await prepare(tx, before);
          const written = await rows.putEdge(kind, record);
          await new AuditRepository(tx).record({
            actor: this.actor,
            action,
            tableName: spec.table,
            rowId: id,
            before: before?.record ?? null,
            after: record,
          });
          if (spec.storeTable) {
            touched = store.putEdge(spec.storeTable, record as never);
          } else {
            store.putGuarantee(record as never);
          }
          const cause = `${this.actor}: ${action} ${kind} ${id}`;
          change = await this.app.groups.rederive(tx, touched, cause);
          return written;
        });
      } catch (err) {
        if (spec.storeTable) {
          if (previous) store.putEdge(spec.storeTable, previous as never);
          else store.removeEdge(spec.storeTable, id);
        }
        throw err;
      }
      change!.commit();
      return this.result(id, version, change!, touched);
    });
  }

  private async validate(tx: EntityManager, kind: EdgeKind, record: EdgeRecord): Promise<void> {
    const key = datasetKeyOf(kind);
    const problems =
      key === null
        ? await validateDesignation(tx, record as unknown as ManualDesignation)
        : await (async () => {
            const dataset = { ...emptyDataset(), [key]: [record] } as Dataset;
            return validateDataset(dataset, await existing(tx, dataset)).map(
              (p) => `${p.column}: ${p.reason}`,
            );
          })();
    if (problems.length) throw ValidationError.of(problems);
  }

  private result(id: string, version: number, change: GroupChange, touched: string[]): WriteResult {
    const groupIds = [
      ...new Set(
        touched.map((e) => this.app.groups.currentGroupId(e)).filter((g): g is string => !!g),
      ),
    ].sort();
    return { id, version, events: change.events, groupIds };
  }
}

function existing(tx: EntityManager, dataset: Dataset) {
  return loadExistingState(tx.getTransactionContext<Knex.Transaction>()!, dataset);
}

function checkVersion(
  kind: string,
  id: string,
  actual: number | null,
  expected: number | null,
): void {
  if (expected === null) return;
  if (actual === null) throw NotFoundError.entity(kind.toLowerCase(), id);
  if (actual !== expected) {
    throw new ConflictError(
      `${kind} ${id} is at version ${actual}, not ${expected}: someone changed it since you read it; reload and retry.`,
      { id, expectedVersion: expected, actualVersion: actual },
    );
  }
}
