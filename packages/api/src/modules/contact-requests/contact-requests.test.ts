import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';

const LIST = `query ($first: Int, $after: String, $filter: StaffContactRequestsFilter, $sort: StaffContactRequestsSort) {
  staffContactRequests(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { id reference name email orderNumber topic message locale fromAccount status createdAt
            resolvedAt resolvedByEmail resolutionNote }
    pageInfo { hasNextPage endCursor } totalCount } }`;
const ONE = `query ($id: ID!) { staffContactRequest(id: $id) { reference status resolutionNote } }`;
const RESOLVE = `mutation ($input: ResolveContactRequestInput!) { resolveContactRequest(input: $input) {
  contactRequest { id reference status resolvedAt resolvedByEmail resolutionNote }
  userErrors { code field message } } }`;

// biome-ignore lint/suspicious/noExplicitAny: the assertions check response shapes
type Gql = any;
const gid = (id: number) => Buffer.from(`ContactRequest:${id}`).toString('base64url');

const state = (api: TestApi) =>
  api.sql('select id, status, resolved_at, resolved_by_id, resolution_note from contact_request order by id');

/** Five requests, one minute apart (oldest first), from distinct senders. */
async function arrange(api: TestApi) {
  await api.sql('delete from contact_request');
  const rows = [
    [
      'Mei Chen',
      'mei@example.com',
      'MP-20261122-0000042',
      'ORDER',
      'My parcel has not arrived yet.',
      'zh-TW',
    ],
    ['Tom Hsu', 'tom@example.com', null, 'PAYMENT', 'I was charged twice for one order.', 'en'],
    ['Ann Lee', 'ann@example.org', null, 'OTHER', 'How do I open a store on the marketplace?', 'en'],
    ['Bo Lin', 'bo@example.com', null, 'ORDER', 'Wrong colour delivered, 100% sure.', 'zh-TW'],
    ['Cy Wu', 'cy@example.net', null, 'PAYMENT', 'Refund not received after two weeks.', 'en'],
  ];
  const ids: number[] = [];
  for (const [i, r] of rows.entries()) {
    const [row] = await api.sql<{ id: number }>(
      `insert into contact_request (name, email, order_number, topic, message, locale, ip, created_at)
       values ($1, $2, $3, $4, $5, $6, '203.0.113.9', now() - ($7 || ' minutes')::interval) returning id`,
      [...r, String(10 - i)],
    );
    ids.push(row!.id);
  }
  return ids;
}

