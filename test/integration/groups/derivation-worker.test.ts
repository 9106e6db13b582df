import { join, resolve } from 'node:path';
import { projectRoot } from '../../../src/config/paths';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { emptyControlGraph, type ControlGraph } from '../../../src/domain/model';
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import { loadControlGraph } from '../../../src/persistence/repositories/snapshot.repository';
import {
  deriveInThread,
  deriveInWorker,
  shapesOf,
  shapesOfBank,
  unpackGroups,
  workerAvailable,
} from '../../../src/services/derivation/full-derivation';
import { GraphStore } from '../../../src/services/graph-store';
import { loadGraphStore } from '../../../src/services/graph-store-loader';
import { loadDatasetDir } from '../../support/load-dataset';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** `npm test` builds first, so the compiled worker is there. */
const COMPILED_WORKER = join(projectRoot(), 'dist/src/services/derivation/derive.worker.js');

describe('whole-bank derivation in a worker thread', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatasetDir(db.orm, resolve(__dirname, '../../../seeds/demo'));
  });
  afterAll(() => db.drop());

  it('finds the compiled worker (run `npm run build` first)', () => {
    expect(workerAvailable(COMPILED_WORKER)).toBe(true);
  });

  it.each(['2023-06-30', '2025-01-01', '2026-09-30'])(
    'gives the same groups and heads as the in-thread derivation on %s',
    async (date) => {
      const store = await loadGraphStore(db.orm.em.fork());
      const policy = DEFAULT_POLICY.control;
      const bank = await deriveInWorker(COMPILED_WORKER)(date, policy, store);
      const inWorker = shapesOfBank(bank, store);
      // Both read the store's columns; the records give the reference.
      expect(inWorker).toEqual(shapesOf(deriveGroups(store.all(), date, policy)));
      expect(inWorker).toEqual(shapesOfBank(await deriveInThread(date, policy, store), store));
      expect(bank.facts).toBeDefined();
      expect(inWorker.find((g) => g.memberIds.includes('P-ZHANG'))?.headIds[0]).toBe('P-ZHANG');
    },
  );

  it('collects garbage on this thread before the worker starts, when gc is exposed', async () => {
    const store = await loadGraphStore(db.orm.em.fork());
    const gc = jest.fn();
    const global = globalThis as { gc?: () => void };
    const before = global.gc;
    global.gc = gc;
    try {
      await deriveInWorker(COMPILED_WORKER)('2026-09-30', DEFAULT_POLICY.control, store);
    } finally {
      global.gc = before;
    }
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it('loads the same graph into columns as the record loader', async () => {
    const em = db.orm.em.fork();
    const columnar = (await loadGraphStore(em)).all();
    const records = await loadControlGraph(em);
    for (const table of Object.keys(records) as (keyof ControlGraph)[]) {
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect([...columnar[table]].sort(byId)).toEqual([...records[table]].sort(byId));
    }
  });

  it('rejects when the derivation fails in the worker', async () => {
    await expect(
      deriveInWorker(COMPILED_WORKER)(
        'not a date',
        DEFAULT_POLICY.control,
        GraphStore.from(emptyControlGraph()),
      ),
    ).rejects.toThrow();
  });
});

describe('packed groups', () => {
  it.each([
    [[]],
    [[{ memberIds: ['A'], headIds: ['A'] }]],
    [
      [
        { memberIds: ['A', 'B', 'C'], headIds: ['B', 'A'] },
        { memberIds: ['D'], headIds: ['D'] },
      ],
    ],
  ])('unpacks %j', (groups) => {
    const ids = ['A', 'B', 'C', 'D'];
    const numbers = groups.flatMap((g) =>
      [...g.memberIds, ...g.headIds].map((id) => ids.indexOf(id)),
    );
    const packed = {
      entities: Int32Array.from(numbers),
      memberCounts: Int32Array.from(groups, (g) => g.memberIds.length),
      headCounts: Int32Array.from(groups, (g) => g.headIds.length),
    };
    expect(unpackGroups(packed, (i) => ids[i])).toEqual(groups);
  });
});
