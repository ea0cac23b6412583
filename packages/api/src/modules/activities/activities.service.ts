import type { ActivityRow } from '../catalog/catalog.rows.js';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ActivityDiscountKind,
  type ActivityState,
  activityState,
  type CurrencyCode,
  checkDiscountValue,
  checkPeriod,
  MAX_PROMOTION_NAME,
} from '@marketplace/core';
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
import { ProductEntity } from '../catalog/product.entity.js';
import { maxAmountMinor } from '../coupons-admin/coupon-validation.js';
import { storeEditError } from '../coupons-admin/coupons-admin.service.js';
import type { ActivityErrorCode, StaffActivitySortField } from './activities.types.js';
import { ActivityEntity, ActivityProductEntity } from './activity.entity.js';

export type ActivityError = { code: ActivityErrorCode; message: string; field: string[] | null };

export interface ActivityResult {
  activity: ActivityEntity | null;
  userErrors: ActivityError[];
}

export interface ActivityDraft {
  nameEn: string;
  nameZh: string;
  kind: ActivityDiscountKind;
  value: number;
  startsAt: Date;
  endsAt: Date;
  allProducts: boolean;
  productIds?: string[] | null;
}

export type ActivityUpdate = { activityId: string } & {
  [K in keyof ActivityDraft]?: ActivityDraft[K] | null;
};

export interface StaffActivitiesFilter {
  merchantId?: string | null;
  state?: ActivityState | null;
  query?: string | null;
}

export const MAX_ACTIVITY_PRODUCTS = 200;

const SORT: Record<StaffActivitySortField, { expr: string; cast: string }> = {
  CREATED: { expr: 'a.id', cast: 'int' },
  STARTS_AT: { expr: 'a.starts_at', cast: 'timestamptz' },
  ENDS_AT: { expr: 'a.ends_at', cast: 'timestamptz' },
};

/** SQL for each state, mirroring core `activityState`; each `?` is the current time. */
const STATE_SQL: Record<ActivityState, string> = {
  CANCELLED: `a.status = 'CANCELLED'`,
  SCHEDULED: `a.status = 'ACTIVE' and a.starts_at > ?`,
  RUNNING: `a.status = 'ACTIVE' and a.starts_at <= ? and a.ends_at > ?`,
  ENDED: `a.status = 'ACTIVE' and a.ends_at <= ?`,
};

const refuse = (errors: ActivityError[]): never => {
  throw new Refusal<ActivityResult>({ activity: null, userErrors: errors });
};
const notFound = (): never =>
  refuse([userError('NOT_FOUND', 'There is no activity with this ID.', ['input', 'activityId'])]);

/**
 * Activities (time-limited store discounts) in the management center. Merchant staff create and
 * change their own store's; admins may cancel any; customer service and admins may read every
 * activity. Overlapping activities are allowed: the shopper gets the lowest price (core
 * `bestActivityPrice`).
 */
