import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CouponKind, type CouponState, type CurrencyCode, couponState } from '@marketplace/core';
import DataLoader from 'dataloader';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { checkStoreCapability } from '../capabilities/capabilities.service.js';
import { CouponRedemptionEntity } from '../coupons/coupon-redemption.entity.js';
import { CouponEntity } from '../coupons/coupon.entity.js';
import { normalizeCouponCode } from '../coupons/coupon.service.js';
import { type CouponDraft, type CouponFieldError, checkCouponDraft } from './coupon-validation.js';
import type { CouponScope, StaffCouponSortField } from './coupons-admin.types.js';

export interface StaffCouponsFilter {
  query?: string | null;
  merchantId?: string | null;
  state?: CouponState | null;
  scope?: CouponScope | null;
}

export interface StaffCouponsSort {
  field: StaffCouponSortField;
  direction: 'ASC' | 'DESC';
}

export interface CouponResult {
  coupon: CouponEntity | null;
  userErrors: CouponFieldError[];
}

export type CreateCouponDraft = Omit<CouponDraft, 'startsAt' | 'endsAt' | 'usageLimit' | 'perShopperLimit'> &
  Partial<Pick<CouponDraft, 'startsAt' | 'endsAt' | 'usageLimit' | 'perShopperLimit'>>;

export interface CouponUpdate {
  couponId: string;
  code?: string | null;
  kind?: CouponKind | null;
  value?: number | null;
  minSpendMinor?: number | null;
  startsAt?: Date | null;
  clearStartsAt?: boolean | null;
  endsAt?: Date | null;
  clearEndsAt?: boolean | null;
  usageLimit?: number | null;
  clearUsageLimit?: boolean | null;
  perShopperLimit?: number | null;
  clearPerShopperLimit?: boolean | null;
  descriptionEn?: string | null;
  descriptionZh?: string | null;
}

/** Sort expressions; open start/end times sort as the earliest start / the latest end. */
const SORT: Record<StaffCouponSortField, { expr: string; cast: string }> = {
  CREATED: { expr: 'c.id', cast: 'int' },
  CODE: { expr: 'c.code', cast: 'text' },
  STARTS_AT: { expr: `coalesce(c.starts_at, '-infinity')`, cast: 'timestamptz' },
  ENDS_AT: { expr: `coalesce(c.ends_at, 'infinity')`, cast: 'timestamptz' },
  USED_COUNT: { expr: 'c.used_count', cast: 'int' },
};

/** SQL for each state, mirroring core `couponState` (whose order decides overlaps). */
const STATE_SQL: Record<CouponState, string> = {
  DEACTIVATED: 'not c.active',
  EXPIRED: 'c.active and c.ends_at <= :now',
  EXHAUSTED:
    'c.active and (c.ends_at is null or c.ends_at > :now) and c.usage_limit is not null and c.used_count >= c.usage_limit',
  SCHEDULED:
    'c.active and (c.ends_at is null or c.ends_at > :now) and (c.usage_limit is null or c.used_count < c.usage_limit) and c.starts_at > :now',
  ACTIVE:
    'c.active and (c.ends_at is null or c.ends_at > :now) and (c.usage_limit is null or c.used_count < c.usage_limit) and (c.starts_at is null or c.starts_at <= :now)',
};

const NOT_FOUND = (): CouponResult => ({
  coupon: null,
  userErrors: [userError('NOT_FOUND', 'There is no coupon with this ID.', ['input', 'couponId'])],
});
const refuse = (errors: CouponFieldError[]): never => {
  throw new Refusal<CouponResult>({ coupon: null, userErrors: errors });
};

/**
 * Coupons in the management center. Merchant staff manage their own store's coupons (another
 * store's coupon, or a platform coupon, does not exist for them); admins manage platform coupons
 * and may view and deactivate any coupon; customer service may read every coupon (to answer
 * shoppers) and change none.
 */
export class CouponsAdminService {
  private readonly redemptions: DataLoader<number, number>;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {
    this.redemptions = new DataLoader(async (ids) => {
      const rows = await em.execute<{ coupon_id: number; n: number }[]>(
        'select coupon_id, count(*)::int as n from coupon_redemption where coupon_id in (?) group by coupon_id',
        [[...ids]],
      );
      return ids.map((id) => rows.find((r) => r.coupon_id === id)?.n ?? 0);
    });
  }

