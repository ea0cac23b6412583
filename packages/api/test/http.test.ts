import { describe, expect, test } from './fixtures.js';

describe('HTTP surface', () => {
  test('health reports the database', async ({ api }) => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  test('unexpected errors are logged with the request id and masked for the client', async ({ api }) => {
    await api.sql('alter table category rename to category_gone');
    try {
      const res = await api.gql(
        '{ categories { handle } }',
        {},
        { headers: { 'x-request-id': 'req-test-123' } },
      );
      expect(res.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['categories'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-test-123' },
        },
      ]);
      expect(JSON.stringify(res)).not.toMatch(/category|relation|select/i);
      const logged = api.logs.find((l) => l.msg === 'unexpected error' && l.requestId === 'req-test-123');
      expect(JSON.stringify(logged)).toMatch(/category/);
    } finally {
      await api.sql('alter table category_gone rename to category');
    }
  });

  test('GraphQL validation errors are returned as they are', async ({ api }) => {
    const res = await api.gql('{ nope }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('a simple cross-site GET cannot run operations (CSRF prevention)', async ({ api }) => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ viewer { email } }')}`);
    expect(res.status).toBe(400);
  });

  test('logs are JSON lines with request ids and never contain passwords', async ({ api }) => {
    await api.gql(
      'mutation { login(input: { email: "shopper@example.com", password: "secret-guess" }) { token } }',
    );
    const requests = api.logs.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((l) => typeof l.requestId === 'string' && typeof l.status === 'number')).toBe(true);
    expect(JSON.stringify(api.logs)).not.toContain('secret-guess');
  });
});
