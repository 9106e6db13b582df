import type { Logger } from 'pino';
import { GRAPH_CHANGED_CHANNEL } from '../import/postgres/import-dataset';
import type { GroupEngine } from './group-engine';
import type { Orm } from '../persistence/orm';
import type { WriteLock } from './write-lock';
import type { DataGeneration } from './data-generation';
import { openOwnConnection, reportConnectionLoss } from './own-connection';

/**
 * Keeps a running server's in-memory graph in step with bulk imports made by other processes
 * (`npm run import`): the import notifies GRAPH_CHANGED_CHANNEL at commit, and the server
 * reloads the graph and re-derives today's groups under the write lock. The data generation
 * moves on as soon as the notice arrives (the import's facilities, drawings and rates are
 * already committed) and again once the groups follow. Returns a stop function.
 */
export async function listenForGraphChanges(
  orm: Orm,
  url: string,
  groups: GroupEngine,
  writes: WriteLock,
  data: DataGeneration,
  log: Logger,
  stopping: () => boolean = () => false,
): Promise<() => Promise<void>> {
  const client = await openOwnConnection(url, 'graph-change listener');
  let pending: Promise<unknown> = Promise.resolve();
  client.on('notification', (message) => {
    if (message.channel !== GRAPH_CHANGED_CHANNEL) return;
    data.bump();
    pending = writes
      .run(() =>
        data.around(() => groups.reload(orm.em.fork(), `bulk ${message.payload ?? 'change'}`)),
      )
      .then((change) =>
        log.info({ events: change.events.length }, 'graph reloaded after an import'),
      )
      .catch((err: unknown) => log.error({ err }, 'graph reload after an import failed'));
  });
  reportConnectionLoss(
    client,
    log,
    stopping,
    'the graph-change listener',
    'graph-change listener lost its connection: imports by other processes go unseen until a restart',
  );
  await client.query(`listen ${GRAPH_CHANGED_CHANNEL}`);
  return async () => {
    await pending;
    await client.end();
  };
}
