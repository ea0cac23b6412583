import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Order } from '../orders/orders.types.js';
import {
  ApproveCancellationRequest,
  ApproveCancellationRequestInput,
  DeclineCancellationRequest,
  DeclineCancellationRequestInput,
} from './payments.payloads.js';
import { PaymentRefund } from './payments.types.js';
import type { RefundResult } from './refunds.service.js';

function payload<P>(Type: new () => P, r: RefundResult): P {
  return Object.assign(new Type() as object, {
    order: r.order ? Order.from(r.order) : null,
    refund: r.refund ? PaymentRefund.from(r.refund, r.order?.number ?? null) : null,
    userErrors: r.userErrors,
  }) as P;
}

@Resolver()
export class RefundsResolver {
  @Mutation(() => ApproveCancellationRequest.Payload, {
    description:
      'Cancels a paid, unshipped order with a full refund of its share of the payment (customer service, admins; merchant staff for their store’s orders the shopper asked to cancel). The order becomes FAILED once the payment service confirms the refund.',
  })
  async approveCancellationRequest(
    @Arg('input', () => ApproveCancellationRequestInput, {
      description: 'The request; each field is described on ApproveCancellationRequestInput.',
    })
    input: ApproveCancellationRequestInput,
    @Ctx() ctx: Context,
  ) {
    return payload(ApproveCancellationRequest.Payload, await ctx.services.refunds.approveCancellation(input));
  }

  @Mutation(() => DeclineCancellationRequest.Payload, {
    description: 'Declines the shopper’s cancellation request with a reason (emailed); the order goes ahead.',
  })
  async declineCancellationRequest(
    @Arg('input', () => DeclineCancellationRequestInput, {
      description: 'The request; each field is described on DeclineCancellationRequestInput.',
    })
    input: DeclineCancellationRequestInput,
    @Ctx() ctx: Context,
  ) {
    return payload(DeclineCancellationRequest.Payload, await ctx.services.refunds.declineCancellation(input));
  }
}
