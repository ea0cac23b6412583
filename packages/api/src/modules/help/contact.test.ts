import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';

const SUBMIT = `mutation ($input: SubmitContactRequestInput!) {
  submitContactRequest(input: $input) {
    contactRequest { reference topic status createdAt }
    userErrors { code field message }
  } }`;

const valid = {
  name: 'Mei Chen',
  email: 'Mei.Chen@Example.com',
  orderNumber: null,
  topic: 'PAYMENT',
  message: 'I was charged twice for my order. Please check.',
};

/** Each test sends from its own network address, so the per-address limit of one does not affect another. */
const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

const counts = async (api: TestApi) =>
  (
    await api.sql(
      `select (select count(*) from contact_request)::int as requests, (select count(*) from email_message)::int as emails`,
    )
  )[0];

async function mailbox(api: TestApi, adminToken: string, to: string) {
  const res = await api.gql(
    `query ($to: String) { developmentMailbox(first: 10, to: $to) { nodes { to subject text locale template } } }`,
    { to },
    { token: adminToken },
  );
  return res.data.developmentMailbox.nodes as {
    to: string;
    subject: string;
    text: string;
    locale: string;
    template: string;
  }[];
}

describe('submitContactRequest', () => {
  test('a guest’s request is stored as OPEN; customer service and the sender each get an email', async ({
    api,
    login,
  }) => {
    const res = await api.gql(
      SUBMIT,
      { input: { ...valid, orderNumber: ' mp-20261122-0000042 ', locale: 'ZH_TW' } },
      from('198.51.100.1'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.submitContactRequest.userErrors).toEqual([]);
    const request = res.data.submitContactRequest.contactRequest;
    expect(request).toMatchObject({
      reference: expect.stringMatching(/^CR-\d{6}$/),
      topic: 'PAYMENT',
      status: 'OPEN',
    });

    const [row] = await api.sql(
      `select name, email, order_number, topic, message, locale, user_id, ip, status from contact_request where id = $1`,
      [Number(request.reference.slice(3))],
    );
    expect(row).toEqual({
      name: 'Mei Chen',
      email: 'mei.chen@example.com',
      order_number: 'MP-20261122-0000042',
      topic: 'PAYMENT',
      message: valid.message,
      locale: 'zh-TW',
      user_id: null,
      ip: '198.51.100.1',
      status: 'OPEN',
    });

    const admin = await login('admin@example.com');
    const [toSupport] = await mailbox(api, admin, 'support@example.com');
    expect(toSupport).toMatchObject({ template: 'help.contact-request', locale: 'EN' });
    expect(toSupport!.subject).toContain(request.reference);
    for (const part of [
      valid.message,
      'mei.chen@example.com',
      'MP-20261122-0000042',
      'Payment',
      'guest',
      'Traditional Chinese',
    ])
      expect(toSupport!.text).toContain(part);

    const [ack] = await mailbox(api, admin, 'mei.chen@example.com');
    expect(ack).toMatchObject({ template: 'help.contact-acknowledgement', locale: 'ZH_TW' });
    expect(ack!.subject).toBe(`我們已收到您的詢問（${request.reference}）`);
    expect(ack!.text).toContain('Mei Chen 您好');
    expect(ack!.text).toContain('付款問題');
    // The sender's message is not echoed back, so the form cannot be used to send text to anyone.
    expect(ack!.text).not.toContain(valid.message);
  });

  test('a signed-in shopper’s request is linked to the account; the reply language is the shopper’s', async ({
    api,
    login,
  }) => {
    const token = await login('shopper2@example.com');
    const res = await api.gql(
      SUBMIT,
      {
        input: {
          ...valid,
          email: 'shopper2@example.com',
          topic: 'ORDER',
          message: '請問我的訂單什麼時候會出貨呢？',
        },
      },
      { token, ...from('198.51.100.2') },
    );
    expect(res.data.submitContactRequest.userErrors).toEqual([]);
    const [row] = await api.sql(
      `select u.email as account, c.locale, c.message from contact_request c join user_account u on u.id = c.user_id
       where c.ip = '198.51.100.2'`,
    );
    expect(row).toEqual({
      account: 'shopper2@example.com',
      locale: 'zh-TW',
      message: '請問我的訂單什麼時候會出貨呢？',
    });
    const admin = await login('admin@example.com');
    const [ack] = await mailbox(api, admin, 'shopper2@example.com');
    expect(ack).toMatchObject({ template: 'help.contact-acknowledgement', locale: 'ZH_TW' });
    expect(ack!.text).toContain('訂單問題');
    const [toSupport] = await mailbox(api, admin, 'support@example.com');
    expect(toSupport!.text).toContain('陳小明 <shopper2@example.com>');

    // An English guest gets the English acknowledgement.
    await api.gql(
      SUBMIT,
      { input: { ...valid, email: 'guest-en@example.com', topic: 'OTHER' } },
      from('198.51.100.3'),
    );
    const [english] = await mailbox(api, admin, 'guest-en@example.com');
    expect(english).toMatchObject({
      locale: 'EN',
      subject: expect.stringMatching(/^We received your message \(CR-\d{6}\)$/),
    });
    expect(english!.text).toContain('Hi Mei Chen,');
  });

  test('refuses invalid input with an error per field; nothing is stored or sent', async ({ api }) => {
    const cases: { name: string; input: Record<string, unknown>; errors: [string, string][] }[] = [
      { name: 'an empty name', input: { name: '   ' }, errors: [['INVALID_NAME', 'name']] },
      { name: 'a too long name', input: { name: 'x'.repeat(101) }, errors: [['INVALID_NAME', 'name']] },
      { name: 'a malformed email', input: { email: 'mei@@example' }, errors: [['INVALID_EMAIL', 'email']] },
      { name: 'an empty email', input: { email: '' }, errors: [['INVALID_EMAIL', 'email']] },
      {
        name: 'a made-up order number',
        input: { orderNumber: 'ORDER#1' },
        errors: [['INVALID_ORDER_NUMBER', 'orderNumber']],
      },
      { name: 'a too short message', input: { message: 'help!' }, errors: [['INVALID_MESSAGE', 'message']] },
      {
        name: 'a too long message',
        input: { message: 'x'.repeat(5001) },
        errors: [['INVALID_MESSAGE', 'message']],
      },
      {
        name: 'everything wrong',
        input: { name: '', email: 'nope', orderNumber: '12', message: '' },
        errors: [
          ['INVALID_NAME', 'name'],
          ['INVALID_EMAIL', 'email'],
          ['INVALID_ORDER_NUMBER', 'orderNumber'],
          ['INVALID_MESSAGE', 'message'],
        ],
      },
    ];
    for (const c of cases) {
      const before = await counts(api);
      const res = await api.gql(SUBMIT, { input: { ...valid, ...c.input } }, from('198.51.100.4'));
      expect(res.errors, c.name).toBeUndefined();
      expect(res.data.submitContactRequest, c.name).toEqual({
        contactRequest: null,
        userErrors: c.errors.map(([code, field]) => ({
          code,
          field: ['input', field],
          message: expect.any(String),
        })),
      });
      expect(await counts(api), c.name).toEqual(before);
    }
    // An unknown topic is not valid GraphQL at all.
    const badTopic = await api.gql(SUBMIT, { input: { ...valid, topic: 'SPAM' } }, from('198.51.100.4'));
    expect(badTopic.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('accepts 5 requests per address per hour, then TOO_MANY_REQUESTS; other addresses are not affected', async ({
    api,
  }) => {
    const send = (ip: string) => api.gql(SUBMIT, { input: valid }, from(ip));
    for (let i = 0; i < 5; i++) {
      expect((await send('203.0.113.10')).data.submitContactRequest.userErrors).toEqual([]);
    }
    const before = await counts(api);
    const refused = await send('203.0.113.10');
    expect(refused.data.submitContactRequest).toEqual({
      contactRequest: null,
      userErrors: [{ code: 'TOO_MANY_REQUESTS', field: null, message: expect.any(String) }],
    });
    expect(await counts(api)).toEqual(before);
    expect((await send('203.0.113.11')).data.submitContactRequest.userErrors).toEqual([]);

    // An hour later the address may send again.
    await api.sql(
      `update contact_request set created_at = created_at - interval '61 minutes' where ip = '203.0.113.10'`,
    );
    expect((await send('203.0.113.10')).data.submitContactRequest.userErrors).toEqual([]);

    // A burst cannot slip past the limit.
    const burst = await Promise.all(Array.from({ length: 9 }, () => send('203.0.113.12')));
    const codes = burst.map((r) => r.data.submitContactRequest.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(4);
    const [{ n }] = await api.sql(`select count(*)::int as n from contact_request where ip = '203.0.113.12'`);
    expect(n).toBe(5);
  });
});