  private reader(): Viewer {
    const v = requireRole(this.viewer, 'MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN');
    if (v.role === 'MERCHANT_STAFF' && v.merchantId === null)
      throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    return v;
  }

  private writer(): Viewer {
    const v = requireRole(this.viewer, 'MERCHANT_STAFF', 'ADMIN');
    if (v.role === 'MERCHANT_STAFF' && v.merchantId === null)
      throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    return v;
  }

  private get currency(): CurrencyCode {
    return this.config.currency as CurrencyCode;
  }

  stateOf(row: CouponEntity, now = new Date()): CouponState {
    return couponState(row, now);
  }

  /** Every use ever recorded (released ones included): any use fixes code, kind and value. */
  redemptionCount(row: CouponEntity): Promise<number> {
    return this.redemptions.load(row.id);
  }

  /** Whether the viewer may edit the coupon (the UI shows or hides its actions by this). */
  canEdit(row: CouponEntity): boolean {
    const v = this.viewer;
    if (!v) return false;
    if (v.role === 'ADMIN') return row.merchant === null;
    return v.role === 'MERCHANT_STAFF' && row.merchant !== null && row.merchant.id === v.merchantId;
  }

  async list(args: {
    first: number;
    after?: string | null;
    filter?: StaffCouponsFilter | null;
    sort?: StaffCouponsSort | null;
  }): Promise<ConnectionShape<CouponEntity>> {
    const viewer = this.reader();
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > 100)
      throw new PublicError('BAD_USER_INPUT', 'first must be between 1 and 100.');
    const first = args.first;
    const sort = args.sort ?? { field: 'CREATED', direction: 'DESC' };
    const by = SORT[sort.field];
    if (!by) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
    const dir = sort.direction === 'ASC' ? 'asc' : 'desc';
    const now = new Date();
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = args.filter ?? {};
    if (viewer.role === 'MERCHANT_STAFF') {
      where.push('c.merchant_id = ?');
      params.push(viewer.merchantId);
    } else {
      if (filter.merchantId) {
        where.push('c.merchant_id = ?');
        params.push(fromGlobalId(filter.merchantId, 'Merchant') ?? -1);
      }
      if (filter.scope === 'PLATFORM') where.push('c.merchant_id is null');
      if (filter.scope === 'STORE') where.push('c.merchant_id is not null');
    }
    const query = filter.query?.trim().toUpperCase();
    if (query) {
      where.push('c.code like ?');
      params.push(`%${query.slice(0, 40).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (filter.state) {
      const sql = STATE_SQL[filter.state];
      if (!sql) throw new PublicError('BAD_USER_INPUT', 'Unknown coupon state.');
      const parts = sql.split(':now');
      where.push(parts.join('?'));
      for (let i = 1; i < parts.length; i++) params.push(now);
    }
    const countWhere = [...where];
    const countParams = [...params];

    let hasPrevious = false;
    if (args.after) {
      const key = decodeCursor(args.after);
      if (key?.length !== 3 || key[0] !== sort.field || typeof key[2] !== 'number')
        throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
      const op = dir === 'asc' ? '>' : '<';
      where.push(`(${by.expr} ${op} ?::${by.cast} or (${by.expr} = ?::${by.cast} and c.id ${op} ?))`);
      params.push(String(key[1]), String(key[1]), key[2]);
      hasPrevious = true;
    }
    const whereSql = where.length ? `where ${where.join(' and ')}` : '';
    const rows = await this.em.execute<{ id: number; k: string }[]>(
      `select c.id, (${by.expr})::text as k from coupon c ${whereSql}
       order by ${by.expr} ${dir}, c.id ${dir} limit ?`,
      [...params, first + 1],
    );
    const entities = rows.length
      ? await this.em.find(CouponEntity, { id: { $in: rows.map((r) => r.id) } })
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const keys = new Map(rows.map((r) => [r.id, r.k]));
    return toConnection(
      rows.map((r) => byId.get(r.id)!),
      first,
      {
        hasPrevious,
        cursorOf: (c) => encodeCursor([sort.field, keys.get(c.id) ?? '', c.id]),
        map: (c) => c,
        count: async () => {
          const [row] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from coupon c ${countWhere.length ? `where ${countWhere.join(' and ')}` : ''}`,
            countParams,
          );
          return row?.n ?? 0;
        },
      },
    );
  }

  /** For `node(id:)`: the coupon if the viewer is staff who may read it, else null (never an error). */
  async findForNode(globalId: string): Promise<CouponEntity | null> {
    const v = this.viewer;
    if (!v || v.role === 'SHOPPER' || (v.role === 'MERCHANT_STAFF' && v.merchantId === null)) return null;
    return this.find(globalId);
  }

  /** One coupon in the viewer's scope, or null. */
  async find(globalId: string): Promise<CouponEntity | null> {
    const viewer = this.reader();
    const id = fromGlobalId(globalId, 'Coupon');
    if (id === null) return null;
    const row = await this.em.findOne(CouponEntity, { id });
    if (!row) return null;
    if (viewer.role === 'MERCHANT_STAFF' && row.merchant?.id !== viewer.merchantId) return null;
    return row;
  }

  async create(input: CreateCouponDraft): Promise<CouponResult> {
    const viewer = this.writer();
    const draft: CouponDraft = {
      code: normalizeCouponCode(input.code) ?? '',
      kind: input.kind,
      value: input.value,
      minSpendMinor: input.minSpendMinor ?? 0,
      startsAt: input.startsAt ?? null,
      endsAt: input.endsAt ?? null,
      usageLimit: input.usageLimit ?? null,
      perShopperLimit: input.perShopperLimit ?? null,
      descriptionEn: input.descriptionEn?.trim() ?? '',
      descriptionZh: input.descriptionZh?.trim() ?? '',
    };
    const errors = checkCouponDraft(draft, this.currency);
    if (errors.length) return { coupon: null, userErrors: errors };
    const merchantId = viewer.role === 'MERCHANT_STAFF' ? viewer.merchantId : null;
    return this.catchCodeTaken(() =>
      inTransaction(this.em, async (em) => {
        if (merchantId !== null) await assertStoreCanEdit(em, merchantId);
        await assertCodeFree(em, draft.code, null);
        const coupon = em.create(CouponEntity, {
          ...draft,
          merchant: merchantId,
          currency: this.currency,
        });
        await em.flush();
        return { coupon, userErrors: [] };
      }),
    );
  }

  async update(input: CouponUpdate): Promise<CouponResult> {
    const viewer = this.writer();
    return this.catchCodeTaken(() =>
      inTransaction(this.em, async (em) => {
        const coupon = await this.lockForChange(em, viewer, input.couponId, 'edit');
        const redeemed = (await em.count(CouponRedemptionEntity, { coupon: coupon.id })) > 0;
        const draft: CouponDraft = {
          code: input.code != null ? (normalizeCouponCode(input.code) ?? '') : coupon.code,
          kind: input.kind ?? coupon.kind,
          value: input.value ?? coupon.value,
          minSpendMinor: input.minSpendMinor ?? coupon.minSpendMinor,
          startsAt: input.clearStartsAt ? null : (input.startsAt ?? coupon.startsAt),
          endsAt: input.clearEndsAt ? null : (input.endsAt ?? coupon.endsAt),
          usageLimit: input.clearUsageLimit ? null : (input.usageLimit ?? coupon.usageLimit),
          perShopperLimit: input.clearPerShopperLimit
            ? null
            : (input.perShopperLimit ?? coupon.perShopperLimit),
          descriptionEn: input.descriptionEn != null ? input.descriptionEn.trim() : coupon.descriptionEn,
          descriptionZh: input.descriptionZh != null ? input.descriptionZh.trim() : coupon.descriptionZh,
        };
        const errors = checkCouponDraft(draft, this.currency);
        if (redeemed) {
          for (const key of ['code', 'kind', 'value'] as const) {
            if (draft[key] !== coupon[key]) {
              errors.push(
                userError(
                  'LOCKED_AFTER_REDEMPTION',
                  'This coupon has been redeemed: its code, kind and value can no longer change.',
                  ['input', key],
                ),
              );
            }
          }
        }
        if (draft.usageLimit !== null && draft.usageLimit >= 1 && draft.usageLimit < coupon.usedCount) {
          errors.push(
            userError(
              'LIMIT_BELOW_USAGE',
              `The coupon has been used ${coupon.usedCount} times; the limit cannot be lower.`,
              ['input', 'usageLimit'],
            ),
          );
        }
        if (errors.length) refuse(errors);
        if (draft.code !== coupon.code) await assertCodeFree(em, draft.code, coupon.id);
        em.assign(coupon, draft);
        await em.flush();
        return { coupon, userErrors: [] };
      }),
    );
  }

  /** Shoppers can no longer use it; uses already made stay. Admins may deactivate any coupon. */
  async deactivate(couponId: string): Promise<CouponResult> {
    const viewer = this.writer();
    return inTransaction(this.em, async (em) => {
      const coupon = await this.lockForChange(em, viewer, couponId, 'deactivate');
      if (!coupon.active)
        refuse([
          userError('ALREADY_DEACTIVATED', 'This coupon is already deactivated.', ['input', 'couponId']),
        ]);
      coupon.active = false;
      await em.flush();
      return { coupon, userErrors: [] };
    });
  }

  async reactivate(couponId: string): Promise<CouponResult> {
    const viewer = this.writer();
    return inTransaction(this.em, async (em) => {
      const coupon = await this.lockForChange(em, viewer, couponId, 'edit');
      if (coupon.active)
        refuse([userError('ALREADY_ACTIVE', 'This coupon is already active.', ['input', 'couponId'])]);
      coupon.active = true;
      await em.flush();
      return { coupon, userErrors: [] };
    });
  }

  /**
   * Locks the coupon the viewer may change, or refuses: NOT_FOUND outside the viewer's scope,
   * NOT_EDITABLE for an admin editing a store's coupon, MERCHANT_FROZEN when the store may not
   * change its data.
   */
  private async lockForChange(
    em: EntityManager,
    viewer: Viewer,
    couponId: string,
    action: 'edit' | 'deactivate',
  ): Promise<CouponEntity> {
    const id = fromGlobalId(couponId, 'Coupon');
    const coupon =
      id === null
        ? null
        : await em.findOne(CouponEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!coupon) throw new Refusal(NOT_FOUND());
    if (viewer.role === 'MERCHANT_STAFF') {
      if (coupon.merchant?.id !== viewer.merchantId) throw new Refusal(NOT_FOUND());
      await assertStoreCanEdit(em, viewer.merchantId!);
    } else if (action === 'edit' && coupon.merchant !== null) {
      refuse([
        userError('NOT_EDITABLE', 'A store’s coupons are edited by its own staff.', ['input', 'couponId']),
      ]);
    }
    return coupon;
  }

  /** Two creations racing for one code: the unique index decides, the loser gets CODE_TAKEN. */
  private async catchCodeTaken(work: () => Promise<CouponResult>): Promise<CouponResult> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        return {
          coupon: null,
          userErrors: [userError('CODE_TAKEN', 'Another coupon already has this code.', ['input', 'code'])],
        };
      }
      throw error;
    }
  }
}

async function assertCodeFree(em: EntityManager, code: string, exceptId: number | null): Promise<void> {
  const taken = await em.count(CouponEntity, exceptId === null ? { code } : { code, id: { $ne: exceptId } });
  if (taken > 0)
    refuse([userError('CODE_TAKEN', 'Another coupon already has this code.', ['input', 'code'])]);
}

async function assertStoreCanEdit(em: EntityManager, merchantId: number): Promise<void> {
  const error = await storeEditError(em, merchantId);
  if (error) refuse([error]);
}

/**
 * Why the store may not change its coupons and activities now (the capability check, `coupon.manage`),
 * or null. The store's row is read fresh and share-locked in the transaction, so a freeze
 * committed a moment ago counts and one being written waits for this change.
 */
export async function storeEditError(
  em: EntityManager,
  merchantId: number,
): Promise<{ code: 'MERCHANT_FROZEN'; message: string; field: string[] | null } | null> {
  const refused = await checkStoreCapability(em, merchantId, 'coupon.manage', { lock: true });
  return refused ? userError('MERCHANT_FROZEN', refused.message, null) : null;
}
