import type { EntityManager } from '@mikro-orm/postgresql';
import { isOrderStatus, type OrderStatus } from '@marketplace/core';
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
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { applyOrderEvent } from '../orders/order-transitions.js';
import { OrderEntity } from '../orders/order.entity.js';
import { PaymentRefundEntity } from '../payments/payment.entity.js';
import { OrderNoteEntity } from './order-note.entity.js';

export type StaffOrderSortField = 'CREATED_AT' | 'TOTAL' | 'NUMBER';
export type SortDirection = 'ASC' | 'DESC';

export interface StaffOrdersFilter {
  status?: OrderStatus | null;
  merchantId?: string | null;
  search?: string | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  hasCancellationRequest?: boolean | null;
  cancellationRequestStatus?: 'PENDING' | 'APPROVED' | 'REJECTED' | null;
}

export interface StaffOrdersSort {
  field: StaffOrderSortField;
  direction: SortDirection;
}

type Err<C extends string> = { code: C; message: string; field: string[] | null };

export interface NoteResult {
  note: OrderNoteEntity | null;
  userErrors: Err<'ORDER_NOT_FOUND' | 'INVALID_TEXT'>[];
}

export interface CloseResult {
  order: OrderEntity | null;
  userErrors: Err<'ORDER_NOT_FOUND' | 'INVALID_TRANSITION' | 'INVALID_REASON'>[];
}

const STAFF_ROLES = ['MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN'] as const;
const SORT_COLUMN: Record<StaffOrderSortField, string> = {
  CREATED_AT: 'o.created_at',
  TOTAL: 'o.total_minor',
  NUMBER: 'o.number',
};
const MAX_NOTE = 2000;
const MAX_REASON = 500;
export const MAX_EXPORT_ROWS = 10_000;

/**
 * Orders in the management center: merchant staff see their own store's orders only (another
 * store's order does not exist for them); customer service and admins see every order.
 */
