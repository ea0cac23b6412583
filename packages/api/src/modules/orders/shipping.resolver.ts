import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Order } from './orders.types.js';
import { Shipment, ShipOrdersInput, ShipOrdersPayload } from './shipping.types.js';

@Resolver(() => Order)
export class ShippingResolver {
  @Mutation(() => ShipOrdersPayload, {
    description:
      'Merchant staff ship paid goods orders of their store (→ SHIPPED) with a carrier and tracking number each; the shopper is emailed. All or nothing: any error ships none.',
  })
  async shipOrders(
    @Arg('input', () => ShipOrdersInput, {
      description: 'The request; each field is described on ShipOrdersInput.',
    })
    input: ShipOrdersInput,
    @Ctx() ctx: Context,
  ) {
    const result = await ctx.services.shipping.shipOrders(input);
    return Object.assign(new ShipOrdersPayload(), {
      orders: result.orders.map(Order.from),
      userErrors: result.userErrors,
    });
  }

  @FieldResolver(() => Shipment, {
    nullable: true,
    description: 'Carrier and tracking number, once the merchant has shipped it.',
  })
  shipment(@Root() o: Order): Shipment | null {
    return Shipment.of(o.row);
  }
}
