import { allowedEvents, type OrderStatus as Status, orderStatusLabel } from '@marketplace/core';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PublicError } from '../../graphql/errors.js';
import { LocaleCode, localized } from '../../graphql/locale.type.js';
import { mapConnection } from '../../graphql/relay.js';
import { User } from '../accounts/accounts.types.js';
import { merchantRowOf } from '../catalog/catalog.rows.js';
import { Merchant } from '../catalog/catalog.types.js';
import { Checkout } from '../checkout/checkout.types.js';
import { checkoutFrom } from '../checkout/checkout.resolver.js';
import type { OrderEntity } from './order.entity.js';
import {
  CancelOrder,
  CancelOrderInput,
  ConfirmReceipt,
  ConfirmReceiptInput,
  Order,
  OrderCancellationRequest,
  OrderConnection,
  OrderHistoryEntry,
  OrderLine,
  OrderStatus,
  RequestOrderCancellation,
  RequestOrderCancellationInput,
} from './orders.types.js';

const localeArg = {
  nullable: true,
  description: 'Language; defaults to the viewer’s or the request’s.',
} as const;

@ArgsType()
class ViewerOrdersArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last order of the previous page.' })
  after?: string | null;

  @Field(() => OrderStatus, { nullable: true, description: 'Only orders in this status.' })
  status?: Status | null;
}

function payload<P>(Type: new () => P, result: { order: OrderEntity | null; userErrors: unknown[] }): P {
  return Object.assign(new Type() as object, {
    order: result.order ? Order.from(result.order) : null,
    userErrors: result.userErrors,
  }) as P;
}

@Resolver(() => User)
export class ViewerOrdersResolver {
  @FieldResolver(() => OrderConnection, {
    description: 'The shopper’s own orders, newest first (“My Orders”).',
  })
  async orders(@Root() user: User, @Args() args: ViewerOrdersArgs, @Ctx() ctx: Context) {
    if (ctx.viewer?.userId !== user.row.id)
      throw new PublicError('FORBIDDEN', 'Only your own orders are listed.');
    const c = await ctx.services.orders.listViewerOrders(args);
    for (const m of c.merchants) ctx.loaders.catalog.merchant.prime(Number(m.id), merchantRowOf(m));
    return Object.assign(mapConnection(c, Order.from), { countUpTo: c.countUpTo });
  }
}

@Resolver(() => Order)
export class OrdersResolver {
  @Query(() => Order, {
    nullable: true,
    description: 'One of the viewer’s orders by its number; null otherwise.',
  })
  async order(
    @Arg('number', { description: 'The order number shown to the shopper, e.g. `MO-2026-000123`.' })
    number: string,
    @Ctx() ctx: Context,
  ): Promise<Order | null> {
    const row = await ctx.services.orders.findByNumber(number);
    return row ? Order.from(row) : null;
  }

  @Mutation(() => CancelOrder.Payload, {
    description: 'Cancels an order awaiting payment (→ CLOSED); its stock and coupon use are released.',
  })
  async cancelOrder(
    @Arg('input', () => CancelOrderInput, {
      description: 'The request; each field is described on CancelOrderInput.',
    })
    input: CancelOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(CancelOrder.Payload, await ctx.services.orders.cancel(input));
  }

  @Mutation(() => RequestOrderCancellation.Payload, {
    description:
      'Asks to cancel a paid order that has not shipped; customer service or the merchant decides.',
  })
  async requestOrderCancellation(
    @Arg('input', () => RequestOrderCancellationInput, {
      description: 'The request; each field is described on RequestOrderCancellationInput.',
    })
    input: RequestOrderCancellationInput,
    @Ctx() ctx: Context,
  ) {
    return payload(RequestOrderCancellation.Payload, await ctx.services.orders.requestCancellation(input));
  }

