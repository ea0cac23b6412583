import { describe, expect, test } from '../../../test/fixtures.js';
import { queueEmail } from './email.service.js';

describe('email outbox and development mailbox', () => {
  test('a queued email is delivered by the job queue and shows in the mailbox; staff only', async ({
    api,
    login,
  }) => {
    const em = api.platform.orm.em.fork();
    await em.transactional((tx) =>
      queueEmail(tx, {
        to: 'someone@example.com',
        locale: 'zh-TW',
        template: 'test.hello',
        subject: '你好',
        text: '測試',
      }),
    );
    const token = await login('admin@example.com');
    const query = `query { developmentMailbox(first: 5, to: "someone@example.com") { totalCount nodes { to subject text status locale template } } }`;
    let mailbox: { totalCount: number; nodes: { status: string }[] } | null = null;
    for (let i = 0; i < 50; i++) {
      mailbox = (await api.gql(query, {}, { token })).data.developmentMailbox;
      if (mailbox?.nodes[0]?.status === 'SENT') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(mailbox).toEqual({
      totalCount: 1,
      nodes: [
        {
          to: 'someone@example.com',
          subject: '你好',
          text: '測試',
          status: 'SENT',
          locale: 'ZH_TW',
          template: 'test.hello',
        },
      ],
    });

    const shopper = await login('shopper@example.com');
    const refused = await api.gql(query, {}, { token: shopper });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const guest = await api.gql(query);
    expect(guest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('an email queued in a transaction that rolls back is never sent', async ({ api }) => {
    const em = api.platform.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await queueEmail(tx, {
          to: 'rollback@example.com',
          locale: 'en',
          template: 'test.rollback',
          subject: 'x',
          text: 'x',
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await api.sql(`select * from email_message where "to" = 'rollback@example.com'`);
    expect(rows).toEqual([]);
    // Its delivery job rolled back with it: no job points at an email row that does not exist.
    const jobs = await api.sql(`select key from graphile_worker.jobs where task_identifier = 'email.deliver'
      and substring(key from 7)::int not in (select id from email_message)`);
    expect(jobs).toEqual([]);
  });
});
