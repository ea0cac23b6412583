import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { testConfig } from '../../../test/database.js';
import { createLogger } from '../../logger.js';
import { ADDRESS, addToCart, newShopper, submit, variant } from '../checkout/checkout.test-support.js';
import { notifyConversation } from './message-delivery.js';
import { sendSystemMessage } from './messages.service.js';

// biome-ignore lint/suspicious/noExplicitAny: the assertions check response shapes
type Gql = any;

const CONVERSATION = `id kind viewerParty unreadCount messageCount subject merchantName orderNumber userName userEmail
  lastMessage { body senderName }`;
const LIST = `query ($first: Int, $after: String, $filter: ConversationsFilter, $locale: Locale) {
  conversations(first: $first, after: $after, filter: $filter) {
    nodes { id kind unreadCount subject(locale: $locale) }
    pageInfo { hasNextPage endCursor } totalCount } }`;
const ONE = `query ($id: ID!, $locale: Locale) { conversation(id: $id) { ${CONVERSATION} localSubject: subject(locale: $locale)
  messages(first: 100) { nodes { kind senderParty fromViewer senderName(locale: $locale) body(locale: $locale) } } } }`;
const UNREAD = 'query { unreadMessageCount }';
const START = `mutation ($input: StartConversationInput!) { startConversation(input: $input) {
  conversation { ${CONVERSATION} } userErrors { code field message } } }`;
const REPLY = `mutation ($input: ReplyToConversationInput!) { replyToConversation(input: $input) {
  conversation { id unreadCount messageCount } userErrors { code field message } } }`;
const READ = `mutation ($input: MarkConversationReadInput!) { markConversationRead(input: $input) {
  conversation { id unreadCount } userErrors { code field } } }`;

const STAFF_A = 'staff@formosa-roasters.example.com';
const STAFF_B = 'staff@lane-nine-design.example.com';

const JOBS = `graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
  where t.identifier = 'messages.notify'`;

/** Everything the messages module writes, to compare before and after a refused call. */
const snapshot = async (api: TestApi) => ({
  conversations: await api.sql('select * from conversation order by id'),
  messages: await api.sql('select * from conversation_message order by id'),
  reads: await api.sql('select * from conversation_read order by conversation_id, user_id'),
  jobs: await api.sql(`select j.key, j.payload, j.run_at from ${JOBS} order by j.id`),
});

async function unread(api: TestApi, token: string | null): Promise<number> {
  const res = await api.gql(UNREAD, {}, { token });
  expect(res.errors).toBeUndefined();
  return res.data.unreadMessageCount;
}

async function gql(api: TestApi, token: string | null, query: string, variables: Record<string, unknown>) {
  const res = await api.gql(query, variables, { token });
  expect(res.errors).toBeUndefined();
  return res.data as Gql;
}

/** A fresh shopper with one order of store A (formosa-roasters' coffee), awaiting payment. */
async function shopperWithOrder(api: TestApi, locale: 'en' | 'zh-TW' = 'en') {
  const shopper = await newShopper(api, locale);
  const coffee = await variant(api, 'CAF-ETH-500', { stock: 50 });
  await addToCart(api, shopper.token, coffee, 1);
  const result = await submit(api, shopper.token, { shippingAddress: ADDRESS });
  if (result.userErrors.length) throw new Error(JSON.stringify(result.userErrors));
  const order = result.checkout.orders[0] as { id: string; number: string };
  return { ...shopper, order };
}

function jobDeps(api: TestApi) {
  return {
    orm: api.platform.orm,
    config: testConfig({}),
    logger: createLogger('silent'),
    em: api.platform.orm.em.fork(),
  };
}

const outbox = (api: TestApi, to: string) =>
  api.sql<{ subject: string; text: string; locale: string }>(
    `select subject, text, locale from email_message where "to" = $1 and template = 'messages.new' order by id`,
    [to],
  );

