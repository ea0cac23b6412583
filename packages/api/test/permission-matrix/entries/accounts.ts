import { createHash, randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../../../src/modules/seed/seeder.js';
import { ACTOR_EMAILS } from '../runner.js';
import { otherShopper, standIns, uid } from '../support.js';
import { EVERYONE_ALLOWED, type MatrixContext, type MatrixEntry, SIGNED_IN } from '../types.js';

/**
 * Accounts. `login`, `register`, `requestPasswordReset`, `resetPassword`, `verifyEmail` and `logout` are public:
 * they act on the account named by their arguments (email + password, or an emailed single-use token, which is the
 * credential), not on the caller's, so every actor may call them. The rest act on the caller's own account:
 * any signed-in role, the guest gets UNAUTHENTICATED. Calls that end sessions or change passwords, locales or
 * profiles run on stand-ins (throwaway accounts of the same role) so the matrix's shared sessions survive.
 */

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const NEW_PASSWORD = 'matrix-Pass-2026!x';

/** A fresh shopper with an unused emailed token of this purpose. */
async function emailedToken(ctx: MatrixContext, purpose: 'RESET_PASSWORD' | 'VERIFY_EMAIL') {
  const shopper = await otherShopper(ctx);
  if (purpose === 'VERIFY_EMAIL') {
    await ctx.api.sql('update user_account set email_verified_at = null where id = $1', [shopper.userId]);
  }
  const token = randomBytes(32).toString('base64url');
  await ctx.api.sql(
    `insert into account_token (user_id, purpose, token_hash, expires_at) values ($1, $2, $3, now() + interval '1 hour')`,
    [shopper.userId, purpose, hash(token)],
  );
  const [row] = await ctx.api.sql('select password_hash from user_account where id = $1', [shopper.userId]);
  return { token, userId: shopper.userId, passwordHash: row!.password_hash as string };
}

async function userRow(ctx: MatrixContext, email: string) {
  const [row] = await ctx.api.sql<{
    password_hash: string;
    locale: string;
    display_name: string;
    email_verified_at: Date | null;
  }>('select password_hash, locale, display_name, email_verified_at from user_account where email = $1', [
    email,
  ]);
  return row!;
}

export const accountsEntries: MatrixEntry[] = [
  {
    operation: 'login',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'with the own email and password (the guest as the shopper)',
        expect: EVERYONE_ALLOWED,
        reusable: true,
        prepare: async () => ({
          query: 'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
          variables: (actor) => ({
            input: {
              email: actor === 'guest' ? ACTOR_EMAILS.shopper : ACTOR_EMAILS[actor],
              password: DEMO_PASSWORD,
            },
          }),
          verify(res) {
            if (!res.data.login.token) throw new Error('no session token');
          },
        }),
      },
    ],
  },
  {
    operation: 'register',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'a new shopper account',
        expect: EVERYONE_ALLOWED,
        reusable: true,
        async prepare(ctx) {
          let email = '';
          return {
            query:
              'mutation ($input: RegisterInput!) { register(input: $input) { token userErrors { code } } }',
            variables: () => {
              email = `matrix-new-${uid()}@example.com`;
              return { input: { email, password: NEW_PASSWORD, displayName: 'Matrix Newcomer' } };
            },
            async verify() {
              const [row] = await ctx.api.sql('select role from user_account where email = $1', [email]);
              if (row?.role !== 'SHOPPER') throw new Error(`registered role ${row?.role}`);
            },
          };
        },
      },
    ],
  },
  {
    operation: 'logout',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'the own session (stand-ins)',
        expect: EVERYONE_ALLOWED,
        async prepare(ctx) {
          const { tokens } = await standIns(ctx);
          return {
            query: 'mutation { logout { loggedOut } }',
            tokens,
            async verify(_res, actor) {
              if (actor === 'guest') return;
              const [row] = await ctx.api.sql('select revoked_at from session where token_hash = $1', [
                hash(tokens[actor]!),
              ]);
              if (row && !row.revoked_at) throw new Error('session still valid');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'changePassword',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'the own password (stand-ins)',
        expect: SIGNED_IN,
        async prepare(ctx) {
          const { tokens, emails } = await standIns(ctx);
          const before = new Map<string, string>();
          for (const email of Object.values(emails))
            before.set(email!, (await userRow(ctx, email!)).password_hash);
          return {
            query: `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) {
              userErrors { code } } }`,
            variables: { c: DEMO_PASSWORD, n: NEW_PASSWORD },
            tokens,
            async verify(_res, actor) {
              const email = emails[actor]!;
              if ((await userRow(ctx, email)).password_hash === before.get(email))
                throw new Error('password unchanged');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'requestPasswordReset',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: "for another shopper's address (same answer for any address)",
        expect: EVERYONE_ALLOWED,
        async prepare(ctx) {
          const other = await otherShopper(ctx);
          return {
            query:
              'mutation ($e: String!) { requestPasswordReset(email: $e) { requested userErrors { code } } }',
            variables: { e: other.email },
          };
        },
      },
    ],
  },
  {
    operation: 'resetPassword',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'with an emailed reset token (the token is the credential)',
        expect: EVERYONE_ALLOWED,
        async prepare(ctx) {
          const t = await emailedToken(ctx, 'RESET_PASSWORD');
          return {
            query:
              'mutation ($t: String!, $n: String!) { resetPassword(token: $t, newPassword: $n) { passwordReset userErrors { code } } }',
            variables: { t: t.token, n: NEW_PASSWORD },
            async verify() {
              const [row] = await ctx.api.sql('select password_hash from user_account where id = $1', [
                t.userId,
              ]);
              if (row?.password_hash === t.passwordHash) throw new Error('password unchanged');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'verifyEmail',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'with an emailed verification token (the token is the credential)',
        expect: EVERYONE_ALLOWED,
        async prepare(ctx) {
          const t = await emailedToken(ctx, 'VERIFY_EMAIL');
          return {
            query: 'mutation ($t: String!) { verifyEmail(token: $t) { emailVerified userErrors { code } } }',
            variables: { t: t.token },
            async verify() {
              const [row] = await ctx.api.sql('select email_verified_at from user_account where id = $1', [
                t.userId,
              ]);
              if (!row?.email_verified_at) throw new Error('not verified');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'resendVerificationEmail',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'for the own unverified address (stand-ins)',
        expect: SIGNED_IN,
        async prepare(ctx) {
          const { tokens, emails } = await standIns(ctx);
          await ctx.api.sql('update user_account set email_verified_at = null where email = any($1)', [
            Object.values(emails),
          ]);
          return {
            query: 'mutation { resendVerificationEmail { sent userErrors { code } } }',
            tokens,
            async verify(_res, actor) {
              const rows = await ctx.api.sql('select 1 from email_message where "to" = $1', [emails[actor]]);
              if (rows.length === 0) throw new Error('no email queued');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'setPreferredLocale',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'the own language (stand-ins)',
        expect: SIGNED_IN,
        async prepare(ctx) {
          const { tokens, emails } = await standIns(ctx);
          return {
            query: 'mutation ($l: Locale!) { setPreferredLocale(locale: $l) { userErrors { code } } }',
            variables: { l: 'ZH_TW' },
            tokens,
            async verify(_res, actor) {
              const { locale } = await userRow(ctx, emails[actor]!);
              if (locale !== 'zh-TW') throw new Error(`locale is ${locale}`);
            },
          };
        },
      },
    ],
  },
  {
    operation: 'updateProfile',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'the own profile (stand-ins)',
        expect: SIGNED_IN,
        async prepare(ctx) {
          const { tokens, emails } = await standIns(ctx);
          return {
            query:
              'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { userErrors { code } } }',
            variables: { input: { displayName: 'Renamed by matrix' } },
            tokens,
            async verify(_res, actor) {
              const { display_name: name } = await userRow(ctx, emails[actor]!);
              if (name !== 'Renamed by matrix') throw new Error(`name is ${name}`);
            },
          };
        },
      },
    ],
  },
];
