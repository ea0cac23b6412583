import { type DestinationStream, pino, type Logger } from 'pino';

export type { Logger };

/**
 * What is never written, whatever the level (issue 9: no personal data, credentials, tokens, card data or
 * order keys in logs; `test/security/log-grep.test.ts` greps the log of a whole journey for them). Log
 * call sites pass ids, never these values; the paths below are the safety net for objects that do pass.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'cardToken',
  '*.cardToken',
  'key',
  'req.headers.authorization',
  'req.headers.cookie',
  // graphile-worker's debug lines carry the whole job row: its payload (e.g. the address of a password
  // reset) and its key (which may embed it) stay out.
  'meta.job.payload',
  'meta.job.key',
  // …and its "Failed to complete/fail jobs" errors carry the batch of job rows.
  'meta.jobs[*].payload',
  'meta.jobs[*].key',
  'meta.specs[*].job.payload',
  'meta.specs[*].job.key',
  'meta.specs[*].replacementPayload',
];

const SQL = /\b(select|insert into|update|delete from|with)\b/i;
/** Quoted SQL literals, e.g. `'ada@example.com'` in a failed statement the ORM puts in its message. */
const SQL_LITERAL = /'(?:[^']|'')*'/g;

/**
 * Errors as pino's standard serializer writes them, less the values a failed statement carries: the ORM
 * writes the statement with its parameters inlined into the message (and stack), and PostgreSQL's
 * `detail` names the offending value (`Key (email)=(…) already exists`).
 */
export function serializeError(error: unknown): Record<string, unknown> {
  const out = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  for (const field of ['message', 'stack'] as const) {
    const text = out[field];
    if (typeof text === 'string' && SQL.test(text)) out[field] = text.replace(SQL_LITERAL, "'…'");
  }
  for (const field of ['detail', 'parameters', 'params', 'where']) {
    if (field in out) out[field] = '[redacted]';
  }
  return out;
}

/** Structured JSON logs on stdout; secrets that may pass through requests are redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
