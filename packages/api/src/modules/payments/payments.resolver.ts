import type { PaymentStatus as Status } from '@marketplace/core';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PublicError } from '../../graphql/errors.js';
import { LocaleCode } from '../../graphql/locale.type.js';
import { mapConnection, toGlobalId } from '../../graphql/relay.js';
import { User } from '../accounts/accounts.types.js';
import { checkoutFrom } from '../checkout/checkout.resolver.js';
import { Checkout } from '../checkout/checkout.types.js';
import { Order } from '../orders/orders.types.js';
import type { CheckoutPaymentState } from './payment-history.service.js';
import {
  CancelPayPalPayment,
  CancelPayPalPaymentInput,
  CompletePayPalPayment,
  CompletePayPalPaymentInput,
  ConfirmCardPayment,
  ConfirmCardPaymentInput,
  PayOrder,
  PayOrderInput,
  ResendCardPaymentCode,
  ResendCardPaymentCodeInput,
} from './payments.payloads.js';
import type { PaymentStepResult } from './payments.service.js';
import {
  OrderKey,
  Payment,
  PaymentConnection,
  PaymentRefund,
  PaymentSettings,
  PaymentStatus,
  PaymentVoucher,
} from './payments.types.js';

export const CheckoutPaymentStatus = {
  PAID: 'PAID',
  ACTION_REQUIRED: 'ACTION_REQUIRED',
  PROCESSING: 'PROCESSING',
  UNPAID: 'UNPAID',
} as const;
registerEnumType(CheckoutPaymentStatus, {
  name: 'CheckoutPaymentStatus',
  description: 'Whether a checkout is paid, waiting for the shopper, being confirmed, or not paid.',
  valuesConfig: {
    PAID: { description: 'Paid: the orders are on their way.' },
    ACTION_REQUIRED: { description: 'Waiting for the shopper (PayPal approval or the card code).' },
    PROCESSING: { description: 'The payment service is confirming the payment.' },
    UNPAID: { description: 'Not paid (no attempt, or the last one failed).' },
  },
});

@ObjectType('PaymentConfirmation', { description: 'What the order confirmation page shows after paying.' })
export class PaymentConfirmation {
  @Field(() => Checkout, { description: 'The checkout.' })
  checkout!: Checkout;

  @Field(() => CheckoutPaymentStatus, { description: 'Whether it is paid.' })
  status!: CheckoutPaymentState;

  @Field(() => Payment, {
    nullable: true,
    description: 'The captured attempt, else the one under way, else the latest.',
  })
  payment!: Payment | null;
}

@ArgsType()
class ViewerPaymentsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => [PaymentStatus], { nullable: true, description: 'Only attempts in these statuses.' })
  statuses?: Status[] | null;
}

function payload<P>(Type: new () => P, r: PaymentStepResult): P {
  const payment = r.payment ? Payment.from(r.payment) : null;
  return Object.assign(new Type() as object, {
    payment,
    checkout: r.checkout ? checkoutFrom(r.checkout) : null,
    nextAction: payment?.nextAction ?? null,
    orderKeys: r.keys.map((k) =>
      Object.assign(new OrderKey(), {
        orderId: toGlobalId('Order', k.order.id),
        orderNumber: k.order.number,
        key: k.key,
      }),
    ),
    userErrors: r.userErrors,
  }) as P;
}

@Resolver(() => Payment)
export class PaymentsResolver {
  @Mutation(() => PayOrder.Payload, {
    description:
      'Pays every order of a checkout that awaits payment. PAYPAL → `nextAction` is the PayPal approval page; UNIONPAY_CARD (with the card field’s token) → paid, or `nextAction` asks for the SMS code. Idempotent by `idempotencyKey`; a second click with another key gets the same attempt.',
  })
  async payOrder(
    @Arg('input', () => PayOrderInput, {
      description: 'The request; each field is described on PayOrderInput.',
    })
    input: PayOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(PayOrder.Payload, await ctx.services.payments.payOrder(input));
  }

  @Mutation(() => CompletePayPalPayment.Payload, {
    description:
      'On the PayPal return URL: captures the approved PayPal order (once) and marks the orders paid.',
  })
  async completePayPalPayment(
    @Arg('input', () => CompletePayPalPaymentInput, {
      description: 'The request; each field is described on CompletePayPalPaymentInput.',
    })
    input: CompletePayPalPaymentInput,
    @Ctx() ctx: Context,
  ) {
    return payload(
      CompletePayPalPayment.Payload,
      await ctx.services.paymentReturns.completePayPalPayment(input),
    );
  }

  @Mutation(() => CancelPayPalPayment.Payload, {
    description: 'On the PayPal cancel URL: ends the attempt; the orders still await payment.',
  })
  async cancelPayPalPayment(
    @Arg('input', () => CancelPayPalPaymentInput, {
      description: 'The request; each field is described on CancelPayPalPaymentInput.',
    })
    input: CancelPayPalPaymentInput,
    @Ctx() ctx: Context,
  ) {
    return payload(CancelPayPalPayment.Payload, await ctx.services.paymentReturns.cancelPayPalPayment(input));
  }

