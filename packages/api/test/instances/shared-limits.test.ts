import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/seed/seeder.js';
import { type Cluster, login, startCluster } from './cluster.js';

/**
 * Issue 9 §3, rate limits: every throttle keeps its state in PostgreSQL, so two instances behind a
 * round-robin balancer enforce ONE limit, not one each. Each check fires its requests at both
 * instances (alternating through the proxy, or all at once) and expects exactly the single-instance
 * allowance. Every test uses its own client address (X-Forwarded-For, which the API trusts from the
 * loopback proxy), so their budgets do not mix.
 */

// A small query budget, restored slowly: a handful of requests exhaust it.
const BUDGET = 100;
const RESTORE_PER_SECOND = 0.01;

let cluster: Cluster;

beforeAll(async () => {
  const env = {
    RATE_LIMIT_MAX_AVAILABLE: String(BUDGET),
    RATE_LIMIT_RESTORE_RATE: String(RESTORE_PER_SECOND),
    JOBS_ENABLED: 'false',
  };
  cluster = await startCluster(inject('testDb'), { instances: [env, env] });
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

interface CostedAnswer {
  status: number;
  errors?: { extensions?: { code?: string } }[];
  extensions?: { cost?: { requestedQueryCost: number; throttleStatus: { currentlyAvailable: number } } };
}

async function query(ip: string): Promise<CostedAnswer> {
  const res = await fetch(`${cluster.proxy.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: '{ categories { id handle } }' }),
  });
  return { status: res.status, ...((await res.json()) as Omit<CostedAnswer, 'status'>) };
}

describe('rate limits are shared by the instances', () => {
  test('query budget: the callers’ bucket is drained by requests to either instance, then THROTTLED on both', async () => {
    const ip = '198.51.100.10';
    const first = await query(ip);
    expect(first.status).toBe(200);
    const cost = first.extensions!.cost!.requestedQueryCost;
    expect(cost).toBeGreaterThan(0);
    const allowance = Math.floor(BUDGET / cost);
    expect(allowance).toBeGreaterThanOrEqual(3);

    const before = [...cluster.proxy.served];
    let allowed = 1;
    let throttled: CostedAnswer | null = null;
    // Twice the single-instance allowance: per-process buckets would let every one of them through.
    for (let i = 1; i < 2 * allowance && !throttled; i++) {
      const res = await query(ip);
      if (res.errors?.[0]?.extensions?.code === 'THROTTLED') throttled = res;
      else allowed += 1;
    }
    expect(allowed).toBe(allowance);
    expect(throttled?.status).toBe(429);
    const served = cluster.proxy.served.map((n, i) => n - before[i]!);
    expect(Math.min(...served)).toBeGreaterThanOrEqual(Math.floor(allowance / 2));
    // The next request, whichever instance takes it, is throttled too.
    for (const instance of cluster.instances) {
      const res = await fetch(`${instance.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ query: '{ categories { id } }' }),
      });
      expect(res.status).toBe(429);
    }
    const [row] = await cluster.sql(`select available from rate_budget where key = $1`, [`ip:${ip}`]);
    expect(Number(row!.available)).toBeLessThan(cost);
  });

  test('login throttle: a burst of wrong passwords at both instances gets exactly 5 checked, then TOO_MANY_ATTEMPTS', async () => {
    // From twelve addresses (each with its own query budget): the per-account limit is what is shared.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login(
          cluster.instances[i % 2]!.url,
          'shopper2@example.com',
          `wrong-password-${i}`,
          `198.51.100.${40 + i}`,
        ),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const codes = results.map((r) => r.userErrors[0]?.code).sort();
    expect(codes).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), ...Array(7).fill('TOO_MANY_ATTEMPTS')]);
    // Even the right password is not checked now, on either instance.
    for (const [i, instance] of cluster.instances.entries()) {
      const right = await login(instance.url, 'shopper2@example.com', DEMO_PASSWORD, `198.51.100.${60 + i}`);
      expect(right.token).toBeNull();
      expect(right.userErrors.map((e) => e.code)).toEqual(['TOO_MANY_ATTEMPTS']);
    }
    const [count] = await cluster.sql(
      `select count(*)::int as n from login_attempt where email = 'shopper2@example.com'`,
    );
    expect(count!.n).toBe(5);
  });

  test('contact form: 5 requests per address and hour in total, however the balancer spreads them', async () => {
    const ip = '198.51.100.30';
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        cluster.gql(
          `mutation ($input: SubmitContactRequestInput!) {
            submitContactRequest(input: $input) { contactRequest { reference } userErrors { code } } }`,
          {
            input: {
              name: 'Lin Mei',
              email: `limits-${i}@example.com`,
              topic: 'OTHER',
              message: `Contact request ${i} through the balancer.`,
            },
          },
          { headers: { 'x-forwarded-for': ip } },
        ),
      ),
    );
    const outcomes = results.map((r) => r.data.submitContactRequest.userErrors[0]?.code ?? 'ACCEPTED').sort();
    expect(outcomes).toEqual([...Array(5).fill('ACCEPTED'), ...Array(3).fill('TOO_MANY_REQUESTS')]);
    const [stored] = await cluster.sql(`select count(*)::int as n from contact_request where ip = $1`, [ip]);
    expect(stored!.n).toBe(5);
  });
});
