import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isLeafType,
  isObjectType,
  isRequiredArgument,
} from 'graphql';
import { expect } from 'vitest';
import { createSchema } from '../../src/graphql/schema.js';
import { DEMO_PASSWORD } from '../../src/modules/seed/seeder.js';
import type { TestApi } from '../harness.js';
import { orderIn, productIn, sessionFor } from '../permission-matrix/support.js';
import { ACTOR_EMAILS, STORE_B, test as matrixTest } from '../permission-matrix/runner.js';
import type { MatrixContext } from '../permission-matrix/types.js';
import { type ArgContext, type Hints, type IdPool, variablesOf } from './arbitraries.js';

export const schema = await createSchema();
export const mutationFields = () => Object.values(schema.getMutationType()!.getFields());

/**
 * The viewers of issue 9 — anonymous, a shopper, another merchant's staff (store B's, on store A's objects)
 * and customer service — plus the two who may change the objects in the pool, store A's staff and an admin,
 * so that generated input also reaches the validation behind the authorization checks.
 */
export type FuzzViewer = 'guest' | 'shopper' | 'staffB' | 'support' | 'staffA' | 'admin';
export const FUZZ_VIEWERS: readonly FuzzViewer[] = [
  'guest',
  'shopper',
  'staffB',
  'support',
  'staffA',
  'admin',
];
const STAFF_B_EMAIL = `staff@${STORE_B}.example.com`;

/**
 * Top-level error codes a mutation may answer with: authentication, authorization, throttling, and the
 * refusals of graphql-js / Apollo / the document limits before anything runs. INTERNAL_SERVER_ERROR is a bug.
 */
export const KNOWN_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'THROTTLED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ATTEMPT_FIELDS',
]);

/**
 * Tables the before/after comparison leaves out, each written on purpose by a REJECTED call:
 * - `rate_budget`: the query-cost limiter spends from the caller's bucket on every request (its cost
 *   accounting, not data the operation changed; see src/graphql/limits).
 * - `login_attempt`: the sign-in throttle counts an attempt before the password is checked, so parallel
 *   guesses cannot slip through (src/modules/accounts/login-throttle.ts); a wrong password must leave it.
 * - `coupon_attempt`: the coupon-guessing throttle records each unknown code a viewer tries (checkout
 *   preview and submitOrder), committed apart from the refused checkout for the same reason.
 * Sessions are not excluded: nothing writes them per request (no last-seen column); a call that signs in
 * or out is an accepted call. The pending jobs (graphile_worker) are compared like tables.
 */
export const FUZZ_EXCLUDED_TABLES: readonly string[] = ['rate_budget', 'login_attempt', 'coupon_attempt'];

let tableList: string[] | null = null;

