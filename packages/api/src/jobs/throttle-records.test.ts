import { describe, expect, test } from '../../test/fixtures.js';
import { testConfig } from '../../test/database.js';
import { createLogger } from '../logger.js';
import { CRONTAB, JOB_HANDLERS } from './handlers.js';
import { PRUNE_THROTTLE_RECORDS } from './throttle-records.js';

describe('pruning the throttle records', () => {
  test('drops coupon guesses, wrong order keys and idle query budgets older than a day, keeps the recent ones', async ({
    api,
  }) => {
    const [shopper] = await api.sql<{ id: number }>(
      `select id from user_account where role = 'SHOPPER' limit 1`,
    );
    await api.sql(
      `insert into coupon_attempt (user_id, ip, code, created_at) values
         ($1, '203.0.113.1', 'OLD-GUESS', now() - interval '25 hours'),
         ($1, '203.0.113.1', 'NEW-GUESS', now() - interval '10 minutes')`,
      [shopper!.id],
    );
    await api.sql(
      `insert into order_key_failure (ip, order_number, created_at) values
         ('203.0.113.2', 'MP-OLD', now() - interval '2 days'),
         ('203.0.113.2', 'MP-NEW', now())`,
    );
    await api.sql(
      `insert into rate_budget (key, available, updated_at) values
         ('prune-test:old', 10, now() - interval '3 days'),
         ('prune-test:new', 10, now() - interval '1 minute')`,
    );

    await JOB_HANDLERS[PRUNE_THROTTLE_RECORDS]!(
      {},
      {
        orm: api.platform.orm,
        config: testConfig({}),
        logger: createLogger('silent'),
        em: api.platform.orm.em.fork(),
      },
    );

    expect(
      (await api.sql(`select code from coupon_attempt where ip = '203.0.113.1'`)).map((r) => r.code),
    ).toEqual(['NEW-GUESS']);
    expect(
      (await api.sql(`select order_number from order_key_failure where ip = '203.0.113.2'`)).map(
        (r) => r.order_number,
      ),
    ).toEqual(['MP-NEW']);
    expect(
      (await api.sql(`select key from rate_budget where key like 'prune-test:%'`)).map((r) => r.key),
    ).toEqual(['prune-test:new']);
    // Nothing older than a day is left anywhere.
    const [left] = await api.sql(
      `select (select count(*) from coupon_attempt where created_at < now() - interval '1 day')::int
            + (select count(*) from order_key_failure where created_at < now() - interval '1 day')::int
            + (select count(*) from rate_budget where updated_at < now() - interval '1 day')::int as n`,
    );
    expect(left!.n).toBe(0);
  });

  test('runs every hour from the job schedule', () => {
    expect(CRONTAB.split('\n')).toContain(`23 * * * * ${PRUNE_THROTTLE_RECORDS}`);
  });
});