describe('sendSystemMessage', () => {
  test('a penalty notice reaches a user and all staff of a store, each in their own language', async ({
    api,
    login,
  }) => {
    const zhShopper = await newShopper(api, 'zh-TW');
    const [storeA] = await api.sql<{ id: number }>(
      `select id from merchant where handle = 'formosa-roasters'`,
    );
    const em = api.platform.orm.em.fork();
    const sent = await em.transactional((tx) =>
      sendSystemMessage(tx, {
        toUserId: zhShopper.userId,
        kind: 'PENALTY_NOTICE',
        subject: { en: 'Warning: listing violation', zhTw: '警告：商品違規' },
        body: { en: 'Please correct it within 3 days.', zhTw: '請於 3 天內改正。' },
        threadKey: 'violation:1',
      }),
    );
    await em.transactional((tx) =>
      sendSystemMessage(tx, {
        toMerchantId: storeA!.id,
        kind: 'SYSTEM',
        subject: { en: 'Store notice', zhTw: '商店通知' },
        body: { en: 'Hello store.', zhTw: '商店您好。' },
      }),
    );

    expect(await unread(api, zhShopper.token)).toBe(1);
    const list = await gql(api, zhShopper.token, LIST, { locale: 'ZH_TW' });
    expect(list.conversations.nodes).toEqual([
      expect.objectContaining({ kind: 'CUSTOMER_SERVICE', unreadCount: 1, subject: '警告：商品違規' }),
    ]);
    const id = list.conversations.nodes[0].id;
    const zh = await gql(api, zhShopper.token, ONE, { id, locale: 'ZH_TW' });
    expect(zh.conversation.messages.nodes).toEqual([
      {
        kind: 'PENALTY_NOTICE',
        senderParty: 'PLATFORM',
        fromViewer: false,
        senderName: '平台通知',
        body: '請於 3 天內改正。',
      },
    ]);
    const en = await gql(api, zhShopper.token, ONE, { id, locale: 'EN' });
    expect(en.conversation.localSubject).toBe('Warning: listing violation');
    expect(en.conversation.messages.nodes[0].body).toBe('Please correct it within 3 days.');

    // The same thread key reuses the conversation (a second warning lands next to the first).
    const second = await em.fork().transactional((tx) =>
      sendSystemMessage(tx, {
        toUserId: zhShopper.userId,
        kind: 'PENALTY_NOTICE',
        subject: { en: 'Second warning', zhTw: '第二次警告' },
        body: { en: 'Second warning.', zhTw: '第二次警告。' },
        threadKey: 'violation:1',
      }),
    );
    expect(second.conversationId).toBe(sent.conversationId);
    expect(await unread(api, zhShopper.token)).toBe(2);
    // A caller that sends its own email can skip the generic notification.
    const quiet = await em.fork().transactional((tx) =>
      sendSystemMessage(tx, {
        toUserId: zhShopper.userId,
        kind: 'SYSTEM',
        subject: { en: 'Quiet', zhTw: '安靜' },
        body: { en: 'No email.', zhTw: '不寄信。' },
        emailNotification: false,
      }),
    );
    expect(
      await api.sql(`select 1 from ${JOBS} and j.key = $1`, [`messages-notify:${quiet.conversationId}:USER`]),
    ).toEqual([]);
    expect(await unread(api, zhShopper.token)).toBe(3);

    // Every staff member of store A sees the store's notice; store B's staff do not.
    const staffA = await login(STAFF_A);
    const staffB = await login(STAFF_B);
    const storeList = await gql(api, staffA, LIST, { locale: 'EN', filter: { kind: 'MERCHANT_SUPPORT' } });
    expect(storeList.conversations.nodes.map((n: Gql) => n.subject)).toContain('Store notice');
    expect(await unread(api, staffA)).toBeGreaterThanOrEqual(1);
    const bList = await gql(api, staffB, LIST, { filter: { kind: 'MERCHANT_SUPPORT' } });
    expect(bList.conversations.nodes.map((n: Gql) => n.subject)).not.toContain('Store notice');

    // One email notification per conversation, in the recipient's language, after the coalescing delay.
    const jobs = await api.sql(`select j.payload, j.key from ${JOBS} and j.key = $1`, [
      `messages-notify:${sent.conversationId}:USER`,
    ]);
    expect(jobs).toHaveLength(1);
    await notifyConversation(jobs[0].payload, jobDeps(api));
    const mails = await outbox(api, zhShopper.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ locale: 'zh-TW' });
    expect(mails[0]!.subject).toContain('警告：商品違規');
    expect(mails[0]!.text).toContain('2 則未讀訊息');
  });

  test('the email is coalesced per conversation and skipped once the messages were read', async ({
    api,
    login,
  }) => {
    const shopper = await newShopper(api, 'en');
    const support = await login('support@example.com');
    const started = await gql(api, shopper.token, START, {
      input: { to: 'PLATFORM', subject: 'Where is my refund?', body: 'Hello?' },
    });
    const id = started.startConversation.conversation.id;
    for (const body of ['First answer', 'Second answer', 'Third answer'])
      await gql(api, support, REPLY, { input: { conversationId: id, body } });
    const jobs = await api.sql(
      `select j.payload, j.run_at from ${JOBS} and j.payload->>'side' = 'USER'
         and (j.payload->>'conversationId')::int = $1`,
      [Number(Buffer.from(id, 'base64url').toString().split(':')[1])],
    );
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0].run_at).getTime()).toBeGreaterThan(Date.now() + 5 * 60_000);
    await notifyConversation(jobs[0].payload, jobDeps(api));
    const mails = await outbox(api, shopper.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('3 unread messages');

    // Read before the job runs: nothing is sent.
    await gql(api, support, REPLY, { input: { conversationId: id, body: 'Fourth answer' } });
    await gql(api, shopper.token, READ, { input: { conversationId: id } });
    await notifyConversation(jobs[0].payload, jobDeps(api));
    expect(await outbox(api, shopper.email)).toHaveLength(1);
  });
});

