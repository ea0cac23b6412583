import { describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { Gql } from '../../src/modules/checkout/checkout.test-support.js';

/** The logger's safety net (src/logger.ts): redacted fields and errors of failed statements. */
function capture() {
  const lines: Gql[] = [];
  const logger = createLogger('trace', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('logger', () => {
  test('redacts credentials and personal fields wherever a caller passes them', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        email: 'ada@example.com',
        input: {
          password: 'hunter2 hunter2',
          email: 'ada@example.com',
          phone: '+886912000777',
          cardToken: 'tok_1',
        },
        subscription: { secret: 'whsec_abc' },
        req: { headers: { authorization: 'Bearer abc', cookie: 'mp_session=abc' } },
        meta: {
          job: { id: '7', payload: { email: 'ada@example.com' }, key: 'password-reset:ada@example.com' },
        },
        orderId: 12,
      },
      'something',
    );
    const text = JSON.stringify(lines);
    for (const secret of [
      'ada@example.com',
      'hunter2',
      '+886912000777',
      'tok_1',
      'whsec_abc',
      'Bearer abc',
      'mp_session=abc',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ orderId: 12, meta: { job: { id: '7', payload: '[redacted]' } } });
  });

  test("redacts the job rows of graphile-worker's failed batch writes", () => {
    const { logger, lines } = capture();
    const job = { id: '8', payload: { email: 'ada@example.com' }, key: 'reset:ada@example.com' };
    logger.error({ meta: { jobs: [job] } }, "Failed to complete jobs '8'");
    logger.error(
      { meta: { specs: [{ job, message: 'x', replacementPayload: { email: 'ada@example.com' } }] } },
      'fail',
    );
    expect(JSON.stringify(lines)).not.toContain('ada@example.com');
    expect(lines[0]).toMatchObject({ meta: { jobs: [{ id: '8', payload: '[redacted]' }] } });
  });

  test('masks the values of a failed statement in an error, keeping what helps to debug', () => {
    const { logger, lines } = capture();
    const error = Object.assign(
      new Error(
        `insert into "user_account" ("email", "display_name") values ('ada@example.com', 'Ada O''Neil') - duplicate key value violates unique constraint "user_account_email_unique"`,
      ),
      { code: '23505', detail: 'Key (email)=(ada@example.com) already exists.' },
    );
    logger.error({ err: error }, 'unexpected error');
    const err = lines[0]!.err;
    expect(JSON.stringify(lines)).not.toContain('ada@example.com');
    expect(JSON.stringify(lines)).not.toContain('Neil');
    expect(err.message).toContain(
      'duplicate key value violates unique constraint "user_account_email_unique"',
    );
    expect(err.code).toBe('23505');
    expect(err.detail).toBe('[redacted]');
    // An error that is not about SQL keeps its message.
    logger.error({ err: new Error("can't reach 'the gateway'") }, 'x');
    expect(lines[1]!.err.message).toBe("can't reach 'the gateway'");
  });
});
