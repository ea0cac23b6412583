import 'reflect-metadata';
import { describe, expect } from 'vitest';
import { sessionFor } from '../permission-matrix/support.js';
import { fingerprint } from './fingerprint.js';
import { test } from './harness.js';

/** What the mutation fuzzer found, each pinned by the smallest call that showed it. */

const UPDATE_RULE = `mutation ($input: UpdatePenaltyRuleInput!) {
  updatePenaltyRule(input: $input) { rule { id } userErrors { code } } }`;
const UPDATE_PROFILE = `mutation ($input: UpdateProfileInput!) {
  updateProfile(input: $input) { userErrors { code } } }`;

describe('fuzz findings', () => {
  test('a lone UTF-16 surrogate is refused up front (it was an INTERNAL_SERVER_ERROR in json columns)', async ({
    fuzz,
  }) => {
    const { api } = fuzz.ctx;
    const admin = await sessionFor(api, fuzz.userIds.admin);
    const [rule] = await api.sql<{ id: number; code: string }>(
      'select id, code from penalty_rule order by id limit 1',
    );
    const input = {
      id: Buffer.from(`PenaltyRule:${rule!.id}`).toString('base64url'),
      code: rule!.code,
      titleEn: 'Late shipping',
      titleZh: '延遲出貨',
      descriptionEn: 'Shipped late.',
      // Found by the fuzzer: '\ud800' alone, written to the audit log's json column.
      descriptionZh: '\ud800',
      active: true,
    };
    const before = await fingerprint(api);
    const res = await api.gql(UPDATE_RULE, { input }, { token: admin });
    expect(res.status).toBe(400);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.message).toBe('Text must be valid Unicode without NUL characters.');
    expect(await fingerprint(api)).toEqual(before);
    expect(api.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });

  test('lone surrogates and NUL are refused in any variable or string literal; real emoji pairs are fine', async ({
    fuzz,
  }) => {
    const { api } = fuzz.ctx;
    const token = await sessionFor(api, fuzz.userIds.shopper);
    const before = await fingerprint(api);
    for (const displayName of ['Mei\udc00', '\ud83dMei', 'Mei\u0000Lin']) {
      const res = await api.gql(UPDATE_PROFILE, { input: { displayName } }, { token });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(displayName)).toBe('BAD_USER_INPUT');
    }
    const literal = await api.gql(
      'mutation { updateProfile(input: { displayName: "Mei\\u0000Lin" }) { userErrors { code } } }',
      {},
      { token },
    );
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await fingerprint(api)).toEqual(before);

    const ok = await api.gql(UPDATE_PROFILE, { input: { displayName: 'Mei 😀🇹🇼' } }, { token });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateProfile.userErrors).toEqual([]);
    const [row] = await api.sql('select display_name from user_account where id = $1', [
      fuzz.userIds.shopper,
    ]);
    expect(row.display_name).toBe('Mei 😀🇹🇼');
  });
});
