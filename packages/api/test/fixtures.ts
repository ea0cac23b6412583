import { inject, test as base } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/seed/seeder.js';
import { startTestApi, type TestApi } from './harness.js';

/**
 * `api`: one API server over its own copy of the seeded database per test file.
 * `login(email)`: a bearer token for a demo account.
 */
export const test = base.extend<{ api: TestApi; login: (email: string) => Promise<string> }>({
  api: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
    async ({}, use) => {
      const api = await startTestApi(inject('testDb'));
      await use(api);
      await api.stop();
    },
    { scope: 'file' },
  ],
  login: async ({ api }, use) => {
    await use(async (email: string) => {
      const res = await api.gql<{ login: { token: string | null } }>(
        'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
        { input: { email, password: DEMO_PASSWORD } },
      );
      if (!res.data.login.token) throw new Error(`login failed for ${email}`);
      return res.data.login.token;
    });
  },
});

export { describe, expect } from 'vitest';
