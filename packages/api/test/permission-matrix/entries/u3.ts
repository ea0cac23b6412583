import { randomBytes } from 'node:crypto';
import { gid } from '../support.js';
import {
  type Actor,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  type Target,
  userError,
} from '../types.js';

/**
 * Permission-matrix entries for slice U3 (webhooks, issue 7), see ../README.md. A store's subscriptions belong
 * to its merchant staff; platform-wide ones (target 'none') to admins; anyone else is answered NOT_FOUND / null.
 */

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { subscription { id } secret userErrors { code } } }`;
const UPDATE = `mutation ($input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(input: $input) { subscription { id active } userErrors { code } } }`;
const DELETE = `mutation ($input: DeleteWebhookSubscriptionInput!) {
  deleteWebhookSubscription(input: $input) { deletedSubscriptionId userErrors { code } } }`;
const REPLAY = `mutation ($input: ReplayWebhookDeliveryInput!) {
  replayWebhookDelivery(input: $input) { delivery { id } userErrors { code } } }`;
const LIST = 'query { webhookSubscriptions(first: 100) { nodes { id } } }';
const ONE = 'query ($id: ID!) { webhookSubscription(id: $id) { id } }';
const DELIVERIES = 'query ($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 10) { nodes { id } } }';

/** A subscription of store A or B, or a platform-wide one ('none'), with one FAILED delivery; arranged in SQL. */
async function subscriptionIn(ctx: MatrixContext, target: Target) {
  const merchantId = target === 'A' ? ctx.world.storeA.id : target === 'B' ? ctx.world.storeB.id : null;
  const [sub] = await ctx.api.sql<{ id: number }>(
    `insert into webhook_subscription (merchant_id, url, events, secret)
     values ($1, 'https://hooks.example.com/matrix', '["order.paid"]', $2) returning id`,
    [merchantId, `whsec_${randomBytes(24).toString('hex')}`],
  );
  const [event] = await ctx.api.sql<{ id: number }>(
    `insert into webhook_event (public_id, type, merchant_id, payload)
     values ($1, 'order.paid', $2, '{}') returning id`,
    [`evt_${randomBytes(12).toString('hex')}`, merchantId],
  );
  const [delivery] = await ctx.api.sql<{ id: number }>(
    `insert into webhook_delivery (subscription_id, event_id, state, attempt_count, attempts)
     values ($1, $2, 'FAILED', 1, '[{"attempt":1,"at":"2026-11-22T00:00:00.000Z","statusCode":500,"durationMs":5,"error":null}]')
     returning id`,
    [sub!.id, event!.id],
  );
  return {
    dbId: sub!.id,
    id: gid('WebhookSubscription', sub!.id),
    deliveryDbId: delivery!.id,
    deliveryId: gid('WebhookDelivery', delivery!.id),
  };
}

/** Who owns a target's subscription: store A's staff, nobody among the actors (B), or admins (platform). */
function owned(target: Target, refusal: Outcome): Record<Actor, Outcome> {
  return {
    guest: 'UNAUTHENTICATED',
    shopper: 'FORBIDDEN',
    staffA: target === 'A' ? 'ALLOWED' : refusal,
    support: 'FORBIDDEN',
    admin: target === 'none' ? 'ALLOWED' : refusal,
  };
}

const TARGETS: Target[] = ['A', 'B', 'none'];

export const u3Entries: MatrixEntry[] = [
  {
    operation: 'createWebhookSubscription',
    kind: 'mutation',
    cases: [
      {
        // Merchant staff for their store's events; admins for platform-wide ones.
        target: 'none',
        prepare: async (ctx) => ({
          query: CREATE,
          variables: { input: { url: 'https://hooks.example.com/new', events: ['ORDER_PAID'] } },
          async verify(res) {
            const { subscription, secret } = res.data.createWebhookSubscription;
            if (!/^whsec_/.test(secret)) throw new Error('no secret in the payload');
            const rows = await ctx.api.sql('select secret from webhook_subscription where secret = $1', [
              secret,
            ]);
            if (rows.length !== 1 || !subscription) throw new Error('no webhook_subscription row');
          },
        }),
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: 'FORBIDDEN',
          staffA: 'ALLOWED',
          support: 'FORBIDDEN',
          admin: 'ALLOWED',
        },
        frozenA: userError('ACCOUNT_RESTRICTED'),
      },
    ],
  },
  {
    operation: 'updateWebhookSubscription',
    kind: 'mutation',
    cases: TARGETS.map((target) => ({
      target,
      async prepare(ctx: MatrixContext) {
        const sub = await subscriptionIn(ctx, target);
        return {
          query: UPDATE,
          variables: { input: { subscriptionId: sub.id, active: false } },
          async verify() {
            const [row] = await ctx.api.sql('select active from webhook_subscription where id = $1', [
              sub.dbId,
            ]);
            if (row?.active !== false) throw new Error('not disabled');
          },
        };
      },
      expect: owned(target, userError('NOT_FOUND')),
      ...(target === 'A' ? { frozenA: userError('ACCOUNT_RESTRICTED') } : {}),
    })),
  },
  {
    operation: 'deleteWebhookSubscription',
    kind: 'mutation',
    cases: TARGETS.map((target) => ({
      target,
      async prepare(ctx: MatrixContext) {
        const sub = await subscriptionIn(ctx, target);
        return {
          query: DELETE,
          variables: { input: { subscriptionId: sub.id } },
          async verify() {
            const rows = await ctx.api.sql('select id from webhook_subscription where id = $1', [sub.dbId]);
            if (rows.length !== 0) throw new Error('not deleted');
          },
        };
      },
      expect: owned(target, userError('NOT_FOUND')),
      ...(target === 'A' ? { frozenA: userError('ACCOUNT_RESTRICTED') } : {}),
    })),
  },
  {
    operation: 'replayWebhookDelivery',
    kind: 'mutation',
    cases: TARGETS.map((target) => ({
      target,
      async prepare(ctx: MatrixContext) {
        const sub = await subscriptionIn(ctx, target);
        return {
          query: REPLAY,
          variables: { input: { deliveryId: sub.deliveryId } },
          async verify() {
            const rows = await ctx.api.sql('select state from webhook_delivery where replay_of_id = $1', [
              sub.deliveryDbId,
            ]);
            if (rows.length !== 1 || rows[0].state !== 'PENDING') throw new Error('no replay delivery');
          },
        };
      },
      expect: owned(target, userError('NOT_FOUND')),
      ...(target === 'A' ? { frozenA: userError('ACCOUNT_RESTRICTED') } : {}),
    })),
  },
  {
    operation: 'webhookSubscriptions',
    kind: 'query',
    cases: TARGETS.map((target) => ({
      target,
      reusable: true,
      async prepare(ctx: MatrixContext) {
        const sub = await subscriptionIn(ctx, target);
        return {
          query: LIST,
          visible: (data: { webhookSubscriptions: { nodes: { id: string }[] } }) =>
            data.webhookSubscriptions.nodes.some((n) => n.id === sub.id),
        };
      },
      expect: owned(target, 'HIDDEN'),
    })),
  },
  {
    operation: 'webhookSubscription',
    kind: 'query',
    cases: TARGETS.map((target) => ({
      target,
      reusable: true,
      async prepare(ctx: MatrixContext) {
        const sub = await subscriptionIn(ctx, target);
        return { query: ONE, variables: { id: sub.id } };
      },
      expect: owned(target, 'NULL'),
    })),
  },
  {
    operation: 'webhookDeliveries',
    kind: 'query',
    cases: TARGETS.map((target) => ({
      target,
      reusable: true,
      async prepare(ctx: MatrixContext) {
        const sub = await subscriptionIn(ctx, target);
        return { query: DELIVERIES, variables: { id: sub.id } };
      },
      expect: owned(target, 'NULL'),
    })),
  },
];
