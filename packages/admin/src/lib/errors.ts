import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';

export type ErrorKind = 'network' | 'unexpected';

export interface ErrorSummary {
  kind: ErrorKind;
  /** The API's request id of a masked server error, to quote to support. */
  requestId?: string;
}

/** Sorts a failed request into what the user can do about it: retry later, or report it. */
export function summarizeError(error: unknown): ErrorSummary {
  if (CombinedGraphQLErrors.is(error)) {
    const requestId = error.errors
      .map((e) => e.extensions?.requestId)
      .find((id): id is string => typeof id === 'string');
    return requestId ? { kind: 'unexpected', requestId } : { kind: 'unexpected' };
  }
  // fetch() rejects with a TypeError when the network is down; proxies answer 502/503/504 while the API restarts.
  if (error instanceof TypeError) return { kind: 'network' };
  if (ServerError.is(error) && error.statusCode >= 500) return { kind: 'network' };
  if (ServerParseError.is(error)) return { kind: 'network' };
  return { kind: 'unexpected' };
}

/** Whether a failed request carries a top-level GraphQL error with this `extensions.code`. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === code);
}
