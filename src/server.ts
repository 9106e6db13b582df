import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { Logger } from 'pino';
import type { AppServices } from './services/app-services';
import { createRequestContext, type RequestContext } from './graphql/context';
import { createErrorFormatter } from './graphql/errors';
import { createSchema } from './graphql/schema';
import { depthLimit } from './graphql/depth-limit';
import { responseCachePlugin } from './graphql/response-cache';

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
    // The explorer page at GET /graphql in every mode (production mode would replace it).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageLocalDefault(),
      responseCachePlugin(app.dataGeneration),
      noStore,
    ],
    introspection: true,
    // main.ts owns SIGTERM/SIGINT and stops everything in order.
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '0.0.0.0' },
    context: async ({ req }) => {
      const actor = headerValue(req.headers['x-actor']) ?? 'anonymous';
      return createRequestContext(app, () => app.orm.em.fork(), actor);
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

/**
 * No field carries a cache hint, so every answer is `no-store`, as Apollo's cache-control
 * plugin would say; that plugin also wraps every field resolver to find out, which costs a
 * fifth of a large group's request. It is disabled and the header set here instead.
 */
const noStore: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