describe('conversations between a shopper and the platform', () => {
  test('unread counts go up and down for each participant', async ({ api, login }) => {
    const shopper = await newShopper(api);
    const support = await login('support@example.com');
    const admin = await login('admin@example.com');
    const supportBefore = await unread(api, support);
    const adminBefore = await unread(api, admin);

    const started = await gql(api, shopper.token, START, {
      input: { to: 'PLATFORM', subject: '  Parcel missing  ', body: 'My parcel has not arrived.' },
    });
    expect(started.startConversation.userErrors).toEqual([]);
    const c = started.startConversation.conversation;
    expect(c).toMatchObject({
      kind: 'CUSTOMER_SERVICE',
      viewerParty: 'USER',
      unreadCount: 0,
      messageCount: 1,
      subject: 'Parcel missing',
    });
    expect(await unread(api, shopper.token)).toBe(0);
    expect(await unread(api, support)).toBe(supportBefore + 1);
    expect(await unread(api, admin)).toBe(adminBefore + 1);

    // Customer service finds it in the platform inbox, filtered by unread, and replies.
    const inbox = await gql(api, support, LIST, { filter: { unread: true, kind: 'CUSTOMER_SERVICE' } });
    expect(inbox.conversations.nodes.map((n: Gql) => n.id)).toContain(c.id);
    const seen = await gql(api, support, ONE, { id: c.id });
    expect(seen.conversation).toMatchObject({ viewerParty: 'PLATFORM', userEmail: shopper.email });
    const replied = await gql(api, support, REPLY, {
      input: { conversationId: c.id, body: 'We are on it.' },
    });
    expect(replied.replyToConversation).toMatchObject({
      userErrors: [],
      conversation: { unreadCount: 0, messageCount: 2 },
    });
    expect(await unread(api, support)).toBe(supportBefore);
    // Another agent still has it unread (per-person read markers).
    expect(await unread(api, admin)).toBe(adminBefore + 1);
    expect(await unread(api, shopper.token)).toBe(1);

    const view = await gql(api, shopper.token, ONE, { id: c.id, locale: 'EN' });
    expect(view.conversation.messages.nodes.map((m: Gql) => [m.senderName, m.fromViewer, m.body])).toEqual([
      [expect.stringMatching(/^Buyer/), true, 'My parcel has not arrived.'],
      ['Customer service', false, 'We are on it.'],
    ]);
    const read = await gql(api, shopper.token, READ, { input: { conversationId: c.id } });
    expect(read.markConversationRead).toEqual({ conversation: { id: c.id, unreadCount: 0 }, userErrors: [] });
    expect(await unread(api, shopper.token)).toBe(0);
    // Reading again is harmless.
    const again = await gql(api, shopper.token, READ, { input: { conversationId: c.id } });
    expect(again.markConversationRead.userErrors).toEqual([]);
  });

  test('another shopper, another store’s staff and guests are refused and nothing changes', async ({
    api,
    login,
  }) => {
    const owner = await shopperWithOrder(api);
    const other = await newShopper(api);
    const staffA = await login(STAFF_A);
    const staffB = await login(STAFF_B);
    const started = await gql(api, owner.token, START, {
      input: { to: 'MERCHANT', orderId: owner.order.id, subject: 'Gift wrap?', body: 'Can you wrap it?' },
    });
    expect(started.startConversation.userErrors).toEqual([]);
    const c = started.startConversation.conversation;
    expect(c).toMatchObject({
      kind: 'ORDER',
      orderNumber: owner.order.number,
      merchantName: expect.any(String),
    });

    const before = await snapshot(api);
    for (const token of [other.token, staffB]) {
      expect((await gql(api, token, ONE, { id: c.id })).conversation).toBeNull();
      const reply = await gql(api, token, REPLY, { input: { conversationId: c.id, body: 'Hi' } });
      expect(reply.replyToConversation).toMatchObject({
        conversation: null,
        userErrors: [{ code: 'NOT_FOUND' }],
      });
      const read = await gql(api, token, READ, { input: { conversationId: c.id } });
      expect(read.markConversationRead.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
      const list = await gql(api, token, LIST, {});
      expect(list.conversations.nodes.map((n: Gql) => n.id)).not.toContain(c.id);
    }
    // Customer service does not read shopper ↔ store conversations.
    const support = await login('support@example.com');
    expect((await gql(api, support, ONE, { id: c.id })).conversation).toBeNull();
    // Another shopper cannot write to the store about someone else's order.
    const foreign = await gql(api, other.token, START, {
      input: { to: 'MERCHANT', orderId: owner.order.id, subject: 'Hi', body: 'Hi' },
    });
    expect(foreign.startConversation.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'orderId'] }),
    ]);
    const noOrder = await gql(api, other.token, START, {
      input: { to: 'MERCHANT', subject: 'Hi', body: 'Hi' },
    });
    expect(noOrder.startConversation.userErrors[0].code).toBe('ORDER_REQUIRED');
    const tooLong = await gql(api, other.token, START, {
      input: { to: 'PLATFORM', subject: 'Hi', body: 'x'.repeat(4001) },
    });
    expect(tooLong.startConversation.userErrors[0]).toMatchObject({
      code: 'INVALID_BODY',
      field: ['input', 'body'],
    });
    const blank = await gql(api, other.token, START, { input: { to: 'PLATFORM', subject: ' ', body: 'Hi' } });
    expect(blank.startConversation.userErrors[0].code).toBe('INVALID_SUBJECT');
    const badRecipient = await gql(api, staffA, START, {
      input: { to: 'MERCHANT', subject: 'Hi', body: 'Hi' },
    });
    expect(badRecipient.startConversation.userErrors[0].code).toBe('INVALID_RECIPIENT');
    // Guests get UNAUTHENTICATED everywhere.
    for (const [query, variables] of [
      [UNREAD, {}],
      [LIST, {}],
      [ONE, { id: c.id }],
      [REPLY, { input: { conversationId: c.id, body: 'Hi' } }],
      [READ, { input: { conversationId: c.id } }],
      [START, { input: { to: 'PLATFORM', subject: 'Hi', body: 'Hi' } }],
    ] as const) {
      const res = await api.gql(query, variables, {});
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await snapshot(api)).toEqual(before);

    // Store A's staff see it, reply as the store, and the shopper's count goes up.
    const staffView = await gql(api, staffA, ONE, { id: c.id });
    expect(staffView.conversation).toMatchObject({
      viewerParty: 'MERCHANT',
      unreadCount: 1,
      userEmail: null,
    });
    await gql(api, staffA, REPLY, { input: { conversationId: c.id, body: 'Of course.' } });
    expect(await unread(api, owner.token)).toBe(1);
    const ownerView = await gql(api, owner.token, ONE, { id: c.id });
    expect(ownerView.conversation.lastMessage).toEqual({
      body: 'Of course.',
      senderName: ownerView.conversation.merchantName,
    });
  });
});

