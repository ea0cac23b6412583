import { inject } from 'vitest';
import { startSandbox } from '../../../gateway-sandbox/src/sandbox.js';
import { paymentsConfigFor } from '../../src/modules/payments/payments.test-support.js';
import { DEMO_PASSWORD } from '../../src/modules/seed/seeder.js';
import { test as base, describe, expect } from '../fixtures.js';
import { type GqlResponse, startTestApi, type TestApi } from '../harness.js';
import {
  ACTORS,
  type Actor,
  type MatrixCase,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  type Prepared,
  storeACase,
  type World,
} from './types.js';

/** The fixed cast (demo accounts, password `demo-pass-2026`). */
export const ACTOR_EMAILS: Record<Exclude<Actor, 'guest'>, string> = {
  shopper: 'shopper@example.com',
  staffA: 'staff@formosa-roasters.example.com',
  support: 'support@example.com',
  admin: 'admin@example.com',
};
export const STORE_A = 'formosa-roasters';
export const STORE_B = 'lane-nine-design';

/**
 * Tables left out of the fingerprint, each with its reason. The matrix API runs without the job worker and the
 * sandbox sends it no webhooks, so only the calls change the database, and requests do not touch session rows.
 * Add a table here only for bookkeeping every request (refused or not) legitimately writes, and say why:
 * - `rate_budget`: the API's query-cost rate limiter spends from the caller's bucket on every request
 *   (src/graphql/limits); it is the request's cost accounting, not data the operation changed.
 */
export const FINGERPRINT_EXCLUDED: readonly string[] = ['rate_budget'];

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

/**
 * `api`: a test API over its own copy of the seeded database, wired to a gateway sandbox, WITHOUT the job
 * worker (nothing changes the database behind the matrix's back); `matrix`: the logged-in actors and the world.
 */
