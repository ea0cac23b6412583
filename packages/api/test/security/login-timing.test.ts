import { randomBytes } from 'node:crypto';
import {
  GOOD_PASSWORD,
  LOGIN,
  registerShopper,
  uniqueEmail,
} from '../../src/modules/accounts/accounts.testing.js';
import { hashPassword, verifyPassword } from '../../src/modules/accounts/password.js';
import { describe, expect, test } from '../fixtures.js';
import { vi } from 'vitest';
import type { TestApi } from '../harness.js';

/**
 * A failed sign-in must not tell, by its answer or its duration, whether the address has an account, has
 * one that has not accepted its invitation yet (no password: `!invited` is stored), or the password was
 * wrong. Every case runs one argon2 verification.
 */

/** The hashes argon2 verified against (the library wrapped, not replaced). */
const argon2Verifications = vi.hoisted(() => [] as string[]);
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...actual,
    verify: (hashed: string | Uint8Array, ...rest: unknown[]) => {
      argon2Verifications.push(String(hashed));
      return (actual.verify as (...args: unknown[]) => Promise<boolean>)(hashed, ...rest);
    },
  };
});

/** What an invited account stores instead of a hash (NO_PASSWORD_YET in platform-admin/staff-accounts.service.ts). */
const NO_PASSWORD_YET = '!invited';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timedLogin(api: TestApi, email: string, password: string) {
  const started = performance.now();
  const res = await api.gql(
    LOGIN,
    { input: { email, password } },
    { headers: { 'x-forwarded-for': `10.8.${randomBytes(1)[0]}.${randomBytes(1)[0]}` } },
  );
  return {
    ms: performance.now() - started,
    codes: res.data.login.userErrors.map((e: { code: string }) => e.code),
  };
}

describe('failed sign-in timing', () => {
  test('verifyPassword runs one argon2 verification for a missing hash and for the invitation marker', async () => {
    const real = await hashPassword(GOOD_PASSWORD);
    for (const stored of [real, NO_PASSWORD_YET, null]) {
      argon2Verifications.length = 0;
      expect(await verifyPassword(stored, 'a wrong guess here')).toBe(false);
      // Exactly the work of a wrong password: one verification against a real argon2id hash.
      expect(argon2Verifications).toHaveLength(1);
      expect(argon2Verifications[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
    expect(await verifyPassword(real, GOOD_PASSWORD)).toBe(true);
  });

  test('an invited account, an unknown address and a wrong password answer alike and take as long', async ({
    api,
  }) => {
    const active = await registerShopper(api);
    const invited = [];
    for (let i = 0; i < 5; i++) {
      const { email } = await registerShopper(api);
      await api.sql('update user_account set password_hash = $1 where email = $2', [NO_PASSWORD_YET, email]);
      invited.push(email);
    }
    const samples = { wrong: [] as number[], invited: [] as number[], unknown: [] as number[] };
    // Interleaved rounds (5: the account's throttle allows 5 failures), so load affects every kind alike.
    for (let i = 0; i < 5; i++) {
      const wrong = await timedLogin(api, active.email, `wrong guess ${i}`);
      const inv = await timedLogin(api, invited[i]!, `any guess ${i}`);
      const unknown = await timedLogin(api, uniqueEmail('nobody'), `any guess ${i}`);
      for (const r of [wrong, inv, unknown]) expect(r.codes).toEqual(['INVALID_CREDENTIALS']);
      samples.wrong.push(wrong.ms);
      samples.invited.push(inv.ms);
      samples.unknown.push(unknown.ms);
    }
    // Without the dummy verification these answer in a small fraction of the time; the margin leaves room
    // for a loaded machine (the exact work is asserted above).
    expect(median(samples.invited)).toBeGreaterThan(median(samples.wrong) * 0.3);
    expect(median(samples.unknown)).toBeGreaterThan(median(samples.wrong) * 0.3);
  });
});