/** Per table, an md5 of all its rows plus the pending jobs: equal fingerprints = nothing changed. */
export async function fingerprint(api: TestApi): Promise<Record<string, string>> {
  tableList ??= (
    await api.sql<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !FUZZ_EXCLUDED_TABLES.includes(name));
  const parts = tableList.map(
    (t) =>
      `select '${t}' as t, md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from "${t}" x`,
  );
  parts.push(
    `select 'graphile_worker.jobs' as t, md5(coalesce(string_agg(j::text, ',' order by j::text), '')) as h
     from (select t.identifier, j.payload, j.key, j.run_at from graphile_worker._private_jobs j
           join graphile_worker._private_tasks t on t.id = j.task_id) j`,
  );
  const rows = await api.sql<{ t: string; h: string }>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

let scopedTables: { merchant: string[]; user: string[] } | null = null;

/**
 * Mutations whose caller proves to be another account (its password, an emailed token) or creates one: an
 * accepted call rightly writes that account's rows (its session, its verified address), whoever sent it.
 */
const ACTS_AS_ANOTHER_ACCOUNT = ['login', 'register', 'acceptInvitation', 'resetPassword', 'verifyEmail'];

/**
 * What a viewer must never change, even in an ACCEPTED call: for store B's staff, every row of store A
 * (tables with a `merchant_id`); for the shopper, every row of another account (tables with a `user_id`).
 * Per table, an md5 of those rows.
 */
async function othersFingerprint(
  api: TestApi,
  who: FuzzViewer,
  world: FuzzWorld,
  mutation: string,
): Promise<Record<string, string>> {
  if ((who !== 'staffB' && who !== 'shopper') || ACTS_AS_ANOTHER_ACCOUNT.includes(mutation)) return {};
  scopedTables ??= await (async () => {
    const rows = await api.sql<{ t: string; c: string }>(
      `select c.table_name as t, c.column_name as c from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name in ('merchant_id', 'user_id')`,
    );
    const keep = (col: string) =>
      rows
        .filter((r) => r.c === col && !FUZZ_EXCLUDED_TABLES.includes(r.t))
        .map((r) => r.t)
        .sort();
    return { merchant: keep('merchant_id'), user: keep('user_id') };
  })();
  const [tables, condition, param] =
    who === 'staffB'
      ? [scopedTables.merchant, 'merchant_id = $1', world.storeAId]
      : [scopedTables.user, 'user_id <> $1', world.userIds.shopper];
  if (!tables.length) return {};
  const parts = tables.map(
    (t) =>
      `select '${t}' as t, md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from "${t}" x where ${condition}`,
  );
  const rows = await api.sql<{ t: string; h: string }>(parts.join(' union all '), [param]);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

const changedTables = (a: Record<string, string>, b: Record<string, string>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]);

/** The selection of a payload: its scalars, `id`/`__typename` of its objects, every userError field. */
export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values((named as GraphQLObjectType).getFields())) {
    if (f.args.some(isRequiredArgument)) continue;
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) {
      if (depth === 0 || f.name === 'id' || f.name === 'code' || f.name === 'message' || f.name === 'field') {
        parts.push(f.name);
      }
    } else if (depth === 0 && isObjectType(inner)) {
      parts.push(`${f.name} ${selectionOf(f.type, depth + 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** The document calling one mutation with every argument as a variable of its declared type. */
export function documentOf(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(field.type)} }`;
}

const GID_TABLES: Record<string, string> = {
  Activity: 'activity',
  Address: 'address',
  ApiKey: 'api_key',
  Cart: 'cart',
  CartLine: 'cart_line',
  Category: 'category',
  Checkout: 'checkout',
  Claim: 'claim',
  ContactRequest: 'contact_request',
  Conversation: 'conversation',
  ConversationMessage: 'conversation_message',
  Coupon: 'coupon',
  HelpArticle: 'help_article',
  Merchant: 'merchant',
  Order: 'customer_order',
  OrderNote: 'order_note',
  Payment: 'payment',
  PenaltyRule: 'penalty_rule',
  Product: 'product',
  ProductImage: 'product_image',
  ProductVariant: 'product_variant',
  Review: 'review',
  SafeFreeze: 'safe_freeze',
  Sanction: 'sanction',
  User: 'user_account',
  Violation: 'violation',
  WebhookDelivery: 'webhook_delivery',
  WebhookSubscription: 'webhook_subscription',
};
const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

export interface FuzzWorld {
  ctx: MatrixContext;
  pool: IdPool;
  hints: Hints;
  userIds: Record<Exclude<FuzzViewer, 'guest'>, number>;
  storeAId: number;
}

/**
 * Ids of OTHER users' objects: store A's (formosa-roasters) orders in several states, products, and the
 * first and last rows of every table behind a global id (the seed's objects of every kind).
 */
async function buildWorld(ctx: MatrixContext): Promise<FuzzWorld> {
  const { api } = ctx;
  const arranged = {
    Order: [] as string[],
    Checkout: [] as string[],
    Payment: [] as string[],
    Product: [] as string[],
    ProductImage: [] as string[],
  };
  for (const state of ['AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'CANCEL_REQUESTED'] as const) {
    const o = await orderIn(ctx, 'A', { state });
    arranged.Order.push(o.id);
    arranged.Checkout.push(o.checkoutId);
    if (o.paymentId) arranged.Payment.push(o.paymentId);
  }
  const service = await orderIn(ctx, 'A', { state: 'PAID', kind: 'service' });
  arranged.Order.push(service.id);
  const product = await productIn(ctx, 'A', { published: true, images: 2 });
  arranged.Product.push(product.id);
  arranged.ProductImage.push(...product.imageIds);

  const pool: IdPool = {};
  // Not the viewers' own accounts: an accepted disableAccount would turn a viewer away for the rest of the run.
  const viewerEmails = [...Object.values(ACTOR_EMAILS), STAFF_B_EMAIL];
  for (const [type, table] of Object.entries(GID_TABLES)) {
    const others = table === 'user_account' ? `where email <> all($1)` : 'where $1::text[] is not null';
    const rows = await api.sql<{ id: number }>(
      `(select id from "${table}" ${others} order by id limit 3)
       union (select id from "${table}" ${others} order by id desc limit 2)`,
      [viewerEmails],
    );
    pool[type] = [
      ...new Set([...(arranged[type as keyof typeof arranged] ?? []), ...rows.map((r) => gid(type, r.id))]),
    ];
  }
  const emails = [
    ...Object.values(ACTOR_EMAILS),
    STAFF_B_EMAIL,
    'shopper2@example.com',
    'nobody@example.com',
  ];
  const users = await api.sql<{ id: number; email: string }>(
    'select id, email from user_account where email = any($1)',
    [emails],
  );
  const idOf = (email: string) => users.find((u) => u.email === email)!.id;
  const codes = await api.sql<{ code: string }>('select code from coupon order by id limit 6');
  const numbers = await api.sql<{ number: string }>(
    'select number from customer_order order by id desc limit 4',
  );
  return {
    ctx,
    pool,
    hints: {
      emails,
      couponCodes: [...codes.map((c) => c.code), 'NOPE-2026', 'welcome10'],
      passwords: [DEMO_PASSWORD, 'short', 'password123', 'correct horse battery staple 2026'],
      orderNumbers: numbers.map((n) => n.number),
      tokens: ['x'.repeat(43), 'bad-token', 'Ab1-'.repeat(8)],
    },
    storeAId: ctx.world.storeA.id,
    userIds: {
      shopper: idOf(ACTOR_EMAILS.shopper),
      staffB: idOf(STAFF_B_EMAIL),
      support: idOf(ACTOR_EMAILS.support),
      staffA: idOf(ACTOR_EMAILS.staffA),
      admin: idOf(ACTOR_EMAILS.admin),
    },
  };
}

/** The matrix API (sandbox, no job worker: only the calls change the database) plus the fuzz world. */
export const test = matrixTest.extend('fuzz', { scope: 'file' }, async ({ matrix }) => buildWorld(matrix));

export interface FuzzStats {
  runs: number;
  /** Calls that got past variable coercion (the resolver ran). */
  executed: number;
  rejected: number;
}

async function post(api: TestApi, query: string, variables: unknown, token: string | null): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: Omit<Answer, 'status'>;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `not JSON (${res.status}): ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, ...body };
}

/** A fixed seed per mutation; FUZZ_SEED (any text) explores other sequences locally. */
const seedOf = (name: string) =>
  createHash('sha256')
    .update(`${name}${process.env.FUZZ_SEED ?? ''}`)
    .digest()
    .readInt32LE(0);
const clip = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
};

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
}

/**
 * The checks of one call (see README.md, "What every call must satisfy"); returns whether it was rejected.
 * `tables` and `others` are the before/after fingerprints of every table and of what the viewer must never touch.
 */
function checkAnswer(
  where: string,
  name: string,
  res: Answer,
  logged: Record<string, unknown>[],
  tables: [Record<string, string>, Record<string, string>],
  others: [Record<string, string>, Record<string, string>],
): boolean {
  expect(res.status, `${where}: HTTP ${res.status} ${clip(res.errors)}`).toBeLessThan(500);
  const serverErrors = logged.filter((l) => Number(l.level) >= 50).map((l) => clip(l).slice(0, 400));
  expect(serverErrors, `${where}: error logged`).toEqual([]);
  const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  const unknown = codes.filter((c) => !KNOWN_ERROR_CODES.has(c));
  expect(unknown, `${where}: unexpected top-level errors ${clip(res.errors)}`).toEqual([]);
  const payload = res.data?.[name] as
    | { userErrors?: { code?: string; message?: string }[] }
    | null
    | undefined;
  if (!res.errors?.length) expect(payload, `${where}: no payload and no error`).toBeTruthy();
  const userErrors = payload?.userErrors ?? [];
  for (const e of userErrors) {
    expect(e.code, `${where}: userError without code`).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(e.message, `${where}: userError without message`).toBeTruthy();
  }
  expect(changedTables(...others), `${where}: changed rows this viewer must never change`).toEqual([]);
  const rejected = Boolean(res.errors?.length) || userErrors.length > 0;
  if (rejected) {
    const why = clip(res.errors ?? userErrors);
    expect(changedTables(...tables), `${where}: rejected (${why}) but changed`).toEqual([]);
  }
  return rejected;
}

/**
 * Fuzzes one mutation: `numRuns` calls with generated arguments as a random viewer (fixed seed per mutation),
 * each checked by `checkAnswer`. A failure stops the run (no shrinking: calls are not replayable on a
 * database the earlier calls changed); fast-check reports the counterexample and the seed.
 */
export async function fuzzMutation(world: FuzzWorld, name: string, numRuns: number): Promise<FuzzStats> {
  const field = schema.getMutationType()!.getFields()[name];
  if (!field) throw new Error(`no mutation ${name}`);
  const api = world.ctx.api;
  const query = documentOf(field);
  const argCtx: ArgContext = { mutation: name, pool: world.pool, hints: world.hints };
  const stats: FuzzStats = { runs: 0, executed: 0, rejected: 0 };
  const viewer = fc.constantFrom(...FUZZ_VIEWERS);
  await fc.assert(
    fc.asyncProperty(viewer, variablesOf(field.args, argCtx), async (who, variables) => {
      stats.runs += 1;
      // A fresh session per call: an earlier accepted logout or password change must not turn the
      // viewer into a guest for the rest of the run.
      const token = who === 'guest' ? null : await sessionFor(api, world.userIds[who]);
      const logFrom = api.logs.length;
      const before = await fingerprint(api);
      const othersBefore = await othersFingerprint(api, who, world, name);
      const res = await post(api, query, variables, token);
      const tables: [Record<string, string>, Record<string, string>] = [before, await fingerprint(api)];
      const others: [Record<string, string>, Record<string, string>] = [
        othersBefore,
        await othersFingerprint(api, who, world, name),
      ];
      const where = `${name} as ${who} with ${clip(variables)}`;
      if (process.env.FUZZ_DEBUG)
        console.log(where, '→', res.status, clip(res.errors ?? res.data).slice(0, 300));
      if (res.data || res.errors?.some((e) => e.path)) stats.executed += 1;
      if (checkAnswer(where, name, res, api.logs.slice(logFrom), tables, others)) stats.rejected += 1;
    }),
    { seed: seedOf(name), numRuns, endOnFailure: true },
  );
  return stats;
}
