import { money } from '@marketplace/core';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LocaleCode, localized } from '../../graphql/locale.type.js';
import { Money } from '../../graphql/money.type.js';
import { toGlobalId } from '../../graphql/relay.js';
import { Merchant } from '../catalog/catalog.types.js';
import type { ActionItem, DashboardScope } from './dashboard.service.js';
import {
  DailySales,
  DashboardActionItem,
  DashboardOrdersFilter,
  OrderStatusCount,
  StaffDashboard,
  TopProduct,
  TopProductsOrder,
} from './dashboard.types.js';

const merchantGid = (scope: DashboardScope) =>
  scope.merchant ? toGlobalId('Merchant', scope.merchant.id) : null;

function ordersFilter(scope: DashboardScope, f: Partial<DashboardOrdersFilter>): DashboardOrdersFilter {
  return Object.assign(new DashboardOrdersFilter(), {
    status: null,
    cancellationRequestStatus: null,
    createdFrom: null,
    ...f,
    merchantId: merchantGid(scope),
  });
}

function actionItem(item: ActionItem, filter: DashboardOrdersFilter): DashboardActionItem {
  return Object.assign(new DashboardActionItem(), { ...item, ordersFilter: filter });
}

@Resolver(() => StaffDashboard)
export class DashboardResolver {
  @Query(() => StaffDashboard, {
    nullable: true,
    description:
      'The dashboard of the management center. Merchant staff always see their own store; customer service and admins see every store, or one with `merchantId`. Null when `merchantId` is not a store the viewer may see.',
  })
  async staffDashboard(
    @Arg('merchantId', () => ID, {
      nullable: true,
      description: 'Only this store (platform staff); merchant staff may only give their own.',
    })
    merchantId: string | null,
    @Arg('days', () => Int, {
      defaultValue: 30,
      description: 'Length of the period in calendar days, today included (1–366).',
    })
    days: number,
    @Ctx() ctx: Context,
  ): Promise<StaffDashboard | null> {
    const scope = await ctx.services.dashboard.scope({ merchantId, days });
    if (!scope) return null;
    return StaffDashboard.from(scope, scope.merchant ? Merchant.from(scope.merchant) : null);
  }

  @FieldResolver(() => [DailySales], {
    description: 'Sales of every day of the period, oldest first (days without sales included, as zero).',
  })
  async salesByDay(@Root() d: StaffDashboard, @Ctx() ctx: Context): Promise<DailySales[]> {
    const rows = await ctx.services.dashboard.salesByDay(d.scope);
    return rows.map((r) =>
      Object.assign(new DailySales(), {
        date: r.date,
        sales: Money.from(money(r.salesMinor, d.scope.currency)),
        orders: r.orders,
      }),
    );
  }

  @FieldResolver(() => Money, { description: 'Sales of the whole period (sum of `salesByDay`).' })
  async salesTotal(@Root() d: StaffDashboard, @Ctx() ctx: Context): Promise<Money> {
    const rows = await ctx.services.dashboard.salesByDay(d.scope);
    return Money.from(
      money(
        rows.reduce((sum, r) => sum + r.salesMinor, 0),
        d.scope.currency,
      ),
    );
  }

  @FieldResolver(() => [OrderStatusCount], {
    description: 'Orders created in the period by their current status: all six statuses, zeros included.',
  })
  async ordersByStatus(@Root() d: StaffDashboard, @Ctx() ctx: Context): Promise<OrderStatusCount[]> {
    const rows = await ctx.services.dashboard.ordersByStatus(d.scope);
    return rows.map((r) =>
      Object.assign(new OrderStatusCount(), {
        ...r,
        ordersFilter: ordersFilter(d.scope, { status: r.status, createdFrom: d.scope.from }),
      }),
    );
  }

  @FieldResolver(() => [TopProduct], { description: 'The best-selling products of the period.' })
  async topProducts(
    @Root() d: StaffDashboard,
    @Arg('by', () => TopProductsOrder, { defaultValue: 'UNITS', description: 'How to rank them.' })
    by: TopProductsOrder,
    @Arg('limit', () => Int, { defaultValue: 5, description: 'How many (1–10).' }) limit: number,
    @Arg('locale', () => LocaleCode, {
      nullable: true,
      description: 'Language of the titles; defaults to the viewer’s or the request’s.',
    })
    locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): Promise<TopProduct[]> {
    const rows = await ctx.services.dashboard.topProducts(d.scope, by, limit);
    return rows.map((r) =>
      Object.assign(new TopProduct(), {
        productId: r.productId === null ? null : toGlobalId('Product', r.productId),
        handle: r.handle,
        title: localized(r.titleEn, r.titleZh, locale ?? ctx.locale),
        unitsSold: r.units,
        revenue: Money.from(money(r.revenueMinor, d.scope.currency)),
      }),
    );
  }

  @FieldResolver(() => DashboardActionItem, {
    description: 'Paid orders waiting to be shipped or delivered (AWAITING_SHIPMENT), however old.',
  })
  async pendingShipments(@Root() d: StaffDashboard, @Ctx() ctx: Context): Promise<DashboardActionItem> {
    return actionItem(
      await ctx.services.dashboard.pendingShipments(d.scope),
      ordersFilter(d.scope, { status: 'AWAITING_SHIPMENT' }),
    );
  }

  @FieldResolver(() => DashboardActionItem, {
    description: 'Shoppers’ cancellation requests waiting for a decision (PENDING), however old.',
  })
  async openCancellationRequests(
    @Root() d: StaffDashboard,
    @Ctx() ctx: Context,
  ): Promise<DashboardActionItem> {
    return actionItem(
      await ctx.services.dashboard.openCancellationRequests(d.scope),
      ordersFilter(d.scope, { cancellationRequestStatus: 'PENDING' }),
    );
  }
}
