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
import {
  COUNT_UP_TO_DEFAULT,
  COUNT_UP_TO_MAX,
  type CountableConnection,
  countUpTo,
  mapConnection,
} from '../../graphql/relay.js';
import { merchantRowOf } from '../catalog/catalog.rows.js';
import { Merchant } from '../catalog/catalog.types.js';
import { PaymentRefund } from '../payments/payments.types.js';
import { Order, OrderConnection } from '../orders/orders.types.js';
import {
  AddOrderNoteInput,
  AddOrderNotePayload,
  CloseOrderInput,
  CloseOrderPayload,
  OrderNote,
  StaffOrdersFilter,
  StaffOrdersSort,
} from './orders-admin.types.js';

@ArgsType()
class StaffOrdersArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => StaffOrdersFilter, {
    nullable: true,
    description: 'Which orders (all the viewer may see when null).',
  })
  filter?: StaffOrdersFilter | null;

  @Field(() => StaffOrdersSort, { nullable: true, description: 'Default: newest first.' })
  sort?: StaffOrdersSort | null;
}

@Resolver(() => Order)
export class OrdersAdminResolver {
  @Query(() => OrderConnection, {
    description:
      'Orders for the management center: merchant staff see their store’s, customer service and admins all.',
  })
  async staffOrders(@Args() args: StaffOrdersArgs, @Ctx() ctx: Context) {
    const c = await ctx.services.ordersAdmin.listStaffOrders(args);
    for (const m of c.related.merchants) ctx.loaders.catalog.merchant.prime(Number(m.id), merchantRowOf(m));
    for (const [userId, email] of c.related.emails) ctx.loaders.orders.userEmailById.prime(userId, email);
    return Object.assign(mapConnection(c, Order.from), { countUpTo: c.countUpTo });
  }

  @Query(() => [Merchant], {
    description: 'Stores to filter `staffOrders` by: all for platform staff, their own for merchant staff.',
    deprecationReason: 'Use staffMerchants, a paginated connection with search.',
  })
  async staffOrderMerchants(@Ctx() ctx: Context): Promise<Merchant[]> {
    return (await ctx.services.ordersAdmin.filterableMerchants()).map(Merchant.from);
  }

  @Query(() => Order, { nullable: true, description: 'One order in the staff member’s scope by its number.' })
  async staffOrder(
    @Arg('number', { description: 'The order number, e.g. `MO-2026-000123`.' }) number: string,
    @Ctx() ctx: Context,
  ): Promise<Order | null> {
    const row = await ctx.services.ordersAdmin.findStaffOrder(number);
    return row ? Order.from(row) : null;
  }

  @Query(() => String, {
    description:
      'The orders of the filter as CSV text (RFC 4180, at most 10 000 rows, same scope as `staffOrders`).',
  })
  exportOrdersCsv(
    @Arg('filter', () => StaffOrdersFilter, { nullable: true, description: 'Which orders (all when null).' })
    filter: StaffOrdersFilter | null,
    @Arg('sort', () => StaffOrdersSort, {
      nullable: true,
      description: 'Order of the rows (newest first when null).',
    })
    sort: StaffOrdersSort | null,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.ordersAdmin.exportCsv(filter, sort);
  }

  @Mutation(() => AddOrderNotePayload, { description: 'Adds an internal note (customer service, admins).' })
  async addOrderNote(
    @Arg('input', () => AddOrderNoteInput, {
      description: 'The request; each field is described on AddOrderNoteInput.',
    })
    input: AddOrderNoteInput,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.ordersAdmin.addNote(input);
    return Object.assign(new AddOrderNotePayload(), {
      note: r.note ? OrderNote.from(r.note) : null,
      order: r.note ? Order.from(r.note.order) : null,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => CloseOrderPayload, {
    description:
      'Closes an order awaiting payment (customer service, admins); stock and coupon use are released.',
  })
  async closeOrder(
    @Arg('input', () => CloseOrderInput, {
      description: 'The request; each field is described on CloseOrderInput.',
    })
    input: CloseOrderInput,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.ordersAdmin.close(input);
    return Object.assign(new CloseOrderPayload(), {
      order: r.order ? Order.from(r.order) : null,
      userErrors: r.userErrors,
    });
  }

  @FieldResolver(() => [OrderNote], {
    nullable: true,
    description: 'Internal notes, oldest first; null unless the viewer is staff who may see this order.',
  })
  async internalNotes(@Root() o: Order, @Ctx() ctx: Context): Promise<OrderNote[] | null> {
    if (!ctx.services.ordersAdmin.canSeeStaffFields(o.row)) return null;
    return (await ctx.services.ordersAdmin.notesOf(o.row)).map(OrderNote.from);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The shopper’s account email; null unless the viewer is staff who may see this order.',
  })
  async shopperEmail(@Root() o: Order, @Ctx() ctx: Context): Promise<string | null> {
    if (!ctx.services.ordersAdmin.canSeeStaffFields(o.row)) return null;
    return ctx.loaders.orders.userEmailById.load(o.row.user.id);
  }

  @FieldResolver(() => [PaymentRefund], {
    nullable: true,
    description: 'Refunds made for this order; null unless the viewer is staff who may see this order.',
  })
  async staffRefunds(@Root() o: Order, @Ctx() ctx: Context): Promise<PaymentRefund[] | null> {
    if (!ctx.services.ordersAdmin.canSeeStaffFields(o.row)) return null;
    return (await ctx.services.ordersAdmin.refundsOf(o.row)).map((r) => PaymentRefund.from(r, o.row.number));
  }
}

/**
 * A count a page of 100,000 orders can afford: it stops at `limit`. A management list shows
 * “1,000+ orders” the way big marketplaces do, instead of counting every row on each page view.
 */
@Resolver(() => OrderConnection)
export class OrderConnectionCountResolver {
  @FieldResolver(() => Int, {
    description: `Number of orders matching the filter, counted up to \`limit\` (default ${COUNT_UP_TO_DEFAULT}, at most ${COUNT_UP_TO_MAX}): when it equals \`limit\`, show “${COUNT_UP_TO_DEFAULT}+”. Cheaper than \`totalCount\` on long lists.`,
  })
  async totalCountUpTo(
    @Root() c: CountableConnection<Order>,
    @Arg('limit', () => Int, {
      defaultValue: COUNT_UP_TO_DEFAULT,
      description: `Where counting stops (1–${COUNT_UP_TO_MAX}).`,
    })
    limit: number,
  ): Promise<number> {
    return countUpTo(c, limit);
  }
}
