import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * JSON logs (pino). The sandbox never logs request bodies, query strings or headers, so card
 * numbers, CVCs, tokens and credentials cannot reach the logs; the redaction list is a second line.
 */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'gateway-sandbox' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'number',
        '*.number',
        'cvc',
        '*.cvc',
        'token',
        '*.token',
        'code',
        '*.code',
        'authorization',
        '*.authorization',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
