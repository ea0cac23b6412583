import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../graphql/schema.js';
import { API_KEY_SCOPES, keyAllows, MUTATION_SCOPES, NODE_TYPE_SCOPES, QUERY_SCOPES } from './scopes.js';

describe('API key scope map (the one place scopes are enforced)', () => {
  it('declares a requirement for every Query and Mutation root field, and nothing else', async () => {
    const schema = await createSchema();
    for (const [type, map, file] of [
      [schema.getQueryType(), QUERY_SCOPES, 'QUERY_SCOPES'],
      [schema.getMutationType(), MUTATION_SCOPES, 'MUTATION_SCOPES'],
    ] as const) {
      const fields = Object.keys(type?.getFields() ?? {});
      const missing = fields.filter((f) => !(f in map));
      expect(
        missing,
        `${type?.name} fields without a line in ${file} (src/modules/api-keys/scopes.ts)`,
      ).toEqual([]);
      const stale = Object.keys(map).filter((f) => !fields.includes(f));
      expect(stale, `${file} lines for fields that no longer exist`).toEqual([]);
    }
  });

  it('names only known scopes', () => {
    for (const [field, req] of Object.entries({ ...QUERY_SCOPES, ...MUTATION_SCOPES, ...NODE_TYPE_SCOPES })) {
      expect([...API_KEY_SCOPES, 'none', 'session'], field).toContain(req);
    }
  });

  it('keeps session-only operations away from keys whatever their scopes', () => {
    const all = [...API_KEY_SCOPES];
    for (const f of ['login', 'logout', 'changePassword', 'createApiKey', 'revokeApiKey', 'register']) {
      expect(keyAllows(all, MUTATION_SCOPES[f]), f).toBe(false);
    }
    expect(keyAllows(all, QUERY_SCOPES.apiKeys)).toBe(false);
    expect(keyAllows([], QUERY_SCOPES.products)).toBe(true);
    expect(keyAllows([], QUERY_SCOPES.staffOrders)).toBe(false);
    expect(keyAllows(['orders:read'], QUERY_SCOPES.staffOrders)).toBe(true);
    expect(keyAllows(all, undefined)).toBe(false);
  });
});
