import { join, resolve } from 'node:path';
import { projectRoot } from '../../../src/config/paths';
import { emptyControlGraph } from '../../../src/domain/model';
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import { loadControlGraph } from '../../../src/persistence/repositories/snapshot.repository';
import {
  deriveInThread,
  deriveInWorker,
  packGroups,
  unpackGroups,
  workerAvailable,
} from '../../../src/services/derivation/full-derivation';
import { GraphStore } from '../../../src/services/graph-store';
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
      const store = GraphStore.from(await loadControlGraph(db.orm.em.fork()));
      const policy = DEFAULT_POLICY.control;
      const inWorker = await deriveInWorker(db.url, COMPILED_WORKER)(date, policy, store);
      expect(inWorker).toEqual(await deriveInThread(date, policy, store));
      expect(inWorker.find((g) => g.memberIds.includes('P-ZHANG'))?.headIds[0]).toBe('P-ZHANG');
    },
  );

  it('rejects when the worker cannot reach the database', async () => {
    const unreachable = 'postgres://postgres@127.0.0.1:1/none';
    await expect(
      deriveInWorker(unreachable, COMPILED_WORKER)(
        '2026-09-30',
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
  ])('round-trips %j', (groups) => {
    expect(unpackGroups(packGroups(groups))).toEqual(groups);
  });
});