describe('staffContactRequests', () => {
  test('customer service lists, filters, searches, sorts and pages through requests', async ({
    api,
    login,
  }) => {
    const ids = await arrange(api);
    const token = await login('support@example.com');
    const all = await api.gql(LIST, {}, { token });
    expect(all.errors).toBeUndefined();
    const list = all.data.staffContactRequests;
    expect(list.totalCount).toBe(5);
    expect(list.nodes.map((n: Gql) => n.name)).toEqual(['Cy Wu', 'Bo Lin', 'Ann Lee', 'Tom Hsu', 'Mei Chen']);
    expect(list.nodes[4]).toMatchObject({
      reference: `CR-${String(ids[0]).padStart(6, '0')}`,
      email: 'mei@example.com',
      orderNumber: 'MP-20261122-0000042',
      topic: 'ORDER',
      locale: 'ZH_TW',
      fromAccount: false,
      status: 'OPEN',
      resolvedAt: null,
    });

    const names = async (vars: Record<string, unknown>) =>
      (await api.gql(LIST, vars, { token })).data.staffContactRequests.nodes.map((n: Gql) => n.name);
    expect(await names({ filter: { topic: 'PAYMENT' } })).toEqual(['Cy Wu', 'Tom Hsu']);
    expect(await names({ filter: { query: 'EXAMPLE.ORG' } })).toEqual(['Ann Lee']);
    expect(await names({ filter: { query: 'charged twice' } })).toEqual(['Tom Hsu']);
    expect(await names({ filter: { query: '0000042' } })).toEqual(['Mei Chen']);
    // `%` is text, not a wildcard.
    expect(await names({ filter: { query: '100%' } })).toEqual(['Bo Lin']);
    expect(await names({ filter: { query: `cr-${String(ids[2]).padStart(6, '0')}` } })).toEqual(['Ann Lee']);
    expect(
      await names({ sort: { field: 'CREATED_AT', direction: 'ASC' }, filter: { topic: 'ORDER' } }),
    ).toEqual(['Mei Chen', 'Bo Lin']);

    // Keyset pages: no gaps, no repeats.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res: Gql = await api.gql(LIST, { first: 2, after }, { token });
      seen.push(...res.data.staffContactRequests.nodes.map((n: Gql) => n.name));
      after = res.data.staffContactRequests.pageInfo.endCursor;
      expect(res.data.staffContactRequests.pageInfo.hasNextPage).toBe(page < 2);
    }
    expect(seen).toEqual(['Cy Wu', 'Bo Lin', 'Ann Lee', 'Tom Hsu', 'Mei Chen']);
    // Oldest first too, with two requests sent in the same microsecond (ties broken by id).
    await api.sql(
      'update contact_request set created_at = (select created_at from contact_request where id = $1) where id = $2',
      [ids[1], ids[2]],
    );
    const ascending: string[] = [];
    after = null;
    do {
      const res: Gql = await api.gql(
        LIST,
        { first: 2, after, sort: { field: 'CREATED_AT', direction: 'ASC' } },
        { token },
      );
      ascending.push(...res.data.staffContactRequests.nodes.map((n: Gql) => n.name));
      after = res.data.staffContactRequests.pageInfo.hasNextPage
        ? res.data.staffContactRequests.pageInfo.endCursor
        : null;
    } while (after);
    expect(ascending).toEqual(['Mei Chen', 'Tom Hsu', 'Ann Lee', 'Bo Lin', 'Cy Wu']);
    const badCursor = await api.gql(LIST, { after: 'nonsense' }, { token });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Admins see the same; a request sent with the storefront form shows up as OPEN.
    const sent = await api.gql(
      `mutation ($input: SubmitContactRequestInput!) { submitContactRequest(input: $input) {
         contactRequest { reference } userErrors { code } } }`,
      {
        input: {
          name: 'Dee Kao',
          email: 'dee@example.com',
          topic: 'OTHER',
          message: 'Do you ship to Kinmen island?',
        },
      },
      { headers: { 'x-forwarded-for': '198.51.100.77' } },
    );
    const admin = await login('admin@example.com');
    const open = await api.gql(LIST, { first: 1, filter: { status: 'OPEN' } }, { token: admin });
    expect(open.data.staffContactRequests.nodes[0]).toMatchObject({
      reference: sent.data.submitContactRequest.contactRequest.reference,
      name: 'Dee Kao',
      status: 'OPEN',
    });
  });

  test('resolving closes a request once, with the agent and note; bad input changes nothing', async ({
    api,
    login,
  }) => {
    const ids = await arrange(api);
    const token = await login('support@example.com');
    const before = await state(api);

    const tooLong = await api.gql(
      RESOLVE,
      { input: { id: gid(ids[1]!), note: 'x'.repeat(2001) } },
      { token },
    );
    expect(tooLong.data.resolveContactRequest).toMatchObject({
      contactRequest: null,
      userErrors: [{ code: 'INVALID_NOTE', field: ['input', 'note'] }],
    });
    for (const id of [gid(999_999), 'garbage', Buffer.from('Order:1').toString('base64url')]) {
      const missing = await api.gql(RESOLVE, { input: { id } }, { token });
      expect(missing.data.resolveContactRequest.userErrors).toEqual([
        expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] }),
      ]);
    }
    expect(await state(api)).toEqual(before);

    const ok = await api.gql(
      RESOLVE,
      { input: { id: gid(ids[1]!), note: '  Refunded the double charge.  ' } },
      { token },
    );
    expect(ok.data.resolveContactRequest.userErrors).toEqual([]);
    expect(ok.data.resolveContactRequest.contactRequest).toMatchObject({
      status: 'CLOSED',
      resolvedByEmail: 'support@example.com',
      resolutionNote: 'Refunded the double charge.',
      resolvedAt: expect.any(String),
    });
    const one = await api.gql(ONE, { id: gid(ids[1]!) }, { token });
    expect(one.data.staffContactRequest).toMatchObject({ status: 'CLOSED' });
    const closed = await api.gql(LIST, { filter: { status: 'CLOSED' } }, { token });
    expect(closed.data.staffContactRequests.nodes.map((n: Gql) => n.name)).toEqual(['Tom Hsu']);
    expect(
      (await api.gql(LIST, { filter: { status: 'OPEN' } }, { token })).data.staffContactRequests.totalCount,
    ).toBe(4);

    const afterFirst = await state(api);
    const admin = await login('admin@example.com');
    const again = await api.gql(RESOLVE, { input: { id: gid(ids[1]!), note: 'me too' } }, { token: admin });
    expect(again.data.resolveContactRequest.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_RESOLVED' }),
    ]);
    expect(await state(api)).toEqual(afterFirst);

    // Without a note is fine.
    const bare = await api.gql(RESOLVE, { input: { id: gid(ids[2]!) } }, { token: admin });
    expect(bare.data.resolveContactRequest.contactRequest).toMatchObject({
      status: 'CLOSED',
      resolvedByEmail: 'admin@example.com',
      resolutionNote: null,
    });
  });

  test('two agents resolving the same request at once: exactly one succeeds', async ({ api, login }) => {
    const ids = await arrange(api);
    const [support, admin] = await Promise.all([login('support@example.com'), login('admin@example.com')]);
    for (const id of ids) {
      const results = await Promise.all(
        [support, admin].map((token, i) =>
          api.gql(RESOLVE, { input: { id: gid(id), note: `agent ${i}` } }, { token }),
        ),
      );
      const codes = results.map((r) => r.data.resolveContactRequest.userErrors[0]?.code ?? 'OK').sort();
      expect(codes).toEqual(['ALREADY_RESOLVED', 'OK']);
      const winner = results.findIndex((r) => r.data.resolveContactRequest.userErrors.length === 0);
      const [row] = await api.sql(
        `select c.status, c.resolution_note, u.email from contact_request c join user_account u on u.id = c.resolved_by_id
         where c.id = $1`,
        [id],
      );
      expect(row).toEqual({
        status: 'CLOSED',
        resolution_note: `agent ${winner}`,
        email: winner === 0 ? 'support@example.com' : 'admin@example.com',
      });
    }
  });

  test('merchant staff, shoppers and guests are refused and change nothing', async ({ api, login }) => {
    const ids = await arrange(api);
    const before = await state(api);
    const tokens = {
      FORBIDDEN: [await login('staff@formosa-roasters.example.com'), await login('shopper@example.com')],
      UNAUTHENTICATED: [null],
    };
    for (const [code, list] of Object.entries(tokens)) {
      for (const token of list) {
        const listed = await api.gql(LIST, {}, { token });
        expect(listed.errors?.[0]?.extensions?.code).toBe(code);
        const one = await api.gql(ONE, { id: gid(ids[0]!) }, { token });
        expect(one.errors?.[0]?.extensions?.code).toBe(code);
        const resolved = await api.gql(RESOLVE, { input: { id: gid(ids[0]!) } }, { token });
        expect(resolved.errors?.[0]?.extensions?.code).toBe(code);
        expect(resolved.data?.resolveContactRequest ?? null).toBeNull();
      }
    }
    expect(await state(api)).toEqual(before);
  });
});