describe('penalties and concurrency', () => {
  test('under a general freeze an account may reply but not start a conversation', async ({ api, login }) => {
    const shopper = await newShopper(api);
    const support = await login('support@example.com');
    const started = await gql(api, shopper.token, START, {
      input: { to: 'PLATFORM', subject: 'Question', body: 'Before the freeze.' },
    });
    const id = started.startConversation.conversation.id;
    await api.sql(`update user_account set status = 'GENERAL_FROZEN' where id = $1`, [shopper.userId]);

    const before = await snapshot(api);
    const refused = await gql(api, shopper.token, START, {
      input: { to: 'PLATFORM', subject: 'Another', body: 'During the freeze.' },
    });
    expect(refused.startConversation).toMatchObject({
      conversation: null,
      userErrors: [{ code: 'ACCOUNT_RESTRICTED' }],
    });
    expect(await snapshot(api)).toEqual(before);

    const reply = await gql(api, shopper.token, REPLY, {
      input: { conversationId: id, body: 'Why am I frozen?' },
    });
    expect(reply.replyToConversation).toMatchObject({ userErrors: [], conversation: { messageCount: 2 } });
    // Platform staff can still write to the frozen account.
    await gql(api, support, REPLY, { input: { conversationId: id, body: 'See the notice.' } });
    expect(await unread(api, shopper.token)).toBe(1);
  });

  test('a store under safe freeze may answer the platform but not start conversations', async ({
    api,
    login,
  }) => {
    const staffA = await login(STAFF_A);
    const started = await gql(api, staffA, START, {
      input: { to: 'PLATFORM', subject: 'Payout question', body: 'When is the next payout?' },
    });
    expect(started.startConversation.conversation).toMatchObject({
      kind: 'MERCHANT_SUPPORT',
      viewerParty: 'MERCHANT',
    });
    await api.sql(`update merchant set status = 'SAFE_FROZEN' where handle = 'formosa-roasters'`);
    try {
      const refused = await gql(api, staffA, START, { input: { to: 'PLATFORM', subject: 'Hi', body: 'Hi' } });
      expect(refused.startConversation.userErrors[0].code).toBe('ACCOUNT_RESTRICTED');
      const reply = await gql(api, staffA, REPLY, {
        input: { conversationId: started.startConversation.conversation.id, body: 'Please help.' },
      });
      expect(reply.replyToConversation.userErrors).toEqual([]);
    } finally {
      await api.sql(`update merchant set status = 'ACTIVE' where handle = 'formosa-roasters'`);
    }
  });

  test('replies sent at the same time are all kept, in order, with exact counts', async ({ api, login }) => {
    const shopper = await newShopper(api);
    const support = await login('support@example.com');
    const admin = await login('admin@example.com');
    const started = await gql(api, shopper.token, START, {
      input: { to: 'PLATFORM', subject: 'Busy', body: 'Start' },
    });
    const id = started.startConversation.conversation.id;
    const bodies = Array.from({ length: 8 }, (_, i) => `Reply ${i}`);
    const results = await Promise.all(
      bodies.map((body, i) =>
        api.gql(REPLY, { input: { conversationId: id, body } }, { token: i % 2 ? support : admin }),
      ),
    );
    for (const r of results) expect(r.data.replyToConversation.userErrors).toEqual([]);
    const view = await gql(api, shopper.token, ONE, { id });
    expect(view.conversation.messageCount).toBe(9);
    expect(view.conversation.unreadCount).toBe(8);
    expect(await unread(api, shopper.token)).toBe(8);
    const [row] = await api.sql(
      `select c.message_count, c.last_message_at = max(m.created_at) as latest, count(m.*)::int as n
         from conversation c join conversation_message m on m.conversation_id = c.id
        where c.subject = 'Busy' and c.user_id = $1 group by c.id`,
      [shopper.userId],
    );
    expect(row).toEqual({ message_count: 9, latest: true, n: 9 });
    // Ids follow commit order: creation times never go backwards.
    const times = await api.sql(
      `select m.created_at from conversation_message m join conversation c on c.id = m.conversation_id
        where c.user_id = $1 order by m.id`,
      [shopper.userId],
    );
    const ts = times.map((t) => new Date(t.created_at).getTime());
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
  });

  test('the platform inbox pages and filters by user and order', async ({ api, login }) => {
    const support = await login('support@example.com');
    const shopper = await shopperWithOrder(api);
    for (const subject of ['One', 'Two', 'Three'])
      await gql(api, shopper.token, START, {
        input: {
          to: 'PLATFORM',
          subject,
          body: subject,
          orderId: subject === 'Two' ? shopper.order.id : null,
        },
      });
    const userId = Buffer.from(`User:${shopper.userId}`).toString('base64url');
    const page1 = await gql(api, support, LIST, { first: 2, filter: { userId } });
    expect(page1.conversations.totalCount).toBe(3);
    expect(page1.conversations.nodes.map((n: Gql) => n.subject)).toEqual(['Three', 'Two']);
    expect(page1.conversations.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(api, support, LIST, {
      first: 2,
      after: page1.conversations.pageInfo.endCursor,
      filter: { userId },
    });
    expect(page2.conversations.nodes.map((n: Gql) => n.subject)).toEqual(['One']);
    expect(page2.conversations.pageInfo.hasNextPage).toBe(false);
    const byOrder = await gql(api, support, LIST, { filter: { orderNumber: shopper.order.number } });
    expect(byOrder.conversations.nodes.map((n: Gql) => n.subject)).toEqual(['Two']);
    const byEmail = await gql(api, support, LIST, { filter: { participant: shopper.email.toUpperCase() } });
    expect(byEmail.conversations.totalCount).toBe(3);
    const noMatch = await gql(api, support, LIST, { filter: { participant: '100%_nobody' } });
    expect(noMatch.conversations.totalCount).toBe(0);
    // A store's conversations are found by its name.
    const staffA = await login(STAFF_A);
    await gql(api, staffA, START, { input: { to: 'PLATFORM', subject: 'From the roastery', body: 'Hi' } });
    const byStore = await gql(api, support, LIST, {
      filter: { participant: 'formosa', kind: 'MERCHANT_SUPPORT' },
    });
    expect(byStore.conversations.nodes.map((n: Gql) => n.subject)).toContain('From the roastery');
    // Platform staff start a conversation with a user.
    const toUser = await gql(api, support, START, {
      input: { to: 'USER', userId, subject: 'About your order', body: 'Could you confirm the address?' },
    });
    expect(toUser.startConversation.conversation).toMatchObject({
      viewerParty: 'PLATFORM',
      kind: 'CUSTOMER_SERVICE',
    });
    expect(await unread(api, shopper.token)).toBe(1);
  });
});

describe('the help center contact form', () => {
  test('a signed-in sender also gets a conversation with customer service, linked to the request', async ({
    api,
    login,
  }) => {
    const shopper = await shopperWithOrder(api, 'zh-TW');
    const support = await login('support@example.com');
    const supportBefore = await unread(api, support);
    const sent = await api.gql(
      `mutation ($input: SubmitContactRequestInput!) { submitContactRequest(input: $input) {
        contactRequest { reference } userErrors { code } } }`,
      {
        input: {
          name: 'Lin Mei',
          email: shopper.email,
          orderNumber: shopper.order.number,
          topic: 'ORDER',
          message: 'The parcel arrived damaged.',
        },
      },
      { token: shopper.token, headers: { 'x-forwarded-for': '198.51.100.77' } },
    );
    expect(sent.data.submitContactRequest.userErrors).toEqual([]);
    const reference = sent.data.submitContactRequest.contactRequest.reference;
    const [linked] = await api.sql(
      `select c.kind, c.order_id is not null as has_order, r.email from conversation c
         join contact_request r on r.id = c.contact_request_id where c.user_id = $1`,
      [shopper.userId],
    );
    expect(linked).toEqual({ kind: 'CUSTOMER_SERVICE', has_order: true, email: shopper.email });
    const list = await gql(api, shopper.token, LIST, { locale: 'ZH_TW' });
    expect(list.conversations.nodes).toEqual([
      expect.objectContaining({ subject: `訂單問題 · ${reference}`, unreadCount: 0 }),
    ]);
    expect(await unread(api, support)).toBe(supportBefore + 1);
    const inbox = await gql(api, support, LIST, {
      locale: 'EN',
      filter: { orderNumber: shopper.order.number },
    });
    expect(inbox.conversations.nodes.map((n: Gql) => n.subject)).toEqual([`Order problem · ${reference}`]);

    // A guest's request stays a contact request only.
    const before = (await api.sql('select count(*)::int as n from conversation'))[0].n;
    const guest = await api.gql(
      `mutation ($input: SubmitContactRequestInput!) { submitContactRequest(input: $input) { userErrors { code } } }`,
      {
        input: {
          name: 'Guest',
          email: 'guest@example.com',
          topic: 'OTHER',
          message: 'How do I open a store?',
        },
      },
      { headers: { 'x-forwarded-for': '198.51.100.78' } },
    );
    expect(guest.data.submitContactRequest.userErrors).toEqual([]);
    expect((await api.sql('select count(*)::int as n from conversation'))[0].n).toBe(before);
  });
});