export class ActivitiesService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  private role(...roles: ('MERCHANT_STAFF' | 'CUSTOMER_SERVICE' | 'ADMIN')[]): Viewer {
    const v = requireRole(this.viewer, ...roles);
    if (v.role === 'MERCHANT_STAFF' && v.merchantId === null)
      throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    return v;
  }

  /** Whether the viewer is staff who may see this activity's details (its product list). */
  canSee(row: ActivityRow): boolean {
    const v = this.viewer;
    if (!v) return false;
    if (v.role === 'ADMIN' || v.role === 'CUSTOMER_SERVICE') return true;
    return v.role === 'MERCHANT_STAFF' && v.merchantId === row.merchant.id;
  }

  /** Whether the viewer may change it (merchant staff of its store) or at least cancel it (admins). */
  canEdit(row: ActivityRow): boolean {
    const v = this.viewer;
    return v?.role === 'MERCHANT_STAFF' && v.merchantId === row.merchant.id;
  }

  canCancel(row: ActivityRow): boolean {
    return this.canEdit(row) || this.viewer?.role === 'ADMIN';
  }

  async list(args: {
    first: number;
    after?: string | null;
    filter?: StaffActivitiesFilter | null;
    sort?: { field: StaffActivitySortField; direction: 'ASC' | 'DESC' } | null;
  }): Promise<ConnectionShape<ActivityEntity>> {
    const viewer = this.role('MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN');
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > 100)
      throw new PublicError('BAD_USER_INPUT', 'first must be between 1 and 100.');
    const first = args.first;
    const sort = args.sort ?? { field: 'CREATED', direction: 'DESC' };
    const by = SORT[sort.field];
    if (!by) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
    const dir = sort.direction === 'ASC' ? 'asc' : 'desc';
    const filter = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    if (viewer.role === 'MERCHANT_STAFF') {
      where.push('a.merchant_id = ?');
      params.push(viewer.merchantId);
    } else if (filter.merchantId) {
      where.push('a.merchant_id = ?');
      params.push(fromGlobalId(filter.merchantId, 'Merchant') ?? -1);
    }
    if (filter.state) {
      const sql = STATE_SQL[filter.state];
      if (!sql) throw new PublicError('BAD_USER_INPUT', 'Unknown activity state.');
      where.push(sql);
      const now = new Date();
      for (const _ of sql.matchAll(/\?/g)) params.push(now);
    }
    const query = filter.query?.trim().toLowerCase().slice(0, 120);
    if (query) {
      const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push('(lower(a.name_en) like ? or a.name_zh like ?)');
      params.push(like, like);
    }
    const countWhere = [...where];
    const countParams = [...params];
    let hasPrevious = false;
    if (args.after) {
      const key = decodeCursor(args.after);
      if (key?.length !== 3 || key[0] !== sort.field || typeof key[2] !== 'number')
        throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
      const op = dir === 'asc' ? '>' : '<';
      where.push(`(${by.expr} ${op} ?::${by.cast} or (${by.expr} = ?::${by.cast} and a.id ${op} ?))`);
      params.push(String(key[1]), String(key[1]), key[2]);
      hasPrevious = true;
    }
    const rows = await this.em.execute<{ id: number; k: string }[]>(
      `select a.id, (${by.expr})::text as k from activity a
       ${where.length ? `where ${where.join(' and ')}` : ''}
       order by ${by.expr} ${dir}, a.id ${dir} limit ?`,
      [...params, first + 1],
    );
    const entities = rows.length
      ? await this.em.find(ActivityEntity, { id: { $in: rows.map((r) => r.id) } })
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const keys = new Map(rows.map((r) => [r.id, r.k]));
    return toConnection(
      rows.map((r) => byId.get(r.id)!),
      first,
      {
        hasPrevious,
        cursorOf: (a) => encodeCursor([sort.field, keys.get(a.id) ?? '', a.id]),
        map: (a) => a,
        count: async () => {
          const [row] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from activity a ${countWhere.length ? `where ${countWhere.join(' and ')}` : ''}`,
            countParams,
          );
          return row?.n ?? 0;
        },
      },
    );
  }

  /** For `node(id:)`: the activity if the viewer is staff who may read it, else null (never an error). */
  async findForNode(globalId: string): Promise<ActivityEntity | null> {
    const v = this.viewer;
    if (!v || v.role === 'SHOPPER' || (v.role === 'MERCHANT_STAFF' && v.merchantId === null)) return null;
    return this.find(globalId);
  }

  /** One activity in the viewer's scope, or null. */
  async find(globalId: string): Promise<ActivityEntity | null> {
    const viewer = this.role('MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN');
    const id = fromGlobalId(globalId, 'Activity');
    const row = id === null ? null : await this.em.findOne(ActivityEntity, { id });
    if (!row) return null;
    if (viewer.role === 'MERCHANT_STAFF' && row.merchant.id !== viewer.merchantId) return null;
    return row;
  }

  async create(input: ActivityDraft): Promise<ActivityResult> {
    const viewer = this.role('MERCHANT_STAFF');
    const merchantId = viewer.merchantId!;
    const draft = { ...input, nameEn: input.nameEn.trim(), nameZh: input.nameZh.trim() };
    const errors = this.checkDraft(draft, new Date());
    if (errors.length) return { activity: null, userErrors: errors };
    return inTransaction(this.em, async (em) => {
      const frozen = await storeEditError(em, merchantId);
      if (frozen) refuse([frozen]);
      const productIds = draft.allProducts ? [] : await ownProducts(em, merchantId, draft.productIds ?? []);
      const activity = em.create(ActivityEntity, {
        merchant: merchantId,
        nameEn: draft.nameEn,
        nameZh: draft.nameZh,
        kind: draft.kind,
        value: draft.value,
        currency: this.config.currency,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        allProducts: draft.allProducts,
      });
      await em.flush();
      for (const product of productIds) em.create(ActivityProductEntity, { activity, product });
      await em.flush();
      return { activity, userErrors: [] };
    });
  }

  /**
   * Before it starts, everything may change. While it runs, only an earlier end (a time in the
   * past ends it now): shoppers may have bought at the announced price, so the offer itself stays.
   */
  async update(input: ActivityUpdate): Promise<ActivityResult> {
    const viewer = this.role('MERCHANT_STAFF');
    return inTransaction(this.em, async (em) => {
      const activity = await lockActivity(em, input.activityId);
      if (!activity || activity.merchant.id !== viewer.merchantId) return notFound();
      const frozen = await storeEditError(em, activity.merchant.id);
      if (frozen) refuse([frozen]);
      const now = new Date();
      const state = activityState(activity, now);
      if (state === 'ENDED' || state === 'CANCELLED') {
        refuse([
          userError('NOT_EDITABLE', 'This activity has ended or was cancelled.', ['input', 'activityId']),
        ]);
      }
      if (state === 'RUNNING') return this.endEarly(em, activity, input, now);

      const draft: ActivityDraft = {
        nameEn: input.nameEn != null ? input.nameEn.trim() : activity.nameEn,
        nameZh: input.nameZh != null ? input.nameZh.trim() : activity.nameZh,
        kind: input.kind ?? activity.kind,
        value: input.value ?? activity.value,
        startsAt: input.startsAt ?? activity.startsAt,
        endsAt: input.endsAt ?? activity.endsAt,
        allProducts: input.allProducts ?? activity.allProducts,
        productIds: input.productIds ?? null,
      };
      const replaceProducts =
        input.productIds != null || (input.allProducts === false && activity.allProducts);
      const errors = this.checkDraft(draft, now, !replaceProducts);
      if (errors.length) refuse(errors);
      const productIds =
        draft.allProducts || !replaceProducts
          ? null
          : await ownProducts(em, activity.merchant.id, draft.productIds ?? []);
      em.assign(activity, {
        nameEn: draft.nameEn,
        nameZh: draft.nameZh,
        kind: draft.kind,
        value: draft.value,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        allProducts: draft.allProducts,
      });
      if (draft.allProducts || productIds) await em.nativeDelete(ActivityProductEntity, { activity });
      for (const product of productIds ?? []) em.create(ActivityProductEntity, { activity, product });
      await em.flush();
      return { activity, userErrors: [] };
    });
  }

  private async endEarly(
    em: EntityManager,
    activity: ActivityEntity,
    input: ActivityUpdate,
    now: Date,
  ): Promise<ActivityResult> {
    const others = (
      ['nameEn', 'nameZh', 'kind', 'value', 'startsAt', 'allProducts', 'productIds'] as const
    ).filter((k) => input[k] != null);
    if (others.length > 0 || !input.endsAt || input.endsAt >= activity.endsAt) {
      refuse([
        userError('ALREADY_STARTED', 'This activity is running: it can only be ended earlier.', [
          'input',
          others[0] ?? 'endsAt',
        ]),
      ]);
    }
    activity.endsAt = input.endsAt! < now ? now : input.endsAt!;
    await em.flush();
    return { activity, userErrors: [] };
  }

  async cancel(activityId: string): Promise<ActivityResult> {
    const viewer = this.role('MERCHANT_STAFF', 'ADMIN');
    return inTransaction(this.em, async (em) => {
      const activity = await lockActivity(em, activityId);
      if (!activity) return notFound();
      if (viewer.role === 'MERCHANT_STAFF') {
        if (activity.merchant.id !== viewer.merchantId) return notFound();
        const frozen = await storeEditError(em, activity.merchant.id);
        if (frozen) refuse([frozen]);
      }
      const state = activityState(activity, new Date());
      if (state === 'CANCELLED')
        refuse([
          userError('ALREADY_CANCELLED', 'This activity was already cancelled.', ['input', 'activityId']),
        ]);
      if (state === 'ENDED')
        refuse([userError('ALREADY_ENDED', 'This activity has already ended.', ['input', 'activityId'])]);
      activity.status = 'CANCELLED';
      activity.cancelledAt = new Date();
      await em.flush();
      return { activity, userErrors: [] };
    });
  }

  /** The products an activity lists (staff only; the caller checks `canSee`). */
  productsOf(productIds: number[]): Promise<ProductEntity[]> {
    return productIds.length
      ? this.em.find(ProductEntity, { id: { $in: productIds } }, { orderBy: { id: 'asc' } })
      : Promise.resolve([]);
  }

  private checkDraft(draft: ActivityDraft, now: Date, keepProducts = false): ActivityError[] {
    const errors: ActivityError[] = [];
    const at = (...f: string[]) => ['input', ...f];
    for (const key of ['nameEn', 'nameZh'] as const) {
      const length = [...draft[key]].length;
      if (length === 0 || length > MAX_PROMOTION_NAME)
        errors.push(
          userError('INVALID_NAME', `Enter a name of 1–${MAX_PROMOTION_NAME} characters.`, at(key)),
        );
    }
    const value = checkDiscountValue(draft, maxAmountMinor(this.config.currency as CurrencyCode));
    if (value) errors.push(userError('INVALID_VALUE', value.message, at('value')));
    const period = checkPeriod(draft.startsAt, draft.endsAt);
    if (period) errors.push(userError('INVALID_DATES', period.message, at(period.field)));
    else if (draft.endsAt <= now)
      errors.push(userError('INVALID_DATES', 'The end must be in the future.', at('endsAt')));
    if (!draft.allProducts && !keepProducts) {
      const ids = draft.productIds ?? [];
      if (ids.length === 0 || new Set(ids).size > MAX_ACTIVITY_PRODUCTS)
        errors.push(
          userError(
            'INVALID_PRODUCTS',
            `Choose 1–${MAX_ACTIVITY_PRODUCTS} products, or the whole store.`,
            at('productIds'),
          ),
        );
    }
    return errors;
  }
}

async function lockActivity(em: EntityManager, globalId: string): Promise<ActivityEntity | null> {
  const id = fromGlobalId(globalId, 'Activity');
  if (id === null) return null;
  return em.findOne(ActivityEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** The database ids of the store's products named by `globalIds`, or PRODUCT_NOT_FOUND at each bad one. */
async function ownProducts(em: EntityManager, merchantId: number, globalIds: string[]): Promise<number[]> {
  const ids = globalIds.map((g) => fromGlobalId(g, 'Product'));
  const found = await em.find(
    ProductEntity,
    { id: { $in: ids.filter((i): i is number => i !== null) }, merchant: merchantId },
    { fields: ['id'] },
  );
  const own = new Set(found.map((p) => p.id));
  const errors = ids.flatMap((id, i) =>
    id !== null && own.has(id)
      ? []
      : [
          userError('PRODUCT_NOT_FOUND', 'Your store has no product with this ID.', [
            'input',
            'productIds',
            String(i),
          ]),
        ],
  );
  if (errors.length) refuse(errors as ActivityError[]);
  return [...new Set(ids as number[])];
}
