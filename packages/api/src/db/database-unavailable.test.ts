import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { formatError } from '../graphql/errors.js';
import { isDatabaseUnavailable, SERVICE_UNAVAILABLE } from './database-unavailable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    [
      'a Unix-domain socket with no server behind it',
      Object.assign(withCode('ENOENT', 'connect ENOENT /tmp/.s.PGSQL.5432'), {
        address: '/tmp/.s.PGSQL.5432',
      }),
    ],
    [
      'server shutting down (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['connection exception class 08', withCode('08006')],
    ['too many connections', withCode('53300')],
    ['a connection dropped under a query', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped by the ORM', Object.assign(new Error('driver'), { cause: withCode('ECONNREFUSED') })],
    ['wrapped by GraphQL', new GraphQLError('x', { originalError: withCode('57P01') })],
  ])('%s: unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    [
      'a missing file that is not a database socket',
      Object.assign(withCode('ENOENT'), { path: '/media/x.png' }),
    ],
    ['a serialization failure', withCode('40001')],
    ['a statement timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['not an error', 'ECONNREFUSED'],
    [
      'a cycle of causes',
      (() => {
        const e = new Error('loop') as Error & { cause?: unknown };
        e.cause = e;
        return e;
      })(),
    ],
  ])('%s: not unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('formatError', () => {
  it('answers SERVICE_UNAVAILABLE without details when the database is away, masks everything else', () => {
    const down = new GraphQLError('connect ECONNREFUSED 127.0.0.1:5432', {
      path: ['products'],
      originalError: withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    });
    expect(formatError(down.toJSON(), down)).toEqual({
      message: 'The service is temporarily unavailable. Try again in a few seconds.',
      path: ['products'],
      extensions: { code: SERVICE_UNAVAILABLE },
    });
    const bug = new GraphQLError('boom', { path: ['products'], originalError: new TypeError('boom') });
    expect(formatError(bug.toJSON(), bug)).toEqual({
      message: 'Internal server error',
      path: ['products'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
