/**
 * Typed domain errors with a stable `code`, mapped 1:1 to GraphQL `extensions.code` by
 * the API's error formatter. Match on the class or the code, never on the message.
 */
export type ErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHENTICATED';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  static of(problems: string[]): ValidationError {
    return new ValidationError(problems.join('\n'), { problems });
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  static entity(kind: string, id: string): NotFoundError {
    return new NotFoundError(`No ${kind} with id "${id}".`, { kind, id });
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}
