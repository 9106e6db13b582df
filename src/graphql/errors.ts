import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors';

/** PostgreSQL SQLSTATEs a person can act on, and what to tell them. */
const DATABASE_CODES: Record<string, { code: string; message: string }> = {
  '23505': { code: 'CONFLICT', message: 'A row with this id or key already exists.' },
  '23503': { code: 'BAD_USER_INPUT', message: 'A referenced entity does not exist.' },
  '23514': { code: 'BAD_USER_INPUT', message: 'A value is out of its allowed range.' },
  '40001': { code: 'CONFLICT', message: 'A concurrent change interfered; retry the request.' },
};

/**
 * Every error leaves with a stable `extensions.code`. Domain errors keep their message and
 * details; database errors get a safe message; anything else is logged and hidden.
 */
export function createErrorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = rootCause(unwrapResolverError(error));
    if (original instanceof DomainError) {
      return {
        ...formatted,
        message: original.message,
        extensions: { code: original.code, ...(original.details ?? {}) },
      };
    }
    const sqlState = (original as { code?: unknown } | null)?.code;
    if (typeof sqlState === 'string' && DATABASE_CODES[sqlState]) {
      const mapped = DATABASE_CODES[sqlState];
      return { ...formatted, message: mapped.message, extensions: { code: mapped.code } };
    }
    if (isVersionConflict(original)) {
      return {
        ...formatted,
        message: 'The row was changed by someone else since you read it; reload and retry.',
        extensions: { code: 'CONFLICT' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    log.error({ err: original }, 'unexpected error');
    return {
      message: 'Internal error; it has been logged.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function isVersionConflict(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'OptimisticLockError';
}

/** Scalar parsing and resolvers wrap the thrown error; the root one carries our code. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}