export const test = base
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
  .extend('sandbox', { scope: 'file' }, async ({}, { onCleanup }) => {
    // No webhook URL: the sandbox sends the API nothing asynchronous.
    const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    onCleanup(() => sandbox.stop());
    return sandbox;
  })
  .extend('api', { scope: 'file' }, async ({ sandbox }, { onCleanup }) => {
    const payments = paymentsConfigFor(sandbox);
    payments.paypal.webhookId ||= 'unused-by-the-matrix';
    const api = await startTestApi(inject('testDb'), { payments, jobsEnabled: false });
    onCleanup(() => api.stop());
    return api;
  })
  .extend('matrix', { scope: 'file' }, async ({ api, sandbox }) => {
    const tokens: Record<Actor, string | null> = {
      guest: null,
      shopper: null,
      staffA: null,
      support: null,
      admin: null,
    };
    for (const [actor, email] of Object.entries(ACTOR_EMAILS) as [Actor, string][]) {
      const res = await api.gql(
        'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
        { input: { email, password: DEMO_PASSWORD } },
      );
      const token = res.data?.login?.token;
      if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors ?? res.data)}`);
      tokens[actor] = token;
    }
    const world = await loadWorld(api);
    const ctx: MatrixContext = {
      api,
      sandbox,
      world,
      token: (actor) => tokens[actor],
      async as(actor, query, variables) {
        const res = await api.gql(query, variables, { token: tokens[actor] });
        if (res.errors) throw new Error(`as ${actor}: ${JSON.stringify(res.errors)}`);
        return res.data;
      },
    };
    return ctx;
  });

async function loadWorld(api: TestApi): Promise<World> {
  const stores = await api.sql<{ id: number; handle: string }>(
    'select id, handle from merchant where handle = any($1)',
    [[STORE_A, STORE_B]],
  );
  const store = (handle: string) => {
    const row = stores.find((s) => s.handle === handle);
    if (!row) throw new Error(`no merchant ${handle}`);
    return { id: row.id, gid: gid('Merchant', row.id), handle };
  };
  const emails = { ...ACTOR_EMAILS, shopper2: 'shopper2@example.com' };
  const rows = await api.sql<{ id: number; email: string }>(
    'select id, email from user_account where email = any($1)',
    [Object.values(emails)],
  );
  const users = { guest: null } as World['users'];
  for (const [key, email] of Object.entries(emails)) {
    const row = rows.find((r) => r.email === email);
    if (!row) throw new Error(`no account ${email}`);
    users[key as keyof World['users']] = { id: row.id, email };
  }
  return { storeA: store(STORE_A), storeB: store(STORE_B), users };
}

const tableLists = new Map<readonly string[], string[]>();

/** Per table, an md5 of all its rows (plus the pending jobs): equal fingerprints = nothing changed. */
export function fingerprint(api: TestApi): Promise<Record<string, string>> {
  return fingerprintExcept(api, FINGERPRINT_EXCLUDED);
}

/** The same over every table but `excluded` (the fuzz tests leave out more bookkeeping tables). */
export async function fingerprintExcept(
  api: TestApi,
  excluded: readonly string[],
): Promise<Record<string, string>> {
  let tables = tableLists.get(excluded);
  if (!tables) {
    tables = (
      await api.sql<{ name: string }>(
        `select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
      )
    )
      .map((r) => r.name)
      .filter((name) => !excluded.includes(name));
    tableLists.set(excluded, tables);
  }
  const parts = tables.map(
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

/** The tables whose fingerprints differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}

const describeOutcome = (o: Outcome) => (typeof o === 'string' ? o : `userError ${o.userError}`);

/** What actually came back, in the vocabulary of `Outcome`, for the failure messages. */
function actualOutcome(res: GqlResponse, operation: string, prepared: Prepared): string {
  if (res.errors?.length) {
    const codes = res.errors.map((e) => e.extensions?.code ?? 'NO_CODE').join(',');
    return `top-level ${codes}: ${res.errors[0]!.message}`;
  }
  const root = res.data?.[operation];
  if (root === null || root === undefined) return 'NULL';
  const codes = userErrorCodes(root);
  if (codes.length) return `userErrors ${codes.join(',')}`;
  if (prepared.visible && !prepared.visible(res.data)) return 'HIDDEN';
  return 'ALLOWED';
}

function userErrorCodes(root: unknown): string[] {
  if (root && typeof root === 'object' && Array.isArray((root as { userErrors?: unknown }).userErrors)) {
    return (root as { userErrors: { code: string }[] }).userErrors.map((e) => e.code);
  }
  return [];
}

function matches(res: GqlResponse, operation: string, prepared: Prepared, outcome: Outcome): boolean {
  const code = res.errors?.[0]?.extensions?.code;
  if (outcome === 'UNAUTHENTICATED' || outcome === 'FORBIDDEN') return code === outcome;
  if (res.errors?.length) return false;
  const root = res.data?.[operation];
  if (outcome === 'NULL') return root === null;
  if (outcome === 'HIDDEN') {
    if (!prepared.visible) throw new Error(`${operation}: HIDDEN needs a visible() in prepare`);
    return root !== null && root !== undefined && !prepared.visible(res.data);
  }
  if (outcome === 'ALLOWED') {
    if (root === null || root === undefined || userErrorCodes(root).length) return false;
    return prepared.visible ? prepared.visible(res.data) : true;
  }
  return userErrorCodes(root).includes(outcome.userError);
}

async function call(ctx: MatrixContext, prepared: Prepared, actor: Actor): Promise<GqlResponse> {
  const variables = typeof prepared.variables === 'function' ? prepared.variables(actor) : prepared.variables;
  const token = prepared.tokens && actor in prepared.tokens ? prepared.tokens[actor] : ctx.token(actor);
  return ctx.api.gql(prepared.query, variables, { token });
}

/**
 * Runs one case as every actor: refusals first on one set of prepared objects (each with a fingerprint
 * before/after), then the allowed actors (fresh objects for each further one unless `reusable`).
 * Collects every mismatch and fails once, listing them all.
 */
export async function runCase(ctx: MatrixContext, entry: MatrixEntry, c: MatrixCase): Promise<void> {
  const missing = ACTORS.filter((a) => !(a in c.expect));
  if (missing.length) throw new Error(`${entry.operation}: no expectation for ${missing.join(', ')}`);
  const failures: string[] = [];
  const refused = ACTORS.filter((a) => c.expect[a] !== 'ALLOWED');
  const allowed = ACTORS.filter((a) => c.expect[a] === 'ALLOWED');

  let prepared: Prepared | null = await c.prepare(ctx);
  for (const actor of refused) {
    const outcome = c.expect[actor];
    const before = await fingerprint(ctx.api);
    const res = await call(ctx, prepared, actor);
    const after = await fingerprint(ctx.api);
    if (!matches(res, entry.operation, prepared, outcome)) {
      failures.push(
        `${actor}: expected ${describeOutcome(outcome)}, got ${actualOutcome(res, entry.operation, prepared)}`,
      );
    }
    const changed = changedTables(before, after);
    if (changed.length) failures.push(`${actor}: refused but changed ${changed.join(', ')}`);
  }
  for (const actor of allowed) {
    if (!prepared) prepared = await c.prepare(ctx);
    // A query changes nothing, even when allowed.
    const before = entry.kind === 'query' ? await fingerprint(ctx.api) : null;
    const res = await call(ctx, prepared, actor);
    if (before) {
      const changed = changedTables(before, await fingerprint(ctx.api));
      if (changed.length) failures.push(`${actor}: a query changed ${changed.join(', ')}`);
    }
    if (!matches(res, entry.operation, prepared, 'ALLOWED')) {
      failures.push(`${actor}: expected ALLOWED, got ${actualOutcome(res, entry.operation, prepared)}`);
    } else if (prepared.verify) {
      try {
        await prepared.verify(res, actor);
      } catch (error) {
        failures.push(`${actor}: allowed, but ${(error as Error).message}`);
      }
    }
    if (!c.reusable) prepared = null;
  }
  expect(failures, `${entry.operation} (${caseTitle(c)})`).toEqual([]);
}

/** staffA's expected outcome with store A under safe freeze, if the case has that check. */
export function frozenOutcome(entry: MatrixEntry, c: MatrixCase): Outcome | undefined {
  return c.frozenA ?? (entry.kind === 'query' && storeACase(c) ? 'ALLOWED' : undefined);
}

/** staffA's call on fresh objects while store A is SAFE_FROZEN; the status is restored afterwards. */
export async function runFrozenCase(
  ctx: MatrixContext,
  entry: MatrixEntry,
  c: MatrixCase,
  outcome: Outcome,
): Promise<void> {
  const failures: string[] = [];
  const prepared = await c.prepare(ctx);
  const [{ status }] = await ctx.api.sql('select status from merchant where id = $1', [ctx.world.storeA.id]);
  await ctx.api.sql(`update merchant set status = 'SAFE_FROZEN' where id = $1`, [ctx.world.storeA.id]);
  try {
    const before = await fingerprint(ctx.api);
    const res = await call(ctx, prepared, 'staffA');
    const after = await fingerprint(ctx.api);
    if (!matches(res, entry.operation, prepared, outcome)) {
      failures.push(
        `staffA with store A SAFE_FROZEN: expected ${describeOutcome(outcome)}, got ${actualOutcome(res, entry.operation, prepared)}`,
      );
    }
    const changed = changedTables(before, after);
    if ((outcome !== 'ALLOWED' || entry.kind === 'query') && changed.length) {
      failures.push(`staffA with store A SAFE_FROZEN: refused but changed ${changed.join(', ')}`);
    }
  } finally {
    await ctx.api.sql('update merchant set status = $2 where id = $1', [ctx.world.storeA.id, status]);
  }
  expect(failures, `${entry.operation} (${caseTitle(c)}, store A safe-frozen)`).toEqual([]);
}

export function caseTitle(c: MatrixCase): string {
  const target = c.target === 'none' ? 'no target' : `target ${c.target}`;
  return c.name ? `${target}: ${c.name}` : target;
}

/** Declares one test per case of every entry (the entries of one group share the file's database). */
export function runMatrix(entries: MatrixEntry[]): void {
  if (!entries.length) test.skip('no entries in this group yet', () => undefined);
  for (const entry of entries) {
    describe(`${entry.kind} ${entry.operation}`, () => {
      for (const c of entry.cases) {
        test(caseTitle(c), async ({ matrix }) => {
          await runCase(matrix, entry, c);
        });
        const frozen = frozenOutcome(entry, c);
        if (frozen === undefined) continue;
        // A known gap is declared with its reason: the test passes while the gap is there and fails (asking
        // for the marker's removal) once the API is fixed.
        const declare = c.frozenGap ? test.fails : test;
        const title = `${caseTitle(c)} — store A safe-frozen${c.frozenGap ? ` (KNOWN GAP: ${c.frozenGap})` : ''}`;
        declare(title, async ({ matrix }) => {
          await runFrozenCase(matrix, entry, c, frozen);
        });
      }
    });
  }
}