  @Mutation(() => ConfirmReceipt.Payload, {
    description: 'Confirms a shipped order was received (→ COMPLETED).',
  })
  async confirmReceipt(
    @Arg('input', () => ConfirmReceiptInput, {
      description: 'The request; each field is described on ConfirmReceiptInput.',
    })
    input: ConfirmReceiptInput,
    @Ctx() ctx: Context,
  ) {
    return payload(ConfirmReceipt.Payload, await ctx.services.orders.confirmReceipt(input));
  }

  @FieldResolver(() => String, { description: 'The status’s name in the requested language.' })
  statusLabel(
    @Root() o: Order,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return orderStatusLabel(o.status, locale ?? ctx.locale);
  }

  @FieldResolver(() => [OrderLine], { description: 'What was bought.' })
  async lines(@Root() o: Order, @Ctx() ctx: Context): Promise<OrderLine[]> {
    return (await ctx.loaders.orders.linesByOrder.load(o.row.id)).map((l) =>
      OrderLine.from(l, o.row.currency),
    );
  }

  @FieldResolver(() => Merchant, { description: 'The store that sells and fulfils it.' })
  async merchant(@Root() o: Order, @Ctx() ctx: Context): Promise<Merchant> {
    const row = await ctx.loaders.catalog.merchant.load(o.row.merchant.id);
    if (!row) throw new Error(`merchant ${o.row.merchant.id} missing`);
    return Merchant.from(row);
  }

  @FieldResolver(() => Checkout, { description: 'The checkout it was submitted in (paid together).' })
  async checkout(@Root() o: Order, @Ctx() ctx: Context): Promise<Checkout> {
    const row = await ctx.loaders.orders.checkoutById.load(o.row.checkout.id);
    if (!row) throw new Error(`checkout ${o.row.checkout.id} missing`);
    return checkoutFrom(row);
  }

  @FieldResolver(() => [OrderHistoryEntry], { description: 'Status timeline, oldest first.' })
  async history(@Root() o: Order, @Ctx() ctx: Context): Promise<OrderHistoryEntry[]> {
    return (await ctx.loaders.orders.historyByOrder.load(o.row.id)).map(OrderHistoryEntry.from);
  }

  @FieldResolver(() => OrderCancellationRequest, {
    nullable: true,
    description: 'The shopper’s latest cancellation request, if any.',
  })
  async cancellationRequest(@Root() o: Order, @Ctx() ctx: Context): Promise<OrderCancellationRequest | null> {
    const row = await ctx.loaders.orders.cancellationRequestByOrder.load(o.row.id);
    return row ? OrderCancellationRequest.from(row) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether `cancelOrder` would accept this order now.' })
  viewerCanCancel(@Root() o: Order, @Ctx() ctx: Context): boolean {
    return isOwner(o, ctx) && allowedEvents(o.row).includes('CANCEL');
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether `requestOrderCancellation` would accept this order now.',
  })
  async viewerCanRequestCancellation(@Root() o: Order, @Ctx() ctx: Context): Promise<boolean> {
    if (!isOwner(o, ctx) || o.row.status !== 'AWAITING_SHIPMENT') return false;
    if (!allowedEvents(o.row).includes('FAIL_WITH_REFUND')) return false;
    return (await ctx.loaders.orders.cancellationRequestByOrder.load(o.row.id)) === null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether `confirmReceipt` would accept this order now.' })
  viewerCanConfirmReceipt(@Root() o: Order, @Ctx() ctx: Context): boolean {
    return isOwner(o, ctx) && allowedEvents(o.row).includes('CONFIRM_RECEIPT');
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => String, { description: 'Product title as bought, in the requested language.' })
  title(
    @Root() l: OrderLine,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(l.row.productTitleEn, l.row.productTitleZh, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'Variant name as bought, in the requested language.' })
  variantTitle(
    @Root() l: OrderLine,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(l.row.variantTitleEn, l.row.variantTitleZh, locale ?? ctx.locale);
  }
}

function isOwner(o: Order, ctx: Context): boolean {
  return ctx.viewer?.userId === o.row.user.id;
}
