import type { TestApi } from '../harness.js';
import { changedTables, fingerprintExcept } from '../permission-matrix/runner.js';
import type { FuzzViewer, FuzzWorld } from './world.js';

/**
 * Tables the before/after comparison leaves out, each written on purpose by a REJECTED call:
 * - `rate_budget`: the query-cost limiter spends from the caller's bucket on every request (its cost
 *   accounting, not data the operation changed; see src/graphql/limits).
 * - `login_attempt`: the sign-in throttle counts an attempt before the password is checked, so parallel
 *   guesses cannot slip through (src/modules/accounts/login-throttle.ts); a wrong password must leave it.
 * - `coupon_attempt`: the coupon-guessing throttle records each unknown code a viewer tries (checkout
 *   preview and submitOrder), committed apart from the refused checkout for the same reason.
 * - `order_key_failure`: the order-key guessing limiter records each wrong key presented to the
 *   `consultationReport` query (the one read that writes, on purpose: the count must survive the answer).
 * Sessions are not excluded: nothing writes them per request (no last-seen column); a call that signs in
 * or out is an accepted call. The pending jobs (graphile_worker) are compared like tables.
 */
export const FUZZ_EXCLUDED_TABLES: readonly string[] = [
  'rate_budget',
  'login_attempt',
  'coupon_attempt',
  'order_key_failure',
];

/** Per table, an md5 of all its rows plus the pending jobs: equal fingerprints = nothing changed. */
export function fingerprint(api: TestApi): Promise<Record<string, string>> {
  return fingerprintExcept(api, FUZZ_EXCLUDED_TABLES);
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
export async function othersFingerprint(
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

export { changedTables };
