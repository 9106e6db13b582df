import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { Logger } from 'pino';
import type { AppServices } from './services/app-services';
import { createRequestContext, type RequestContext } from './graphql/context';
import { createErrorFormatter } from './graphql/errors';
import { createSchema } from './graphql/schema';
import { depthLimit } from './graphql/depth-limit';

/** Deep enough for every screen (group → members → holdings → holder → …), no deeper. */
export const MAX_QUERY_DEPTH = 12;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * GraphQL over HTTP at /graphql. Each request gets its own EntityManager fork and
 * DataLoaders; nothing request-scoped outlives the request.
 */
export async function startServer(
  app: AppServices,
  port: number,
  log: Logger,
): Promise<RunningServer> {
  const server = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    formatError: createErrorFormatter(log),
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    introspection: true,
    // main.ts owns SIGTERM/SIGINT and stops everything in order.
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '0.0.0.0' },
    context: async ({ req }) => {
      const actor = headerValue(req.headers['x-actor']) ?? 'anonymous';
      return createRequestContext(app, app.orm.em.fork(), actor);
    },
  });
  const graphqlUrl = new URL('/graphql', url.replace('[::]', 'localhost')).toString();
  return {
    url: graphqlUrl,
    stop: async () => {
      await server.stop();
      await app.stop();
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
