import { DEMO_PASSWORD } from '../../src/modules/seed/seeder.js';
import { orderIn, productIn } from '../permission-matrix/support.js';
import { ACTOR_EMAILS, STORE_B } from '../permission-matrix/runner.js';
import type { MatrixContext } from '../permission-matrix/types.js';
import type { Hints, IdPool } from './arbitraries.js';

/**
 * The viewers of issue 9 — anonymous, a shopper, another merchant's staff (store B's, on store A's objects)
 * and customer service — plus the two who may change the objects in the pool, store A's staff and an admin,
 * so that generated input also reaches the validation behind the authorization checks.
 */
export type FuzzViewer = 'guest' | 'shopper' | 'staffB' | 'support' | 'staffA' | 'admin';
export const FUZZ_VIEWERS: readonly FuzzViewer[] = [
  'guest',
  'shopper',
  'staffB',
  'support',
  'staffA',
  'admin',
];
export const STAFF_B_EMAIL = `staff@${STORE_B}.example.com`;

const GID_TABLES: Record<string, string> = {
  Activity: 'activity',
  Address: 'address',
  ApiKey: 'api_key',
  Cart: 'cart',
  CartLine: 'cart_line',
  Category: 'category',
  Checkout: 'checkout',
  Claim: 'claim',
  ContactRequest: 'contact_request',
  Conversation: 'conversation',
  ConversationMessage: 'conversation_message',
  Coupon: 'coupon',
  HelpArticle: 'help_article',
  Merchant: 'merchant',
  Order: 'customer_order',
  OrderNote: 'order_note',
  Payment: 'payment',
  PenaltyRule: 'penalty_rule',
  Product: 'product',
  ProductImage: 'product_image',
  ProductVariant: 'product_variant',
  Review: 'review',
  SafeFreeze: 'safe_freeze',
  Sanction: 'sanction',
  User: 'user_account',
  Violation: 'violation',
  WebhookDelivery: 'webhook_delivery',
  WebhookSubscription: 'webhook_subscription',
};
const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

export interface FuzzWorld {
  ctx: MatrixContext;
  pool: IdPool;
  hints: Hints;
  userIds: Record<Exclude<FuzzViewer, 'guest'>, number>;
  storeAId: number;
}

/**
 * Ids of OTHER users' objects: store A's (formosa-roasters) orders in several states, products, and the
 * first and last rows of every table behind a global id (the seed's objects of every kind).
 */
export async function buildWorld(ctx: MatrixContext): Promise<FuzzWorld> {
  const { api } = ctx;
  const arranged = {
    Order: [] as string[],
    Checkout: [] as string[],
    Payment: [] as string[],
    Product: [] as string[],
    ProductImage: [] as string[],
  };
  for (const state of ['AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'CANCEL_REQUESTED'] as const) {
    const o = await orderIn(ctx, 'A', { state });
    arranged.Order.push(o.id);
    arranged.Checkout.push(o.checkoutId);
    if (o.paymentId) arranged.Payment.push(o.paymentId);
  }
  const service = await orderIn(ctx, 'A', { state: 'PAID', kind: 'service' });
  arranged.Order.push(service.id);
  const product = await productIn(ctx, 'A', { published: true, images: 2 });
  arranged.Product.push(product.id);
  arranged.ProductImage.push(...product.imageIds);

  const pool: IdPool = {};
  // Not the viewers' own accounts: an accepted disableAccount would turn a viewer away for the rest of the run.
  const viewerEmails = [...Object.values(ACTOR_EMAILS), STAFF_B_EMAIL];
  for (const [type, table] of Object.entries(GID_TABLES)) {
    const others = table === 'user_account' ? `where email <> all($1)` : 'where $1::text[] is not null';
    const rows = await api.sql<{ id: number }>(
      `(select id from "${table}" ${others} order by id limit 3)
       union (select id from "${table}" ${others} order by id desc limit 2)`,
      [viewerEmails],
    );
    pool[type] = [
      ...new Set([...(arranged[type as keyof typeof arranged] ?? []), ...rows.map((r) => gid(type, r.id))]),
    ];
  }
  const emails = [
    ...Object.values(ACTOR_EMAILS),
    STAFF_B_EMAIL,
    'shopper2@example.com',
    'nobody@example.com',
  ];
  const users = await api.sql<{ id: number; email: string }>(
    'select id, email from user_account where email = any($1)',
    [emails],
  );
  const idOf = (email: string) => users.find((u) => u.email === email)!.id;
  const codes = await api.sql<{ code: string }>('select code from coupon order by id limit 6');
  const numbers = await api.sql<{ number: string }>(
    'select number from customer_order order by id desc limit 4',
  );
  return {
    ctx,
    pool,
    hints: {
      emails,
      couponCodes: [...codes.map((c) => c.code), 'NOPE-2026', 'welcome10'],
      passwords: [DEMO_PASSWORD, 'short', 'password123', 'correct horse battery staple 2026'],
      orderNumbers: numbers.map((n) => n.number),
      tokens: ['x'.repeat(43), 'bad-token', 'Ab1-'.repeat(8)],
    },
    storeAId: ctx.world.storeA.id,
    userIds: {
      shopper: idOf(ACTOR_EMAILS.shopper),
      staffB: idOf(STAFF_B_EMAIL),
      support: idOf(ACTOR_EMAILS.support),
      staffA: idOf(ACTOR_EMAILS.staffA),
      admin: idOf(ACTOR_EMAILS.admin),
    },
  };
}
