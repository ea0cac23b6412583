import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  characterCount,
  checkDisplayName,
  checkEmail,
  type Locale,
  MERCHANT_STATUSES,
  type MerchantStatus,
  ORDER_STATUSES,
  type OrderStatus,
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
import { UserEntity } from '../accounts/user.entity.js';
import { requireCapability } from '../capabilities/capabilities.service.js';
import type { Viewer } from '../accounts/viewer.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { applyOrderEvent } from '../orders/order-transitions.js';
import { hasActiveGeneralFreeze } from '../penalties/standing.js';
import { MerchantStatusChangeEntity } from './merchant-status-change.entity.js';
import { createInvitedAccount } from './staff-accounts.service.js';

type Err<C extends string> = { code: C; message: string; field: string[] | null };

export type CreateMerchantErrorCode =
  | 'INVALID_HANDLE'
  | 'HANDLE_TAKEN'
  | 'INVALID_NAME'
  | 'INVALID_DESCRIPTION'
  | 'INVALID_EMAIL'
  | 'EMAIL_TAKEN'
  | 'INVALID_DISPLAY_NAME';
export type UpdateMerchantErrorCode =
  | 'MERCHANT_NOT_FOUND'
  | 'MERCHANT_FROZEN'
  | 'INVALID_NAME'
  | 'INVALID_DESCRIPTION';
export type MerchantStatusErrorCode =
  | 'MERCHANT_NOT_FOUND'
  | 'INVALID_REASON'
  | 'INVALID_STATUS'
  | 'OPEN_PAID_ORDERS';

export interface StaffMerchantsFilter {
  query?: string | null;
  status?: MerchantStatus | null;
}
export type StaffMerchantSortField = 'CREATED_AT' | 'HANDLE' | 'NAME';
export interface StaffMerchantsSort {
  field: StaffMerchantSortField;
  direction: 'ASC' | 'DESC';
}

export interface MerchantStats {
  products: number;
  publishedProducts: number;
  ordersByStatus: { status: OrderStatus; count: number }[];
  teamSize: number;
}

const SORT_COLUMN: Record<StaffMerchantSortField, string> = {
  CREATED_AT: 'm.created_at',
  HANDLE: 'm.handle',
  NAME: 'm.name_en',
};

/** 3–40 lower-case letters, digits and single dashes inside; it becomes part of store URLs. */
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$/;
const MAX_NAME = 200;
const MAX_DESCRIPTION = 5000;
const MAX_REASON = 500;

export interface MerchantFields {
  nameEn?: string | null;
  nameZh?: string | null;
  descriptionEn?: string | null;
  descriptionZh?: string | null;
}

/** Checks the names and descriptions given; returns the cleaned values or the first problem per field. */
function checkFields(input: MerchantFields, required: boolean) {
  const errors: Err<'INVALID_NAME' | 'INVALID_DESCRIPTION'>[] = [];
  const values: Partial<Record<keyof MerchantFields, string>> = {};
  for (const key of ['nameEn', 'nameZh'] as const) {
    const raw = input[key];
    if (raw == null) {
      if (required) errors.push(userError('INVALID_NAME', 'Enter the store’s name.', ['input', key]));
      continue;
    }
    const v = raw.trim().replace(/\s+/g, ' ');
    if (v === '' || characterCount(v) > MAX_NAME)
      errors.push(userError('INVALID_NAME', `A store name has 1–${MAX_NAME} characters.`, ['input', key]));
    else values[key] = v;
  }
  for (const key of ['descriptionEn', 'descriptionZh'] as const) {
    const raw = input[key];
    if (raw == null) continue;
    const v = raw.trim();
    if (characterCount(v) > MAX_DESCRIPTION)
      errors.push(
        userError('INVALID_DESCRIPTION', `A description has at most ${MAX_DESCRIPTION} characters.`, [
          'input',
          key,
        ]),
      );
    else values[key] = v;
  }
  return { errors, values };
}

/**
 * Stores, as platform admins manage them: create (with an invited owner), edit, disable and enable.
 * Customer service reads stores (they pick them when filtering orders); merchant staff read their
 * own store, and its owner edits its profile.
 */
