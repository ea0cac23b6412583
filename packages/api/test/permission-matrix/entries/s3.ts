import { gid, uid } from '../support.js';
import {
  type Actor,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  type Target,
  userError,
} from '../types.js';

/**
 * Permission-matrix entries for slice S3: coupons (store and platform) and activities.
 * Merchant staff manage their own store's coupons and activities; admins manage platform coupons and may
 * deactivate any coupon and cancel any activity; customer service reads everything and changes nothing.
 */

type Scope = Target | 'platform';

async function coupon(
  ctx: MatrixContext,
  scope: Scope,
  active = true,
): Promise<{ id: string; code: string }> {
  const code = `MX${uid().toUpperCase()}`;
  const merchant = scope === 'platform' ? null : scope === 'B' ? ctx.world.storeB.id : ctx.world.storeA.id;
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into coupon (code, merchant_id, kind, value, currency, active)
     values ($1, $2, 'PERCENTAGE', 1000, 'USD', $3) returning id`,
    [code, merchant, active],
  );
  return { id: gid('Coupon', row!.id), code };
}

async function activity(ctx: MatrixContext, target: Target): Promise<string> {
  const merchant = target === 'B' ? ctx.world.storeB.id : ctx.world.storeA.id;
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into activity (merchant_id, name_en, name_zh, kind, value, currency, starts_at, ends_at)
     values ($1, $2, '測試活動', 'PERCENTAGE', 1000, 'USD', now() + interval '1 day', now() + interval '2 days')
     returning id`,
    [merchant, `Matrix ${uid()}`],
  );
  return gid('Activity', row!.id);
}

/** A store under a safe freeze changes nothing of its coupons and activities (reading keeps working). */
const FROZEN = userError('MERCHANT_FROZEN');
const REFUSED_OUTSIDE_STAFF = { guest: 'UNAUTHENTICATED', shopper: 'FORBIDDEN' } as const;
const rows = (over: Partial<Record<Actor, Outcome>>): Record<Actor, Outcome> => ({
  ...REFUSED_OUTSIDE_STAFF,
  staffA: 'FORBIDDEN',
  support: 'FORBIDDEN',
  admin: 'FORBIDDEN',
  ...over,
});
/** Reads: merchant staff in their scope, customer service and admins everywhere. */
const READERS = rows({ staffA: 'ALLOWED', support: 'ALLOWED', admin: 'ALLOWED' });

const C = 'coupon { id } userErrors { code }';
const A = 'activity { id } userErrors { code }';
const CREATE_COUPON = `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { ${C} } }`;
const UPDATE_COUPON = `mutation ($input: UpdateCouponInput!) { updateCoupon(input: $input) { ${C} } }`;
const DEACTIVATE = `mutation ($input: CouponIdInput!) { deactivateCoupon(input: $input) { ${C} } }`;
const REACTIVATE = `mutation ($input: CouponIdInput!) { reactivateCoupon(input: $input) { ${C} } }`;
const COUPONS = `query ($filter: StaffCouponsFilter) { staffCoupons(first: 5, filter: $filter) { nodes { code } } }`;
const COUPON = `query ($id: ID!) { staffCoupon(id: $id) { code } }`;
const CREATE_ACTIVITY = `mutation ($input: CreateActivityInput!) { createActivity(input: $input) { ${A} } }`;
const UPDATE_ACTIVITY = `mutation ($input: UpdateActivityInput!) { updateActivity(input: $input) { ${A} } }`;
const CANCEL_ACTIVITY = `mutation ($input: CancelActivityInput!) { cancelActivity(input: $input) { ${A} } }`;
const ACTIVITIES = `query { staffActivities(first: 100, filter: { state: SCHEDULED }) { nodes { id } } }`;
const ACTIVITY = `query ($id: ID!) { staffActivity(id: $id) { id } }`;

const couponCases = (
  document: string,
  expectations: Partial<Record<Scope, Record<Actor, Outcome>>>,
  opts: { active?: boolean; extra?: Record<string, unknown> } = {},
) =>
  (Object.entries(expectations) as [Scope, Record<Actor, Outcome>][]).map(([scope, expect]) => ({
    name: scope === 'platform' ? 'on a platform coupon' : `on store ${scope}’s coupon`,
    target: (scope === 'platform' ? 'none' : scope) as Target,
    ...(scope === 'A' ? { frozenA: FROZEN } : {}),
    async prepare(ctx: MatrixContext) {
      const c = await coupon(ctx, scope, opts.active ?? true);
      return { query: document, variables: { input: { couponId: c.id, ...opts.extra } } };
    },
    expect,
  }));

