import { randomBytes } from 'node:crypto';
import type { TestApi } from '../../../test/harness.js';

/** Helpers for the accounts tests (not a test file itself). */

export const REGISTER = `
  mutation ($input: RegisterInput!) {
    register(input: $input) {
      token
      viewer { id email displayName role locale emailVerified phone }
      userErrors { code field message }
    }
  }`;

export const LOGIN = `
  mutation ($input: LoginInput!) {
    login(input: $input) { token viewer { email } userErrors { code field message retryAfterSeconds } }
  }`;

/** A fresh address nobody has used in this database. */
export const uniqueEmail = (prefix = 'new') => `${prefix}-${randomBytes(4).toString('hex')}@example.com`;

export const GOOD_PASSWORD = 'a long unusual passphrase';

/** Registers a shopper and returns its email, bearer token and global id. */
export async function registerShopper(
  api: TestApi,
  input: Partial<{ email: string; password: string; displayName: string; locale: 'EN' | 'ZH_TW' }> = {},
) {
  const email = input.email ?? uniqueEmail();
  const res = await api.gql(REGISTER, {
    input: { email, password: GOOD_PASSWORD, displayName: 'New Shopper', ...input },
  });
  if (!res.data?.register?.token)
    throw new Error(`register failed: ${JSON.stringify(res.data ?? res.errors)}`);
  return { email, token: res.data.register.token as string, id: res.data.register.viewer.id as string };
}

export type MailRow = {
  id: number;
  to: string;
  template: string;
  subject: string;
  text: string;
  locale: string;
};

/** Emails of a template to an address, oldest first, waiting up to `timeoutMs` for at least `atLeast` of them. */
export async function emailsTo(api: TestApi, to: string, template: string, atLeast = 1, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await api.sql<MailRow>(
      `select id, "to", template, subject, text, locale from email_message where "to" = $1 and template = $2 order by id`,
      [to, template],
    );
    if (rows.length >= atLeast || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The token of the link in an email's text. */
export function tokenFrom(text: string, path: '/verify-email' | '/reset-password'): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(match[1]);
}

/** Waits until no job of this task is pending (the queue has run it). */
export async function jobsDone(api: TestApi, task: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await api.sql<{ n: number }>(
      `select count(*)::int as n from graphile_worker.jobs where task_identifier = $1`,
      [task],
    );
    if (row?.n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`jobs of ${task} still pending`);
}