export class OrdersAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  private staff(): Viewer {
    const v = requireRole(this.viewer, ...STAFF_ROLES);
    if (v.role === 'MERCHANT_STAFF' && v.merchantId === null)
      throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    return v;
  }

  /**
   * SQL conditions on `customer_order o` for the viewer's scope and the filter, without the text
   * search (parameters in `params`, in the order of the `?` they belong to).
   */
  private conditions(viewer: Viewer, filter: StaffOrdersFilter, params: unknown[]): string[] {
    const where: string[] = [];
    if (viewer.role === 'MERCHANT_STAFF') {
      params.push(viewer.merchantId);
      where.push('o.merchant_id = ?');
    } else if (filter.merchantId) {
      const id = fromGlobalId(filter.merchantId, 'Merchant');
      if (id === null) throw new PublicError('BAD_USER_INPUT', 'Unknown merchant ID.');
      params.push(id);
      where.push('o.merchant_id = ?');
    }
    if (filter.status) {
      if (!isOrderStatus(filter.status)) throw new PublicError('BAD_USER_INPUT', 'Unknown order status.');
      params.push(filter.status);
      where.push('o.status = ?');
    }
    if (filter.createdFrom) {
      params.push(filter.createdFrom);
      where.push('o.created_at >= ?');
    }
    if (filter.createdTo) {
      params.push(filter.createdTo);
      where.push('o.created_at < ?');
    }
    if (filter.hasCancellationRequest != null) {
      where.push(
        `${filter.hasCancellationRequest ? '' : 'not '}exists (select 1 from order_cancellation_request r where r.order_id = o.id)`,
      );
    }
    if (filter.cancellationRequestStatus) {
      params.push(filter.cancellationRequestStatus);
      where.push(
        'exists (select 1 from order_cancellation_request r where r.order_id = o.id and r.status = ?)',
      );
    }
    return where;
  }

  /**
   * The ids of the matching orders in list order, at most `limit` of them (after the keyset
   * `after`, if any). The text search matches the order number OR the shopper's email: an OR
   * across two tables no index can answer, so it is two index-driven branches (trigram index on
   * the number; trigram index on the email, then the shopper's orders), each limited, merged.
   */
  private idsSql(
    viewer: Viewer,
    filter: StaffOrdersFilter,
    order: { column: string; dir: 'asc' | 'desc' },
    after: { value: unknown; id: number } | null,
    limit: number,
    params: unknown[],
    select = 'select o.id',
  ): string {
    const orderBy = `order by ${order.column} ${order.dir}, o.id ${order.dir}`;
    const op = order.dir === 'asc' ? '>' : '<';
    const cast = order.column === 'o.created_at' ? '::timestamptz' : '';
    const branch = (from: string, extra: string | null, extraParam: unknown) => {
      const where = this.conditions(viewer, filter, params);
      if (extra) {
        params.push(extraParam);
        where.push(extra);
      }
      if (after) {
        params.push(after.value, after.id);
        where.push(`(${order.column}, o.id) ${op} (?${cast}, ?)`);
      }
      params.push(limit);
      return `${select} from ${from} ${where.length ? `where ${where.join(' and ')}` : ''} ${orderBy} limit ?`;
    };
    const search = filter.search?.trim();
    if (!search) return branch('customer_order o', null, null);
    const like = likePattern(search);
    const byNumber = branch('customer_order o', 'o.number ilike ?', like);
    const byEmail = branch(
      'customer_order o join user_account u on u.id = o.user_id',
      'u.email ilike ?',
      like,
    );
    return `(${byNumber}) union (${byEmail})`;
  }

  async listStaffOrders(args: {
    first: number;
    after?: string | null;
    filter?: StaffOrdersFilter | null;
    sort?: StaffOrdersSort | null;
  }): Promise<
    ConnectionShape<OrderEntity> & { countUpTo: (limit: number) => Promise<number>; related: PageRelated }
  > {
    const viewer = this.staff();
    const first = Math.min(Math.max(args.first, 0), 100);
    const sort = args.sort ?? { field: 'CREATED_AT', direction: 'DESC' };
    const column = SORT_COLUMN[sort.field];
    if (!column) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
    const dir = sort.direction === 'ASC' ? 'asc' : 'desc';
    const filter = args.filter ?? {};

    const key = args.after ? decodeCursor(args.after) : null;
    let after: { value: unknown; id: number } | null = null;
    if (args.after) {
      const valid =
        key?.length === 3 &&
        key[0] === sort.field &&
        typeof key[2] === 'number' &&
        (sort.field === 'TOTAL'
          ? typeof key[1] === 'number'
          : typeof key[1] === 'string' && (sort.field !== 'CREATED_AT' || !Number.isNaN(Date.parse(key[1]))));
      if (!valid) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
      after = { value: key![1], id: key![2] as number };
    }
    // One statement: the page's rows, in order, found through the (filter…, sort key, id) indexes.
    // Without a search that index walk selects the rows itself; with one, the merged ids are read back.
    const order = { column, dir } as const;
    // The store and the shopper's email of each row come with it (the resolver primes the loaders).
    const select = `select o.*, ${column === 'o.created_at' ? 'o.created_at::text' : column} as sort_key,
      (select to_json(m) from merchant m where m.id = o.merchant_id) as merchant_json,
      (select u.email from user_account u where u.id = o.user_id) as shopper_email`;
    const params: unknown[] = [];
    let sql: string;
    if (filter.search?.trim()) {
      const ids = this.idsSql(viewer, filter, order, after, first + 1, params);
      params.push(first + 1);
      sql = `${select} from customer_order o where o.id in (${ids}) order by ${column} ${dir}, o.id ${dir} limit ?`;
    } else {
      sql = this.idsSql(viewer, filter, order, after, first + 1, params, select);
    }
    const rows = await this.em.execute<(Record<string, unknown> & PageRowExtras)[]>(sql, params);
    const related: PageRelated = { merchants: [], emails: [] };
    const page = rows.map(({ sort_key, merchant_json, shopper_email, ...row }) => {
      const order = this.em.map(OrderEntity, row);
      related.merchants.push(merchant_json);
      related.emails.push([order.user.id, shopper_email]);
      return { key: sort_key, order };
    });
    return {
      related,
      ...toConnection(page, first, {
        hasPrevious: key !== null,
        cursorOf: (r) => encodeCursor([sort.field, r.key, r.order.id]),
        map: (r) => r.order,
        count: async () => {
          const countParams: unknown[] = [];
          const where = this.conditions(viewer, filter, countParams);
          const search = filter.search?.trim();
          if (search) {
            const like = likePattern(search);
            countParams.push(like, like);
            where.push(
              '(o.number ilike ? or o.user_id in (select u.id from user_account u where u.email ilike ?))',
            );
          }
          const [c] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from customer_order o ${where.length ? `where ${where.join(' and ')}` : ''}`,
            countParams,
          );
          return c?.n ?? 0;
        },
      }),
      // Counting stops at `limit`: the same index walk as the first page, `limit` rows long.
      countUpTo: async (limit: number) => {
        const countParams: unknown[] = [];
        const sql = this.idsSql(viewer, filter, { column, dir }, null, limit, countParams);
        const [c] = await this.em.execute<{ n: number }[]>(
          `select count(*)::int as n from (${sql}) c`,
          countParams,
        );
        return Math.min(c?.n ?? 0, limit);
      },
    };
  }

  /** The stores the viewer may filter orders by: all for platform staff, their own for merchant staff. */
  async filterableMerchants(): Promise<MerchantEntity[]> {
    const viewer = this.staff();
    const where = viewer.role === 'MERCHANT_STAFF' ? { id: viewer.merchantId! } : {};
    return this.em.find(MerchantEntity, where, { orderBy: { handle: 'asc' } });
  }

  /** One order by number within the viewer's scope, or null. */
  async findStaffOrder(number: string): Promise<OrderEntity | null> {
    const viewer = this.staff();
    const order = await this.em.findOne(OrderEntity, { number });
    if (!order || !inScope(viewer, order)) return null;
    return order;
  }

  /** Whether the viewer may read this order's staff-only fields (notes, shopper email, refunds). */
  canSeeStaffFields(order: OrderEntity): boolean {
    const v = this.viewer;
    if (!v) return false;
    if (v.role === 'CUSTOMER_SERVICE' || v.role === 'ADMIN') return true;
    return v.role === 'MERCHANT_STAFF' && inScope(v, order);
  }

  notesOf(order: OrderEntity): Promise<OrderNoteEntity[]> {
    return this.em.find(OrderNoteEntity, { order }, { orderBy: { id: 'asc' }, populate: ['author'] });
  }

  refundsOf(order: OrderEntity): Promise<PaymentRefundEntity[]> {
    return this.em.find(PaymentRefundEntity, { order }, { orderBy: { id: 'asc' } });
  }

  async addNote(input: { orderId: string; text: string }): Promise<NoteResult> {
    const viewer = requireRole(this.viewer, 'CUSTOMER_SERVICE', 'ADMIN');
    const id = fromGlobalId(input.orderId, 'Order');
    const text = input.text?.trim() ?? '';
    if (id === null)
      return noteFail('ORDER_NOT_FOUND', 'There is no order with this ID.', ['input', 'orderId']);
    if (text === '' || text.length > MAX_NOTE)
      return noteFail('INVALID_TEXT', `Write a note of 1–${MAX_NOTE} characters.`, ['input', 'text']);
    return inTransaction(this.em, async (em) => {
      const order = await em.findOne(OrderEntity, { id });
      if (!order) return noteFail('ORDER_NOT_FOUND', 'There is no order with this ID.', ['input', 'orderId']);
      const note = em.create(OrderNoteEntity, { order, author: viewer.userId, text });
      await em.flush();
      await em.populate(note, ['author']);
      return { note, userErrors: [] };
    });
  }

  /** AWAITING_PAYMENT → CLOSED by customer service (core CLOSE): stock and coupon use are released. */
  async close(input: { orderId: string; reason: string }): Promise<CloseResult> {
    const viewer = requireRole(this.viewer, 'CUSTOMER_SERVICE', 'ADMIN');
    const id = fromGlobalId(input.orderId, 'Order');
    if (id === null)
      return closeFail('ORDER_NOT_FOUND', 'There is no order with this ID.', ['input', 'orderId']);
    const reason = input.reason?.trim() ?? '';
    if (reason === '' || reason.length > MAX_REASON)
      return closeFail('INVALID_REASON', `Give a reason of 1–${MAX_REASON} characters.`, ['input', 'reason']);
    return inTransaction(this.em, async (em) => {
      const exists = await em.count(OrderEntity, { id });
      if (exists === 0)
        return closeFail('ORDER_NOT_FOUND', 'There is no order with this ID.', ['input', 'orderId']);
      const result = await applyOrderEvent(
        em,
        this.config,
        id,
        'CLOSE',
        { kind: 'STAFF', userId: viewer.userId },
        reason,
      );
      if (!result.ok)
        throw new Refusal(
          closeFail(
            'INVALID_TRANSITION',
            `Only an order awaiting payment can be closed (this one is ${result.error.from}).`,
          ),
        );
      return { order: result.value, userErrors: [] };
    });
  }

  /** The orders of the filter as CSV (RFC 4180), in the viewer's scope, newest first. */
  async exportCsv(filter: StaffOrdersFilter | null, sort: StaffOrdersSort | null = null): Promise<string> {
    const viewer = this.staff();
    const s = sort ?? { field: 'CREATED_AT', direction: 'DESC' };
    const column = SORT_COLUMN[s.field];
    if (!column) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
    const dir = s.direction === 'ASC' ? 'asc' : 'desc';
    const params: unknown[] = [];
    const ids = this.idsSql(viewer, filter ?? {}, { column, dir }, null, MAX_EXPORT_ROWS, params);
    params.push(MAX_EXPORT_ROWS);
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select o.number, o.created_at, o.status, o.kind, m.handle as merchant, u.email as shopper_email,
              o.payment_method, o.currency, o.subtotal_minor, o.discount_minor, o.shipping_fee_minor,
              o.total_minor, o.coupon_code, o.ship_recipient_name, o.ship_country, o.ship_city,
              o.shipping_carrier, o.tracking_number, o.paid_at, o.shipped_at,
              (select r.status from order_cancellation_request r where r.order_id = o.id) as cancellation_request
       from customer_order o join user_account u on u.id = o.user_id join merchant m on m.id = o.merchant_id
       where o.id in (${ids})
       order by ${column} ${dir}, o.id ${dir} limit ?`,
      params,
    );
    const header = [
      'number',
      'created_at',
      'status',
      'kind',
      'merchant',
      'shopper_email',
      'payment_method',
      'currency',
      'subtotal_minor',
      'discount_minor',
      'shipping_fee_minor',
      'total_minor',
      'coupon_code',
      'recipient_name',
      'country',
      'city',
      'carrier',
      'tracking_number',
      'paid_at',
      'shipped_at',
      'cancellation_request',
    ];
    const keys = [
      'number',
      'created_at',
      'status',
      'kind',
      'merchant',
      'shopper_email',
      'payment_method',
      'currency',
      'subtotal_minor',
      'discount_minor',
      'shipping_fee_minor',
      'total_minor',
      'coupon_code',
      'ship_recipient_name',
      'ship_country',
      'ship_city',
      'shipping_carrier',
      'tracking_number',
      'paid_at',
      'shipped_at',
      'cancellation_request',
    ];
    const lines = [header.map(csvCell).join(',')];
    const instants = new Set(['created_at', 'paid_at', 'shipped_at']);
    const cell = (row: Record<string, unknown>, k: string) => {
      const v = row[k];
      return instants.has(k) && v != null ? new Date(v as string | Date).toISOString() : v;
    };
    for (const row of rows) lines.push(keys.map((k) => csvCell(cell(row, k))).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }
}

interface PageRowExtras {
  sort_key: string | number;
  merchant_json: Record<string, unknown>;
  shopper_email: string;
}

/** What a staff order page read along with its rows: merchants (JSON rows) and shopper emails by user id. */
export interface PageRelated {
  merchants: Record<string, unknown>[];
  emails: [number, string][];
}

function inScope(viewer: Viewer, order: OrderEntity): boolean {
  return viewer.role !== 'MERCHANT_STAFF' || order.merchant.id === viewer.merchantId;
}

/** `ilike` pattern matching `text` anywhere (its own % _ \\ taken literally). */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One CSV cell: RFC 4180 quoting, and text that a spreadsheet would run as a formula made inert. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function noteFail(code: 'ORDER_NOT_FOUND' | 'INVALID_TEXT', message: string, field: string[] | null) {
  return { note: null, userErrors: [userError(code, message, field)] };
}

function closeFail(
  code: 'ORDER_NOT_FOUND' | 'INVALID_TRANSITION' | 'INVALID_REASON',
  message: string,
  field: string[] | null = null,
) {
  return { order: null, userErrors: [userError(code, message, field)] };
}