  @Mutation(() => ConfirmCardPayment.Payload, {
    description: 'Confirms a UnionPay card payment with the one-time code sent by SMS.',
  })
  async confirmCardPayment(
    @Arg('input', () => ConfirmCardPaymentInput, {
      description: 'The request; each field is described on ConfirmCardPaymentInput.',
    })
    input: ConfirmCardPaymentInput,
    @Ctx() ctx: Context,
  ) {
    return payload(ConfirmCardPayment.Payload, await ctx.services.paymentReturns.confirmCardPayment(input));
  }

  @Mutation(() => ResendCardPaymentCode.Payload, { description: 'Sends a new SMS code for a card payment.' })
  async resendCardPaymentCode(
    @Arg('input', () => ResendCardPaymentCodeInput, {
      description: 'The request; each field is described on ResendCardPaymentCodeInput.',
    })
    input: ResendCardPaymentCodeInput,
    @Ctx() ctx: Context,
  ) {
    return payload(
      ResendCardPaymentCode.Payload,
      await ctx.services.paymentReturns.resendCardPaymentCode(input),
    );
  }

  @Query(() => Payment, {
    nullable: true,
    description: 'One of the viewer’s payments; null for anyone else’s.',
  })
  async payment(
    @Arg('id', () => ID, { description: 'Global ID of the payment.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Payment | null> {
    const row = await ctx.services.paymentHistory.findOwn(id);
    return row ? Payment.from(row) : null;
  }

  @Query(() => PaymentConfirmation, {
    nullable: true,
    description:
      'The confirmation page of one of the viewer’s checkouts (no order keys: those are shown once).',
  })
  async paymentConfirmation(
    @Arg('checkoutId', () => ID, { description: 'Global ID of the checkout whose payment result to show.' })
    checkoutId: string,
    @Ctx() ctx: Context,
  ): Promise<PaymentConfirmation | null> {
    const data = await ctx.services.paymentHistory.confirmation(checkoutId);
    if (!data) return null;
    return Object.assign(new PaymentConfirmation(), {
      checkout: checkoutFrom(data.checkout),
      status: data.state,
      payment: data.payment ? Payment.from(data.payment) : null,
    });
  }

  @Query(() => PaymentSettings, { description: 'Payment methods and the hosted card field.' })
  paymentSettings(@Ctx() ctx: Context): PaymentSettings {
    return Object.assign(new PaymentSettings(), ctx.services.paymentHistory.settings());
  }

  @FieldResolver(() => Checkout, { description: 'The checkout this attempt pays.' })
  async checkout(@Root() p: Payment, @Ctx() ctx: Context): Promise<Checkout> {
    const row = await ctx.services.checkout.findCheckout(toGlobalId('Checkout', p.row.checkout.id));
    if (!row) throw new PublicError('FORBIDDEN', 'Not your checkout.');
    return checkoutFrom(row);
  }

  @FieldResolver(() => [Order], { description: 'The orders of the checkout this attempt pays.' })
  async orders(@Root() p: Payment, @Ctx() ctx: Context): Promise<Order[]> {
    return (await ctx.loaders.orders.ordersByCheckout.load(p.row.checkout.id)).map(Order.from);
  }

  @FieldResolver(() => [PaymentRefund], { description: 'Refunds of this payment, oldest first.' })
  async refunds(@Root() p: Payment, @Ctx() ctx: Context): Promise<PaymentRefund[]> {
    const rows = await ctx.loaders.payments.refundsByPayment.load(p.row.id);
    return rows.map((r) => PaymentRefund.from(r, r.order?.number ?? null));
  }

  @FieldResolver(() => PaymentVoucher, {
    nullable: true,
    description: 'Receipt data for the printable voucher; null unless the payment was captured.',
  })
  voucher(
    @Root() p: Payment,
    @Arg('locale', () => LocaleCode, {
      nullable: true,
      description: 'Language; defaults to the viewer’s or the request’s.',
    })
    locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): Promise<PaymentVoucher | null> {
    return ctx.services.paymentHistory.voucher(p.row, locale ?? ctx.locale);
  }
}

@Resolver(() => User)
export class ViewerPaymentsResolver {
  @FieldResolver(() => PaymentConnection, { description: 'The shopper’s payment attempts, newest first.' })
  async payments(@Root() user: User, @Args() args: ViewerPaymentsArgs, @Ctx() ctx: Context) {
    if (ctx.viewer?.userId !== user.row.id)
      throw new PublicError('FORBIDDEN', 'Only your own payments are listed.');
    return mapConnection(await ctx.services.paymentHistory.listViewerPayments(args), Payment.from);
  }
}

@Resolver(() => Checkout)
export class CheckoutPaymentResolver {
  @FieldResolver(() => Payment, {
    nullable: true,
    description: 'The captured payment, else the attempt under way, else the latest attempt.',
  })
  async payment(@Root() checkout: Checkout, @Ctx() ctx: Context): Promise<Payment | null> {
    const viewer = ctx.viewer;
    const allowed =
      viewer &&
      (viewer.userId === checkout.row.user.id ||
        viewer.role === 'CUSTOMER_SERVICE' ||
        viewer.role === 'ADMIN');
    if (!allowed) return null;
    const row = await ctx.services.paymentHistory.paymentOfCheckout(checkout.row.id);
    return row ? Payment.from(row) : null;
  }
}
