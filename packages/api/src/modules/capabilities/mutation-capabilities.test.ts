import 'reflect-metadata';
import { ACCOUNT_CAPABILITIES, CAPABILITY_ACTIONS } from '@marketplace/core';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../graphql/schema.js';
import { SIGN_IN_STATUSES } from '../accounts/user.entity.js';
import { restrictionCodeOf } from './capability-guard.js';
import { MUTATION_CAPABILITIES } from './mutation-capabilities.js';

describe('MUTATION_CAPABILITIES (the declarative capability check)', () => {
  it('declares an action for every Mutation field', async () => {
    const schema = await createSchema();
    const fields = Object.keys(schema.getMutationType()?.getFields() ?? {});
    const missing = fields.filter((f) => !(f in MUTATION_CAPABILITIES));
    expect(
      missing,
      'Mutation fields without a line in src/modules/capabilities/mutation-capabilities.ts',
    ).toEqual([]);
    const stale = Object.keys(MUTATION_CAPABILITIES).filter((f) => !fields.includes(f));
    expect(stale, 'lines for Mutation fields that no longer exist').toEqual([]);
  });

  it('names only known actions', () => {
    for (const [field, action] of Object.entries(MUTATION_CAPABILITIES)) {
      expect([...CAPABILITY_ACTIONS, 'none'], field).toContain(action);
    }
  });

  it('store-changing mutations answer a refusal with a typed userError', async () => {
    const schema = await createSchema();
    const fields = schema.getMutationType()?.getFields() ?? {};
    // These payloads say "your standing does not allow this" in their own userErrors.
    const typed = Object.entries(MUTATION_CAPABILITIES)
      .filter(([, a]) => ['listing.edit', 'listing.publish', 'coupon.manage', 'order.process'].includes(a))
      .map(([f]) => f)
      .filter((f) => fields[f] && restrictionCodeOf(fields[f].type) === null);
    expect(typed, 'payloads without ACCOUNT_RESTRICTED / MERCHANT_FROZEN / MERCHANT_RESTRICTED').toEqual([]);
  });

  it('lets exactly the statuses whose capabilities include login sign in', () => {
    const canLogin = Object.entries(ACCOUNT_CAPABILITIES)
      .filter(([, actions]) => actions.includes('login'))
      .map(([s]) => s);
    expect([...SIGN_IN_STATUSES].sort()).toEqual(canLogin.sort());
  });
});
