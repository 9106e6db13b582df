import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContextResponseForOperation as OperationRequest,
} from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { DataGeneration } from '../services/data-generation';
import { GenerationCache } from '../services/generation-cache';
import type { RequestContext } from './context';

/** Serialized size of the answers kept (their objects take a few times that in the heap). */
export const RESPONSE_CACHE_BYTES = 16 * 1024 * 1024;

/** A larger answer (a big group's GEXF, say) is not kept: it would push out hundreds of others. */
const LARGEST_ENTRY_SHARE = 1 / 32;

/**
 * Whole answers to read-only operations, shared by every request that asks the same thing,
 * for as long as the data generation and the calendar day stay where they were. Every answer
 * is a function of the data (which moves the generation on whenever it changes), the day
 * ("today" is every asOf's default), the operation and its variables, and who asks: the
 * actor is part of the key, so an answer is never handed to another principal. (Once roles
 * decide what a principal may see, a change of roles must move the generation on too.)
 *
 * Only complete answers are kept: no errors, no mutations, nothing computed across a write.
 * A client that wants an answer computed afresh sends `Cache-Control: no-cache` (or
 * `no-store`, which also keeps it out of the cache), as HTTP caches understand it.
 */
export function responseCachePlugin(
  data: DataGeneration,
  maxBytes = RESPONSE_CACHE_BYTES,
): ApolloServerPlugin<RequestContext> {
  const cache = new GenerationCache(data, maxBytes);
  const largest = maxBytes * LARGEST_ENTRY_SHARE;
  return {
    async requestDidStart() {
      const startedAt = data.current;
      let keepAs: string | null = null;
      return {
        async responseForOperation(request) {
          if (request.operation.operation !== 'query') return null;
          const wanted = requestDirectives(request);
          const key = cacheKey(request);
          if (!wanted.noCache) {
            const kept = cache.computed<FormattedExecutionResult>(key);
            if (kept !== undefined) {
              return { http: { status: undefined, headers: new HeaderMap() }, body: single(kept) };
            }
          }
          if (!wanted.noStore) keepAs = key;
          return null;
        },
        async willSendResponse({ response }) {
          if (keepAs === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || result.data == null) return;
          const bytes = JSON.stringify(result).length;
          if (bytes <= largest) cache.keep(keepAs, result, bytes, startedAt);
        },
      };
    },
  };
}

function single(result: FormattedExecutionResult) {
  return { kind: 'single' as const, singleResult: result };
}

function cacheKey(request: OperationRequest<RequestContext>): string {
  const { contextValue, queryHash, operationName } = request;
  const variables = request.request.variables ? JSON.stringify(request.request.variables) : '';
  return [
    contextValue.actor,
    contextValue.app.today(),
    queryHash,
    operationName ?? '',
    variables,
  ].join('\u0000');
}

function requestDirectives(request: OperationRequest<RequestContext>) {
  const header = request.request.http?.headers.get('cache-control')?.toLowerCase() ?? '';
  const noStore = /\bno-store\b/.test(header);
  return { noStore, noCache: noStore || /\bno-cache\b/.test(header) };
}
