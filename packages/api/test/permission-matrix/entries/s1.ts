import { gid, uid } from '../support.js';
import {
  ADMIN_ONLY,
  type Actor,
  EVERYONE_ALLOWED,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  PLATFORM_STAFF,
  type Target,
  userError,
} from '../types.js';

/**
 * Permission-matrix entries for slice S1 (staff accounts and platform operations). staffA is the OWNER of
 * store A (the demo stores' staff accounts are their owners), so it manages store A's team and profile.
 */

const storeOf = (ctx: MatrixContext, target: Target) =>
  target === 'B' ? ctx.world.storeB : ctx.world.storeA;

/** A fresh non-owner staff account of store A or B (inserted directly; `status` as given). */
async function teamMember(ctx: MatrixContext, target: Target, status: 'ACTIVE' | 'DISABLED' = 'ACTIVE') {
  const email = `team-${uid()}@matrix.example.com`;
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into user_account (email, password_hash, display_name, role, merchant_id, merchant_role, status)
     values ($1, '!invited', 'Matrix staff', 'MERCHANT_STAFF', $2, 'STAFF', $3) returning id`,
    [email, storeOf(ctx, target).id, status],
  );
  return { id: row!.id, gid: gid('User', row!.id), email };
}

/** A fresh store with no orders (disabling store A or B would depend on the other entries' orders). */
async function freshStore(ctx: MatrixContext, status: 'ACTIVE' | 'DISABLED') {
  const handle = `matrix-${uid()}`;
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into merchant (handle, name_en, name_zh, status) values ($1, 'Matrix store', '測試商店', $2) returning id`,
    [handle, status],
  );
  return { id: row!.id, gid: gid('Merchant', row!.id), handle };
}