export const s3Entries: MatrixEntry[] = [
  {
    operation: 'createCoupon',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        async prepare() {
          return {
            query: CREATE_COUPON,
            variables: () => ({
              input: { code: `NEW${uid().toUpperCase()}`, kind: 'FIXED_AMOUNT', value: 100 },
            }),
          };
        },
        expect: rows({ staffA: 'ALLOWED', admin: 'ALLOWED' }),
        frozenA: FROZEN,
        note: 'merchant staff create a coupon of their store, admins a platform coupon; customer service reads only',
      },
    ],
  },
  {
    operation: 'updateCoupon',
    kind: 'mutation',
    cases: couponCases(
      UPDATE_COUPON,
      {
        A: rows({ staffA: 'ALLOWED', admin: userError('NOT_EDITABLE') }),
        B: rows({ staffA: userError('NOT_FOUND'), admin: userError('NOT_EDITABLE') }),
        platform: rows({ staffA: userError('NOT_FOUND'), admin: 'ALLOWED' }),
      },
      { extra: { descriptionEn: 'Changed' } },
    ),
  },
  {
    operation: 'deactivateCoupon',
    kind: 'mutation',
    cases: couponCases(DEACTIVATE, {
      A: rows({ staffA: 'ALLOWED', admin: 'ALLOWED' }),
      B: rows({ staffA: userError('NOT_FOUND'), admin: 'ALLOWED' }),
      platform: rows({ staffA: userError('NOT_FOUND'), admin: 'ALLOWED' }),
    }),
  },
  {
    operation: 'reactivateCoupon',
    kind: 'mutation',
    cases: couponCases(
      REACTIVATE,
      {
        A: rows({ staffA: 'ALLOWED', admin: userError('NOT_EDITABLE') }),
        B: rows({ staffA: userError('NOT_FOUND'), admin: userError('NOT_EDITABLE') }),
        platform: rows({ staffA: userError('NOT_FOUND'), admin: 'ALLOWED' }),
      },
      { active: false },
    ),
  },
  {
    operation: 'staffCoupons',
    kind: 'query',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      reusable: true,
      async prepare(ctx: MatrixContext) {
        const c = await coupon(ctx, target);
        return {
          query: COUPONS,
          variables: { filter: { query: c.code } },
          visible: (data: { staffCoupons: { nodes: { code: string }[] } }) =>
            data.staffCoupons.nodes.some((n) => n.code === c.code),
        };
      },
      expect: target === 'A' ? READERS : { ...READERS, staffA: 'HIDDEN' as const },
    })),
  },
  {
    operation: 'staffCoupon',
    kind: 'query',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      reusable: true,
      async prepare(ctx: MatrixContext) {
        return { query: COUPON, variables: { id: (await coupon(ctx, target)).id } };
      },
      expect: target === 'A' ? READERS : { ...READERS, staffA: 'NULL' as const },
    })),
  },
  {
    operation: 'createActivity',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        async prepare() {
          const day = 86_400_000;
          return {
            query: CREATE_ACTIVITY,
            variables: {
              input: {
                nameEn: 'Matrix sale',
                nameZh: '測試特賣',
                kind: 'PERCENTAGE',
                value: 500,
                startsAt: new Date(Date.now() + day).toISOString(),
                endsAt: new Date(Date.now() + 2 * day).toISOString(),
                allProducts: true,
              },
            },
          };
        },
        expect: rows({ staffA: 'ALLOWED' }),
        frozenA: FROZEN,
        note: 'activities belong to a store: only its merchant staff create them',
      },
    ],
  },
  {
    operation: 'updateActivity',
    kind: 'mutation',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      async prepare(ctx: MatrixContext) {
        return {
          query: UPDATE_ACTIVITY,
          variables: { input: { activityId: await activity(ctx, target), value: 1500 } },
        };
      },
      expect: rows({ staffA: target === 'A' ? 'ALLOWED' : userError('NOT_FOUND') }),
      ...(target === 'A' ? { frozenA: FROZEN } : {}),
    })),
  },
  {
    operation: 'cancelActivity',
    kind: 'mutation',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      async prepare(ctx: MatrixContext) {
        return { query: CANCEL_ACTIVITY, variables: { input: { activityId: await activity(ctx, target) } } };
      },
      expect: rows({ staffA: target === 'A' ? 'ALLOWED' : userError('NOT_FOUND'), admin: 'ALLOWED' }),
      ...(target === 'A' ? { frozenA: FROZEN } : {}),
    })),
  },
  {
    operation: 'staffActivities',
    kind: 'query',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      reusable: true,
      async prepare(ctx: MatrixContext) {
        const id = await activity(ctx, target);
        return {
          query: ACTIVITIES,
          visible: (data: { staffActivities: { nodes: { id: string }[] } }) =>
            data.staffActivities.nodes.some((n) => n.id === id),
        };
      },
      expect: target === 'A' ? READERS : { ...READERS, staffA: 'HIDDEN' as const },
    })),
  },
  {
    operation: 'staffActivity',
    kind: 'query',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      reusable: true,
      async prepare(ctx: MatrixContext) {
        return { query: ACTIVITY, variables: { id: await activity(ctx, target) } };
      },
      expect: target === 'A' ? READERS : { ...READERS, staffA: 'NULL' as const },
    })),
  },
];