export class MerchantsAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  async createMerchant(input: {
    handle: string;
    nameEn: string;
    nameZh: string;
    descriptionEn?: string | null;
    descriptionZh?: string | null;
    ownerEmail: string;
    ownerName: string;
    ownerLocale?: Locale | null;
  }): Promise<{ merchant: MerchantEntity | null; userErrors: Err<CreateMerchantErrorCode>[] }> {
    requireRole(this.viewer, 'ADMIN');
    const errors: Err<CreateMerchantErrorCode>[] = [];
    const handle = input.handle.trim().toLowerCase();
    if (!HANDLE_PATTERN.test(handle))
      errors.push(
        userError(
          'INVALID_HANDLE',
          'A handle has 3–40 lower-case letters, digits and single dashes, starting and ending with a letter or digit.',
          ['input', 'handle'],
        ),
      );
    const fields = checkFields(input, true);
    errors.push(...fields.errors);
    const email = checkEmail(input.ownerEmail);
    if (!email.ok) errors.push(userError('INVALID_EMAIL', email.error.message, ['input', 'ownerEmail']));
    const name = checkDisplayName(input.ownerName);
    if (!name.ok) errors.push(userError('INVALID_DISPLAY_NAME', name.error.message, ['input', 'ownerName']));
    if (errors.length > 0 || !email.ok || !name.ok) return { merchant: null, userErrors: errors };
    return inTransaction(this.em, async (em) => {
      // Two requests for one handle are serialised here: the second one sees the first's store.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`merchant-handle:${handle}`]);
      if ((await em.count(MerchantEntity, { handle })) > 0)
        return {
          merchant: null,
          userErrors: [
            userError('HANDLE_TAKEN' as const, 'Another store has this handle.', ['input', 'handle']),
          ],
        };
      const merchant = em.create(MerchantEntity, {
        handle,
        nameEn: fields.values.nameEn!,
        nameZh: fields.values.nameZh!,
        descriptionEn: fields.values.descriptionEn ?? '',
        descriptionZh: fields.values.descriptionZh ?? '',
        status: 'ACTIVE',
      });
      await em.flush();
      const owner = await createInvitedAccount(em, this.config, {
        email: email.value,
        displayName: name.value,
        role: 'MERCHANT_STAFF',
        merchant,
        merchantRole: 'OWNER',
        locale: input.ownerLocale ?? 'en',
      });
      if (!owner)
        throw new Refusal({
          merchant: null,
          userErrors: [
            userError('EMAIL_TAKEN' as const, 'An account with this email address already exists.', [
              'input',
              'ownerEmail',
            ]),
          ],
        });
      return { merchant, userErrors: [] };
    });
  }

  /** Admins edit any store's profile; a store's owner edits its own unless the store cannot edit (frozen, disabled). */
  async updateMerchant(
    merchantGlobalId: string,
    input: MerchantFields,
  ): Promise<{ merchant: MerchantEntity | null; userErrors: Err<UpdateMerchantErrorCode>[] }> {
    const viewer = requireRole(this.viewer, 'ADMIN', 'MERCHANT_STAFF');
    const notFound = {
      merchant: null,
      userErrors: [userError('MERCHANT_NOT_FOUND' as const, 'There is no store with this ID.', ['id'])],
    };
    const id = fromGlobalId(merchantGlobalId, 'Merchant');
    return inTransaction(this.em, async (em) => {
      if (viewer.role === 'MERCHANT_STAFF') {
        const me = await em.findOne(UserEntity, { id: viewer.userId });
        if (me?.merchantRole !== 'OWNER')
          throw new PublicError('FORBIDDEN', 'Only the store’s owner edits its profile.');
        if (id === null || id !== viewer.merchantId) return notFound;
      }
      if (id === null) return notFound;
      const merchant = await em.findOne(MerchantEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!merchant) return notFound;
      // A store's staff need a standing that allows changing its public profile (not under a freeze).
      if (viewer.role === 'MERCHANT_STAFF')
        await requireCapability(em, viewer, 'store.profile', { merchantId: id });
      const fields = checkFields(input, false);
      if (fields.errors.length > 0) return { merchant: null, userErrors: fields.errors };
      Object.assign(merchant, fields.values);
      await em.flush();
      return { merchant, userErrors: [] };
    });
  }

  /**
   * Closes a store (ACTIVE or GENERAL_FROZEN → DISABLED): its listings leave the storefront, its
   * orders awaiting payment close with the reason. Refused while paid orders are still open (they
   * are fulfilled first, or handled by a safe freeze).
   */
  async disableMerchant(
    merchantGlobalId: string,
    rawReason: string,
  ): Promise<{ merchant: MerchantEntity | null; userErrors: Err<MerchantStatusErrorCode>[] }> {
    const viewer = requireRole(this.viewer, 'ADMIN');
    return this.changeStatus(merchantGlobalId, rawReason, async (em, merchant, reason) => {
      if (merchant.status === 'DISABLED')
        return userError('INVALID_STATUS' as const, 'This store is already disabled.');
      if (merchant.status !== 'ACTIVE' && merchant.status !== 'GENERAL_FROZEN')
        return userError('INVALID_STATUS' as const, `A ${merchant.status} store cannot be disabled here.`);
      // Close the unpaid orders first (each locked through applyOrderEvent); an order paid meanwhile
      // cannot close, and the count below then sees every paid order, so none slips through.
      const unpaid = await em.execute<{ id: number }[]>(
        `select id from customer_order where merchant_id = ? and status = 'AWAITING_PAYMENT' order by id`,
        [merchant.id],
      );
      for (const { id } of unpaid) {
        const closed = await applyOrderEvent(
          em,
          this.config,
          id,
          'CLOSE',
          { kind: 'STAFF', userId: viewer.userId },
          `Store disabled: ${reason}`,
        );
        if (!closed.ok)
          return userError(
            'OPEN_PAID_ORDERS' as const,
            'An order of this store was just paid; it must be fulfilled first.',
          );
      }
      const [open] = await em.execute<{ n: number }[]>(
        `select count(*)::int as n from customer_order where merchant_id = ? and status in ('AWAITING_SHIPMENT', 'SHIPPED')`,
        [merchant.id],
      );
      if ((open?.n ?? 0) > 0)
        return userError(
          'OPEN_PAID_ORDERS' as const,
          `This store has ${open!.n} paid orders still open; they must be shipped and completed (or handled by a freeze) first.`,
        );
      merchant.status = 'DISABLED';
      return null;
    });
  }

  /** Opens a disabled store again (DISABLED → ACTIVE); its published listings are back on sale. */
  async enableMerchant(
    merchantGlobalId: string,
    rawReason: string,
  ): Promise<{ merchant: MerchantEntity | null; userErrors: Err<MerchantStatusErrorCode>[] }> {
    requireRole(this.viewer, 'ADMIN');
    return this.changeStatus(merchantGlobalId, rawReason, async (em, merchant) => {
      if (merchant.status !== 'DISABLED')
        return userError('INVALID_STATUS' as const, 'Only a disabled store can be enabled.');
      // A general freeze still in force (penalties) outlives the disable/enable.
      merchant.status = (await hasActiveGeneralFreeze(em, { merchantId: merchant.id }))
        ? 'GENERAL_FROZEN'
        : 'ACTIVE';
      return null;
    });
  }

  private async changeStatus(
    merchantGlobalId: string,
    rawReason: string,
    apply: (
      em: EntityManager,
      merchant: MerchantEntity,
      reason: string,
    ) => Promise<Err<MerchantStatusErrorCode> | null>,
  ): Promise<{ merchant: MerchantEntity | null; userErrors: Err<MerchantStatusErrorCode>[] }> {
    const viewer = this.viewer!;
    const fail = (e: Err<MerchantStatusErrorCode>) => ({ merchant: null, userErrors: [e] });
    const id = fromGlobalId(merchantGlobalId, 'Merchant');
    const notFound = userError('MERCHANT_NOT_FOUND' as const, 'There is no store with this ID.', ['id']);
    if (id === null) return fail(notFound);
    const reason = rawReason?.trim() ?? '';
    if (reason === '' || characterCount(reason) > MAX_REASON)
      return fail(
        userError('INVALID_REASON' as const, `Give a reason of 1–${MAX_REASON} characters.`, ['reason']),
      );
    return inTransaction(this.em, async (em) => {
      const merchant = await em.findOne(MerchantEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!merchant) return fail(notFound);
      const from = merchant.status;
      const problem = await apply(em, merchant, reason);
      if (problem) throw new Refusal(fail(problem));
      em.create(MerchantStatusChangeEntity, {
        merchant,
        fromStatus: from,
        toStatus: merchant.status,
        reason,
        actor: viewer.userId,
      });
      await em.flush();
      return { merchant, userErrors: [] };
    });
  }

  private reader(): Viewer {
    const v = requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE', 'MERCHANT_STAFF');
    if (v.role === 'MERCHANT_STAFF' && v.merchantId === null)
      throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    return v;
  }

  /** One store: any for platform staff, only their own for merchant staff (others: null). */
  async findStaffMerchant(globalId: string): Promise<MerchantEntity | null> {
    const viewer = this.reader();
    const id = fromGlobalId(globalId, 'Merchant');
    if (id === null) return null;
    if (viewer.role === 'MERCHANT_STAFF' && id !== viewer.merchantId) return null;
    return this.em.findOne(MerchantEntity, { id });
  }

  async listStaffMerchants(args: {
    first: number;
    after?: string | null;
    filter?: StaffMerchantsFilter | null;
    sort?: StaffMerchantsSort | null;
  }): Promise<ConnectionShape<MerchantEntity>> {
    const viewer = this.reader();
    const first = Math.min(Math.max(args.first, 0), 100);
    const sort = args.sort ?? { field: 'CREATED_AT', direction: 'DESC' };
    const column = SORT_COLUMN[sort.field];
    if (!column) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
    const dir = sort.direction === 'ASC' ? 'asc' : 'desc';
    const filter = args.filter ?? {};
    const params: unknown[] = [];
    const where: string[] = [];
    if (viewer.role === 'MERCHANT_STAFF') {
      params.push(viewer.merchantId);
      where.push('m.id = ?');
    }
    if (filter.status) {
      if (!(MERCHANT_STATUSES as readonly string[]).includes(filter.status))
        throw new PublicError('BAD_USER_INPUT', 'Unknown store status.');
      params.push(filter.status);
      where.push('m.status = ?');
    }
    const query = filter.query?.trim();
    if (query) {
      const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like);
      where.push('(m.handle ilike ? or m.name_en ilike ? or m.name_zh ilike ?)');
    }
    const countWhere = [...where];
    const countParams = [...params];
    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      const valid = key?.length === 3 && key[0] === sort.field && typeof key[2] === 'number';
      if (!valid) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
      const value = sort.field === 'CREATED_AT' ? new Date(key![1] as string) : key![1];
      const op = dir === 'asc' ? '>' : '<';
      params.push(value, value, key![2]);
      where.push(`(${column} ${op} ? or (${column} = ? and m.id ${op} ?))`);
    }
    params.push(first + 1);
    const rows = await this.em.execute<{ id: number }[]>(
      `select m.id from merchant m ${where.length ? `where ${where.join(' and ')}` : ''}
       order by ${column} ${dir}, m.id ${dir} limit ?`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const entities = ids.length ? await this.em.find(MerchantEntity, { id: { $in: ids } }) : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    return toConnection(
      ids.map((id) => byId.get(id)!),
      first,
      {
        hasPrevious: key !== null,
        cursorOf: (m) =>
          encodeCursor([
            sort.field,
            sort.field === 'CREATED_AT'
              ? m.createdAt.toISOString()
              : sort.field === 'HANDLE'
                ? m.handle
                : m.nameEn,
            m.id,
          ]),
        map: (m) => m,
        count: async () => {
          const [c] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from merchant m ${countWhere.length ? `where ${countWhere.join(' and ')}` : ''}`,
            countParams,
          );
          return c?.n ?? 0;
        },
      },
    );
  }

  async stats(merchant: MerchantEntity): Promise<MerchantStats> {
    const [products] = await this.em.execute<{ total: number; published: number }[]>(
      `select count(*)::int as total, count(*) filter (where status = 'PUBLISHED')::int as published
       from product where merchant_id = ?`,
      [merchant.id],
    );
    const orders = await this.em.execute<{ status: OrderStatus; n: number }[]>(
      'select status, count(*)::int as n from customer_order where merchant_id = ? group by status',
      [merchant.id],
    );
    const counts = new Map(orders.map((o) => [o.status, o.n]));
    const [team] = await this.em.execute<{ n: number }[]>(
      `select count(*)::int as n from user_account where merchant_id = ? and role = 'MERCHANT_STAFF' and status = 'ACTIVE'`,
      [merchant.id],
    );
    return {
      products: products?.total ?? 0,
      publishedProducts: products?.published ?? 0,
      ordersByStatus: ORDER_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
      teamSize: team?.n ?? 0,
    };
  }

  /** Status changes of a store, newest first (platform staff only; merchant staff get an empty list). */
  statusHistory(merchant: MerchantEntity): Promise<MerchantStatusChangeEntity[]> {
    if (this.viewer?.role !== 'ADMIN' && this.viewer?.role !== 'CUSTOMER_SERVICE') return Promise.resolve([]);
    return this.em.find(
      MerchantStatusChangeEntity,
      { merchant },
      { orderBy: { id: 'desc' }, populate: ['actor'], limit: 50 },
    );
  }

  /** The store's owner account, if it has one. */
  owner(merchant: MerchantEntity): Promise<UserEntity | null> {
    return this.em.findOne(
      UserEntity,
      { merchant, merchantRole: 'OWNER', role: 'MERCHANT_STAFF' },
      { orderBy: { id: 'asc' } },
    );
  }
}
