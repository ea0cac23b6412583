import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Telling "PostgreSQL cannot be reached right now" apart from a bug. While the database restarts
 * (or fails over) every statement fails, and the client should hear "try again shortly" — a typed
 * `SERVICE_UNAVAILABLE` with HTTP 503 and `Retry-After` — rather than a masked internal error that
 * looks like a defect. The pools reconnect by themselves once the server is back; nothing restarts.
 */

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable. Try again in a few seconds.';
export const RETRY_AFTER_SECONDS = 5;

/** Socket-level failures of a connection to the database server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not accepting work yet: class 08 (connection
 * exception), 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections).
 */
const SERVER_STATES = /^(08...|57P0[123]|53300)$/;

/** What `pg` / pg-pool say when a connection died under a query or could not be made in time. */
const DRIVER_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/i;

/**
 * A server reached over its Unix-domain socket (`?host=/var/run/postgresql`) that is not running:
 * the socket file is gone. Only ENOENT naming a PostgreSQL socket — a missing file elsewhere is not
 * the database being away.
 */
function isMissingServerSocket(e: { code?: unknown; address?: unknown }): boolean {
  return e.code === 'ENOENT' && typeof e.address === 'string' && /\.s\.PGSQL\.\d+$/.test(e.address);
}

/** Whether the error (or any error it wraps) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalError?: unknown;
      address?: unknown;
    };
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_STATES.test(e.code))) return true;
    if (isMissingServerSocket(e)) return true;
    if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
    current = e.originalError ?? e.cause;
  }
  return false;
}

/** The answer's HTTP status becomes 503 (with `Retry-After`) when an error was the database being away. */
export function databaseUnavailablePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
