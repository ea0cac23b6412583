import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Field, InterfaceType } from 'type-graphql';
import {
  isDatabaseUnavailable,
  SERVICE_UNAVAILABLE,
  UNAVAILABLE_MESSAGE,
} from '../db/database-unavailable.js';

/**
 * Errors that may reach the client as top-level `errors`: authentication, authorization and throttling.
 * Expected business failures are never thrown; they are returned as `userErrors` in payloads.
 */
export class PublicError extends GraphQLError {
  constructor(code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'THROTTLED' | 'BAD_USER_INPUT', message: string) {
    super(message, { extensions: { code } });
  }
}

const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Whether an error is meant for the client (spec errors of graphql-js and PublicError). */
export function isExposedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof PublicError) return true;
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) return true;
  // Parse, validation and variable-coercion errors come from graphql-js without an original error.
  return !error.originalError && code === undefined;
}

/** Unexpected errors are replaced by a generic message; the logging plugin records the real one. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isExposedError(error)) return formatted;
  // The database is away (restart, failover): a typed, retryable answer (HTTP 503), not a masked bug.
  if (isDatabaseUnavailable(error)) {
    return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: SERVICE_UNAVAILABLE } };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Fields every mutation's user error has; each mutation declares its own `code` enum. */
@InterfaceType('DisplayableError', { description: 'An expected failure of a mutation, shown to the user.' })
export abstract class BaseUserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field that caused the error.' })
  field!: string[] | null;

  @Field({ description: 'Human-readable explanation (English); clients translate by `code`.' })
  message!: string;
}

export function userError<C extends string>(code: C, message: string, field: string[] | null = null) {
  return { code, message, field };
}
