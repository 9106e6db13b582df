import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { deriveGroups } from '../../domain/control/derive-groups';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import { loadControlGraphWith } from '../../persistence/repositories/snapshot.repository';
import { packGroups, shapesOf } from './full-derivation';

/** The derivation worker: read the graph, derive every group, send back the packed groups. */
async function run(input: { databaseUrl: string; date: string; policy: ControlPolicy }) {
  const client = new Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    const graph = await loadControlGraphWith(async (sql: string) => (await client.query(sql)).rows);
    const packed = packGroups(shapesOf(deriveGroups(graph, input.date, input.policy)));
    parentPort!.postMessage(packed, [
      packed.memberCounts.buffer as ArrayBuffer,
      packed.headCounts.buffer as ArrayBuffer,
    ]);
  } finally {
    await client.end();
  }
}

run(workerData).catch((err: unknown) => {
  throw err;
});
