import type { EntityManager } from '@mikro-orm/postgresql';
import { type CurrencyCode, ORDER_STATUSES, type OrderStatus } from '@marketplace/core';
import type { Config } from '../../config.js';
import { PublicError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';

export const MAX_DASHBOARD_DAYS = 366;
export const MAX_TOP_PRODUCTS = 10;

/** What one dashboard is about: resolved once (with authorization), then used by every figure. */
export interface DashboardScope {
  /** null = every store (platform staff only). */
  merchant: MerchantEntity | null;
  days: number;
  timeZone: string;
  currency: CurrencyCode;
  /** Midnight of the first day in `timeZone`. */
  from: Date;
  /** Midnight after today in `timeZone` (exclusive). */
  to: Date;
}

export interface DaySales {
  date: string;
  salesMinor: number;
  orders: number;
}

export interface TopProductRow {
  productId: number | null;
  handle: string;
  titleEn: string;
  titleZh: string;
  units: number;
  revenueMinor: number;
}

export interface ActionItem {
  count: number;
  oldestAt: Date | null;
}

/**
 * "Sales" throughout: orders whose payment was captured in the period (`paid_at`), counted on the
 * calendar day of that instant in the reporting time zone, with their total (after discounts, with
 * shipping), except orders that FAILED since (a failed paid order was fully refunded). Orders in
 * another currency than the platform's are left out.
 */
const SALE = `o.paid_at is not null and o.status <> 'FAILED' and o.currency = ?`;

export class DashboardService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  /**
   * The scope of a dashboard. Merchant staff always get their own store (another store's ID is
   * treated like an unknown one: null); customer service and admins get every store, or one.
   */
  async scope(args: { merchantId?: string | null; days: number }): Promise<DashboardScope | null> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN');
    if (viewer.role === 'MERCHANT_STAFF' && viewer.merchantId === null)
      throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    if (!Number.isInteger(args.days) || args.days < 1 || args.days > MAX_DASHBOARD_DAYS)
      throw new PublicError('BAD_USER_INPUT', `days must be between 1 and ${MAX_DASHBOARD_DAYS}.`);

    let merchantId: number | null = null;
    if (args.merchantId != null) {
      merchantId = fromGlobalId(args.merchantId, 'Merchant');
      if (merchantId === null) return null;
      if (viewer.role === 'MERCHANT_STAFF' && merchantId !== viewer.merchantId) return null;
    } else if (viewer.role === 'MERCHANT_STAFF') {
      merchantId = viewer.merchantId;
    }
    const merchant = merchantId === null ? null : await this.em.findOne(MerchantEntity, { id: merchantId });
    if (merchantId !== null && !merchant) return null;

    const tz = this.config.reportingTimeZone;
    const [bounds] = await this.em.execute<{ from: Date; to: Date }[]>(
      `select ((today - ?::int)::timestamp at time zone ?) as "from",
              ((today + 1)::timestamp at time zone ?) as "to"
       from (select (now() at time zone ?)::date as today) t`,
      [args.days - 1, tz, tz, tz],
    );
    return {
      merchant,
      days: args.days,
      timeZone: tz,
      currency: this.config.currency as CurrencyCode,
      from: new Date(bounds!.from),
      to: new Date(bounds!.to),
    };
  }

  private readonly sales = new WeakMap<DashboardScope, Promise<DaySales[]>>();

  /** Sales of every day of the period, oldest first; days without sales are there with zero. */
  salesByDay(scope: DashboardScope): Promise<DaySales[]> {
    let rows = this.sales.get(scope);
    if (!rows) {
      rows = this.querySalesByDay(scope);
      this.sales.set(scope, rows);
    }
    return rows;
  }

  private async querySalesByDay(scope: DashboardScope): Promise<DaySales[]> {
    const tz = scope.timeZone;
    const params: unknown[] = [scope.from, tz, scope.to, tz, tz, tz, scope.currency];
    const merchant = scope.merchant ? 'and o.merchant_id = ?' : '';
    if (scope.merchant) params.push(scope.merchant.id);
    // One range join per day: each day's orders come from the paid_at index.
    const rows = await this.em.execute<{ day: string; sales: string | number; orders: number }[]>(
      `select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(sum(o.total_minor), 0)::bigint as sales,
              count(o.id)::int as orders
       from (select generate_series((?::timestamptz at time zone ?)::date::timestamp,
                                    ((?::timestamptz at time zone ?)::date - 1)::timestamp,
                                    interval '1 day')::date as day) d
       left join customer_order o
         on o.paid_at >= (d.day::timestamp at time zone ?)
        and o.paid_at < ((d.day + 1)::timestamp at time zone ?)
        and ${SALE} ${merchant}
       group by d.day order by d.day`,
      params,
    );
    return rows.map((r) => ({ date: r.day, salesMinor: Number(r.sales), orders: r.orders }));
  }

  /** Orders created in the period by their status now: all six statuses, zeros included. */
  async ordersByStatus(scope: DashboardScope): Promise<{ status: OrderStatus; count: number }[]> {
    const params: unknown[] = [scope.from];
    const merchant = scope.merchant ? 'and o.merchant_id = ?' : '';
    if (scope.merchant) params.push(scope.merchant.id);
    const rows = await this.em.execute<{ status: OrderStatus; n: number }[]>(
      `select o.status, count(*)::int as n from customer_order o
       where o.created_at >= ? ${merchant} group by o.status`,
      params,
    );
    const counts = new Map(rows.map((r) => [r.status, r.n]));
    return ORDER_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  /** The products that sold most in the period (by units or by revenue), at most `limit`. */
  async topProducts(scope: DashboardScope, by: 'UNITS' | 'REVENUE', limit: number): Promise<TopProductRow[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TOP_PRODUCTS)
      throw new PublicError('BAD_USER_INPUT', `limit must be between 1 and ${MAX_TOP_PRODUCTS}.`);
    const params: unknown[] = [scope.from, scope.to, scope.currency];
    const merchant = scope.merchant ? 'and o.merchant_id = ?' : '';
    if (scope.merchant) params.push(scope.merchant.id);
    params.push(limit);
    const order = by === 'REVENUE' ? 'revenue desc, units desc' : 'units desc, revenue desc';
    const rows = await this.em.execute<
      {
        product_id: number | null;
        handle: string;
        title_en: string;
        title_zh: string;
        units: number;
        revenue: string | number;
      }[]
    >(
      `select s.*, p.id as product_id from (
         select l.product_handle as handle,
                (array_agg(l.product_title_en order by l.id desc))[1] as title_en,
                (array_agg(l.product_title_zh order by l.id desc))[1] as title_zh,
                sum(l.quantity)::int as units, sum(l.line_total_minor)::bigint as revenue
         from customer_order o join order_line l on l.order_id = o.id
         where o.paid_at >= ? and o.paid_at < ? and ${SALE} ${merchant}
         group by l.product_handle
         order by ${order}, l.product_handle limit ?) s
       left join product p on p.handle = s.handle
       order by ${order}, s.handle`,
      params,
    );
    return rows.map((r) => ({
      productId: r.product_id,
      handle: r.handle,
      titleEn: r.title_en,
      titleZh: r.title_zh,
      units: r.units,
      revenueMinor: Number(r.revenue),
    }));
  }

  /** Paid goods and services waiting for the merchant (AWAITING_SHIPMENT), however old. */
  async pendingShipments(scope: DashboardScope): Promise<ActionItem> {
    const params: unknown[] = [];
    const merchant = scope.merchant ? 'and o.merchant_id = ?' : '';
    if (scope.merchant) params.push(scope.merchant.id);
    const [row] = await this.em.execute<{ n: number; oldest: Date | null }[]>(
      `select count(*)::int as n, min(o.paid_at) as oldest from customer_order o
       where o.status = 'AWAITING_SHIPMENT' ${merchant}`,
      params,
    );
    return { count: row?.n ?? 0, oldestAt: row?.oldest ? new Date(row.oldest) : null };
  }

  /** Shoppers' cancellation requests nobody has decided yet, however old. */
  async openCancellationRequests(scope: DashboardScope): Promise<ActionItem> {
    const params: unknown[] = [];
    const merchant = scope.merchant ? 'and o.merchant_id = ?' : '';
    if (scope.merchant) params.push(scope.merchant.id);
    const [row] = await this.em.execute<{ n: number; oldest: Date | null }[]>(
      `select count(*)::int as n, min(r.created_at) as oldest
       from order_cancellation_request r join customer_order o on o.id = r.order_id
       where r.status = 'PENDING' ${merchant}`,
      params,
    );
    return { count: row?.n ?? 0, oldestAt: row?.oldest ? new Date(row.oldest) : null };
  }
}