/** A fresh help article, complete in both languages. */
async function article(ctx: MatrixContext, published: boolean) {
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into help_article (slug, topic, position, title_en, title_zh, summary_en, summary_zh, body_en, body_zh, published)
     values ($1, 'SHOPPING', 99, 'Matrix', '測試', 'Summary', '摘要', 'Body', '內文', $2) returning id`,
    [`matrix-${uid()}`, published],
  );
  return gid('HelpArticle', row!.id);
}

async function statusOf(ctx: MatrixContext, table: 'user_account' | 'merchant', id: number) {
  const [row] = await ctx.api.sql<{ status: string }>(`select status from ${table} where id = $1`, [id]);
  return row?.status;
}

const TEAM_MANAGERS_A: Record<Actor, Outcome> = { ...ADMIN_ONLY, staffA: 'ALLOWED' };
const TEAM_MANAGERS_B: Record<Actor, Outcome> = { ...ADMIN_ONLY, staffA: userError('USER_NOT_FOUND') };

const CREATE_STAFF = `mutation ($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { user { id } userErrors { code } } }`;
const INVITE = `mutation ($input: InviteMerchantStaffInput!) { inviteMerchantStaff(input: $input) { user { id } userErrors { code } } }`;
const DISABLE = `mutation ($id: ID!) { disableAccount(userId: $id) { user { status } userErrors { code } } }`;
const ENABLE = `mutation ($id: ID!) { enableAccount(userId: $id) { user { status } userErrors { code } } }`;
const RESEND = `mutation ($id: ID!) { resendInvitation(userId: $id) { user { email } userErrors { code } } }`;
const ACCEPT = `mutation ($token: String!) { acceptInvitation(token: $token, password: "matrix-passphrase-2026") { email userErrors { code } } }`;
const CREATE_MERCHANT = `mutation ($input: CreateMerchantInput!) { createMerchant(input: $input) { merchant { id } userErrors { code } } }`;
const UPDATE_MERCHANT = `mutation ($id: ID!) { updateMerchant(id: $id, input: { descriptionEn: "Updated by the matrix." }) {
  merchant { id } userErrors { code } } }`;
const DISABLE_MERCHANT = `mutation ($id: ID!) { disableMerchant(id: $id, reason: "Matrix") { merchant { status } userErrors { code } } }`;
const ENABLE_MERCHANT = `mutation ($id: ID!) { enableMerchant(id: $id, reason: "Matrix") { merchant { status } userErrors { code } } }`;
const CREATE_ARTICLE = `mutation ($slug: String!) { createHelpArticle(input: { slug: $slug, topic: ORDERS, titleEn: "Matrix" }) {
  article { id } userErrors { code } } }`;
const UPDATE_ARTICLE = `mutation ($id: ID!) { updateHelpArticle(id: $id, input: { titleEn: "Matrix, edited" }) { article { id } userErrors { code } } }`;
const PUBLISH = `mutation ($id: ID!) { publishHelpArticle(id: $id) { article { published } userErrors { code } } }`;
const UNPUBLISH = `mutation ($id: ID!) { unpublishHelpArticle(id: $id) { article { published } userErrors { code } } }`;
const USERS = `query ($q: String) { staffUsers(first: 100, filter: { query: $q }) { nodes { email } } }`;
const MERCHANTS = `query ($q: String) { staffMerchants(first: 100, filter: { query: $q }) { nodes { handle } } }`;
const MERCHANT = `query ($id: ID!) { staffMerchant(id: $id) { handle stats { teamSize } } }`;
const ARTICLES = `{ staffHelpArticles(first: 100) { nodes { slug } } }`;
const ARTICLE = `query ($id: ID!) { staffHelpArticle(id: $id) { slug } }`;

const teamCases = (query: string, from: 'ACTIVE' | 'DISABLED', to: 'ACTIVE' | 'DISABLED') =>
  (['A', 'B'] as const).map((target) => ({
    target,
    name: `a non-owner staff account of store ${target}`,
    expect: target === 'A' ? TEAM_MANAGERS_A : TEAM_MANAGERS_B,
    // Under a freeze the owner may still lock a team member out (a safety action), but not let anyone in.
    ...(target === 'A'
      ? { frozenA: to === 'DISABLED' ? ('ALLOWED' as const) : userError('MERCHANT_FROZEN') }
      : {}),
    note: 'Admins manage any account; a store owner (staffA) its own store’s non-owner staff; another store’s account does not exist for it.',
    async prepare(ctx: MatrixContext) {
      const member = await teamMember(ctx, target, from);
      return {
        query,
        variables: { id: member.gid },
        async verify() {
          if ((await statusOf(ctx, 'user_account', member.id)) !== to) throw new Error(`account not ${to}`);
        },
      };
    },
  }));

export const s1Entries: MatrixEntry[] = [
  {
    operation: 'createStaffAccount',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        prepare: async () => ({
          query: CREATE_STAFF,
          variables: {
            input: {
              email: `cs-${uid()}@matrix.example.com`,
              displayName: 'Matrix CS',
              role: 'CUSTOMER_SERVICE',
            },
          },
        }),
      },
    ],
  },
  {
    operation: 'inviteMerchantStaff',
    kind: 'mutation',
    cases: [
      {
        target: 'A',
        name: 'to the owner’s own store',
        expect: { ...ADMIN_ONLY, staffA: 'ALLOWED', admin: 'FORBIDDEN' },
        frozenA: userError('MERCHANT_FROZEN'),
        note: 'Only a store owner invites (to their own store); admins use createStaffAccount instead.',
        prepare: async () => ({
          query: INVITE,
          variables: { input: { email: `inv-${uid()}@matrix.example.com`, displayName: 'Matrix invitee' } },
        }),
      },
    ],
  },
  { operation: 'disableAccount', kind: 'mutation', cases: teamCases(DISABLE, 'ACTIVE', 'DISABLED') },
  {
    operation: 'resendInvitation',
    kind: 'mutation',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      name: `an invited staff account of store ${target}`,
      expect: target === 'A' ? TEAM_MANAGERS_A : TEAM_MANAGERS_B,
      ...(target === 'A' ? { frozenA: userError('MERCHANT_FROZEN') } : {}),
      note: 'Admins re-invite any account that has not set its password; a store owner its own staff.',
      async prepare(ctx: MatrixContext) {
        const member = await teamMember(ctx, target);
        return { query: RESEND, variables: { id: member.gid } };
      },
    })),
  },
  { operation: 'enableAccount', kind: 'mutation', cases: teamCases(ENABLE, 'DISABLED', 'ACTIVE') },
  {
    operation: 'acceptInvitation',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        expect: EVERYONE_ALLOWED,
        note: 'The emailed token is the credential; whoever holds it (signed in or not) sets the first password.',
        async prepare(ctx) {
          const email = `acc-${uid()}@matrix.example.com`;
          await ctx.as('admin', CREATE_STAFF, {
            input: { email, displayName: 'Matrix invitee', role: 'CUSTOMER_SERVICE' },
          });
          const [mail] = await ctx.api.sql<{ text: string }>(
            `select text from email_message where "to" = $1 order by id desc limit 1`,
            [email],
          );
          const token = /set-password\?token=([\w-]+)/.exec(mail!.text)![1];
          return { query: ACCEPT, variables: { token } };
        },
      },
    ],
  },
  {
    operation: 'createMerchant',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        prepare: async () => {
          const id = uid();
          return {
            query: CREATE_MERCHANT,
            variables: {
              input: {
                handle: `new-${id}`,
                nameEn: 'Matrix store',
                nameZh: '測試商店',
                ownerEmail: `owner-${id}@matrix.example.com`,
                ownerName: 'Matrix owner',
              },
            },
          };
        },
      },
    ],
  },
  {
    operation: 'updateMerchant',
    kind: 'mutation',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      name: `store ${target}`,
      reusable: true,
      expect: {
        ...ADMIN_ONLY,
        staffA: target === 'A' ? 'ALLOWED' : userError('MERCHANT_NOT_FOUND'),
      } as Record<Actor, Outcome>,
      ...(target === 'A' ? { frozenA: userError('MERCHANT_FROZEN') } : {}),
      note: 'Admins edit any store; its owner (staffA) only their own; customer service only reads stores.',
      prepare: async (ctx: MatrixContext) => ({
        query: UPDATE_MERCHANT,
        variables: { id: storeOf(ctx, target).gid },
      }),
    })),
  },
  {
    operation: 'disableMerchant',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'a store without orders',
        expect: ADMIN_ONLY,
        note: 'A fresh store: disabling store A or B would depend on the open orders other entries leave there.',
        async prepare(ctx) {
          const store = await freshStore(ctx, 'ACTIVE');
          return {
            query: DISABLE_MERCHANT,
            variables: { id: store.gid },
            async verify() {
              if ((await statusOf(ctx, 'merchant', store.id)) !== 'DISABLED')
                throw new Error('store not disabled');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'enableMerchant',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'a disabled store',
        expect: ADMIN_ONLY,
        async prepare(ctx) {
          const store = await freshStore(ctx, 'DISABLED');
          return { query: ENABLE_MERCHANT, variables: { id: store.gid } };
        },
      },
    ],
  },
  {
    operation: 'createHelpArticle',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        prepare: async () => ({ query: CREATE_ARTICLE, variables: { slug: `matrix-${uid()}` } }),
      },
    ],
  },
  {
    operation: 'updateHelpArticle',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        prepare: async (ctx) => ({ query: UPDATE_ARTICLE, variables: { id: await article(ctx, false) } }),
      },
    ],
  },
  {
    operation: 'publishHelpArticle',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        prepare: async (ctx) => ({ query: PUBLISH, variables: { id: await article(ctx, false) } }),
      },
    ],
  },
  {
    operation: 'unpublishHelpArticle',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        prepare: async (ctx) => ({ query: UNPUBLISH, variables: { id: await article(ctx, true) } }),
      },
    ],
  },
  {
    operation: 'staffUsers',
    kind: 'query',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      name: `a staff account of store ${target}`,
      reusable: true,
      expect: { ...ADMIN_ONLY, staffA: target === 'A' ? 'ALLOWED' : 'HIDDEN' } as Record<Actor, Outcome>,
      note: 'Admins list every account; merchant staff their own store’s team; customer service has no use for it.',
      async prepare(ctx: MatrixContext) {
        const member = await teamMember(ctx, target);
        return {
          query: USERS,
          variables: { q: member.email },
          visible: (data: { staffUsers: { nodes: { email: string }[] } }) =>
            data.staffUsers.nodes.some((u) => u.email === member.email),
        };
      },
    })),
  },
  {
    operation: 'staffMerchants',
    kind: 'query',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      name: `store ${target}`,
      reusable: true,
      expect: { ...PLATFORM_STAFF, staffA: target === 'A' ? 'ALLOWED' : 'HIDDEN' } as Record<Actor, Outcome>,
      note: 'Customer service reads stores (to pick them when filtering orders); merchant staff see only their own.',
      prepare: async (ctx: MatrixContext) => {
        const handle = storeOf(ctx, target).handle;
        return {
          query: MERCHANTS,
          variables: { q: handle },
          visible: (data: { staffMerchants: { nodes: { handle: string }[] } }) =>
            data.staffMerchants.nodes.some((m) => m.handle === handle),
        };
      },
    })),
  },
  {
    operation: 'staffMerchant',
    kind: 'query',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      name: `store ${target}`,
      reusable: true,
      expect: { ...PLATFORM_STAFF, staffA: target === 'A' ? 'ALLOWED' : 'NULL' } as Record<Actor, Outcome>,
      prepare: async (ctx: MatrixContext) => ({
        query: MERCHANT,
        variables: { id: storeOf(ctx, target).gid },
      }),
    })),
  },
  {
    operation: 'staffHelpArticles',
    kind: 'query',
    cases: [
      { target: 'none', reusable: true, expect: ADMIN_ONLY, prepare: async () => ({ query: ARTICLES }) },
    ],
  },
  {
    operation: 'staffHelpArticle',
    kind: 'query',
    cases: [
      {
        target: 'none',
        reusable: true,
        expect: ADMIN_ONLY,
        prepare: async (ctx) => ({ query: ARTICLE, variables: { id: await article(ctx, false) } }),
      },
    ],
  },
];
