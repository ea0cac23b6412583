import type { OrderStatus as Status } from '@marketplace/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/money.type.js';
import { Merchant } from '../catalog/catalog.types.js';
import { CancellationRequestStatus, OrderStatus } from '../orders/orders.types.js';
import type { DashboardScope } from './dashboard.service.js';

export const TopProductsOrder = { UNITS: 'UNITS', REVENUE: 'REVENUE' } as const;
export type TopProductsOrder = keyof typeof TopProductsOrder;
registerEnumType(TopProductsOrder, {
  name: 'TopProductsOrder',
  description: 'How the dashboard ranks its top products.',
  valuesConfig: {
    UNITS: { description: 'Most units sold first (then revenue).' },
    REVENUE: { description: 'Highest revenue first (then units).' },
  },
});

@ObjectType('DashboardOrdersFilter', {
  description:
    'The `staffOrders` filter that lists the orders behind a dashboard figure (same meaning as the `StaffOrdersFilter` fields of the same name; null = not filtered).',
})
export class DashboardOrdersFilter {
  @Field(() => OrderStatus, { nullable: true, description: 'Only orders in this status.' })
  status!: Status | null;

  @Field(() => CancellationRequestStatus, {
    nullable: true,
    description: 'Only orders with a cancellation request in this status.',
  })
  cancellationRequestStatus!: keyof typeof CancellationRequestStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only this store.' })
  merchantId!: string | null;

  @Field(() => Date, { nullable: true, description: 'Only orders created at or after this instant.' })
  createdFrom!: Date | null;
}

@ObjectType('DailySales', { description: 'Sales of one calendar day (in the reporting time zone).' })
export class DailySales {
  @Field({ description: 'The calendar day, `YYYY-MM-DD`.' })
  date!: string;

  @Field(() => Money, {
    description: 'Sum of the totals of the orders paid that day, except those that later FAILED (refunded).',
  })
  sales!: Money;

  @Field(() => Int, { description: 'Number of those orders.' })
  orders!: number;
}

@ObjectType('OrderStatusCount', { description: 'How many orders are in one status.' })
export class OrderStatusCount {
  @Field(() => OrderStatus, { description: 'The status.' })
  status!: Status;

  @Field(() => Int, { description: 'Orders created in the period that are in this status now.' })
  count!: number;

  @Field(() => DashboardOrdersFilter, { description: 'The `staffOrders` filter listing these orders.' })
  ordersFilter!: DashboardOrdersFilter;
}

@ObjectType('TopProduct', { description: 'A product ranked by what it sold in the period.' })
export class TopProduct {
  @Field(() => ID, {
    nullable: true,
    description: 'The product’s global ID; null if the product was deleted since.',
  })
  productId!: string | null;

  @Field({ description: 'The product’s URL handle (as it was when bought).' })
  handle!: string;

  @Field({ description: 'Title in the requested language (as it was at the latest sale).' })
  title!: string;

  @Field(() => Int, { description: 'Units sold (orders paid in the period, except FAILED ones).' })
  unitsSold!: number;

  @Field(() => Money, { description: 'Sum of the line totals (before order-level coupon discounts).' })
  revenue!: Money;
}

@ObjectType('DashboardActionItem', { description: 'Work waiting for staff, with a link to it.' })
export class DashboardActionItem {
  @Field(() => Int, { description: 'How many are waiting.' })
  count!: number;

  @Field(() => Date, { nullable: true, description: 'Since when the oldest one is waiting; null if none.' })
  oldestAt!: Date | null;

  @Field(() => DashboardOrdersFilter, { description: 'The `staffOrders` filter listing these orders.' })
  ordersFilter!: DashboardOrdersFilter;
}

@ObjectType('StaffDashboard', {
  description:
    'Figures of the management center’s dashboard for one store or (platform staff only) all stores.',
})
export class StaffDashboard {
  @Field(() => Merchant, {
    nullable: true,
    description: 'The store the figures are about; null = all stores.',
  })
  merchant!: Merchant | null;

  @Field(() => Int, { description: 'Length of the period in calendar days, today included.' })
  days!: number;

  @Field({ description: 'IANA time zone the calendar days are counted in, e.g. `Asia/Taipei`.' })
  timeZone!: string;

  @Field({ description: 'Start of the period: midnight of its first day in `timeZone`.' })
  from!: Date;

  @Field({ description: 'End of the period (exclusive): midnight after today in `timeZone`.' })
  to!: Date;

  @Field({
    description: 'Currency of every amount (the platform’s; orders in another currency are not counted).',
  })
  currencyCode!: string;

  scope!: DashboardScope;

  static from(scope: DashboardScope, merchant: Merchant | null): StaffDashboard {
    return Object.assign(new StaffDashboard(), {
      merchant,
      days: scope.days,
      timeZone: scope.timeZone,
      from: scope.from,
      to: scope.to,
      currencyCode: scope.currency,
      scope,
    });
  }
}
