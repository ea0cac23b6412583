import type { ClassType } from 'type-graphql';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Checkout } from '../checkout/checkout.types.js';
import { PaymentMethod } from '../checkout/checkout.types.js';
import { Order } from '../orders/orders.types.js';
import {
  CodeChallengeAction,
  OrderKey,
  Payment,
  PaymentNextAction,
  PaymentRefund,
  RedirectAction,
} from './payments.types.js';
import type { PaymentErrorCode } from './payments.service.js';
import type { RefundErrorCode } from './refunds.service.js';

const PAYMENT_ERRORS: Record<PaymentErrorCode, string> = {
  CHECKOUT_NOT_FOUND: 'The viewer has no checkout with this ID.',
  PAYMENT_NOT_FOUND: 'The viewer has no payment with this ID or PayPal token.',
  ALREADY_PAID: 'The checkout is paid already (`payment` is the successful one).',
  NOT_PAYABLE: 'None of the checkout’s orders awaits payment (closed).',
  PAYMENT_IN_PROGRESS: 'Another attempt’s outcome is not known yet; try again in a minute.',
  INVALID_IDEMPOTENCY_KEY: 'The idempotency key must be 8–100 characters [A-Za-z0-9_-].',
  IDEMPOTENCY_KEY_REUSED: 'The key was used for a different checkout or method.',
  INVALID_RETURN_URL: 'Return and cancel URLs must be storefront pages.',
  INVALID_CODE: 'The SMS code must be 4–8 digits.',
  CARD_DECLINED: 'The card was declined; the orders still await payment.',
  INSUFFICIENT_FUNDS: 'The card has insufficient funds; the orders still await payment.',
  CARD_EXPIRED: 'The card has expired; the orders still await payment.',
  INVALID_CARD_TOKEN: 'No card token, or it was used or expired: collect the card again.',
  CHALLENGE_FAILED: 'The SMS code challenge failed (too many wrong codes, or expired); start again.',
  INCORRECT_CODE: 'Wrong SMS code; the payment still waits for the right one.',
  PAYMENT_DECLINED: 'The payment service declined the payment.',
  NOT_APPROVED: 'The PayPal order has not been approved yet (`nextAction` is its approval page).',
  APPROVAL_EXPIRED: 'The PayPal order expired before it was approved; start again.',
  PAYMENT_CANCELLED: 'This attempt was cancelled or ended; start a new one with `payOrder`.',
  GATEWAY_UNAVAILABLE:
    'The payment service did not answer; the outcome is reconciled automatically (never charged twice).',
};

/** The payload, user error and error enum of one payment mutation (its own subset of codes). */
function paymentMutationTypes<C extends PaymentErrorCode>(
  name: string,
  codes: readonly C[],
  description: string,
) {
  const ErrorCode = Object.fromEntries(codes.map((c) => [c, c])) as { [K in C]: K };
  registerEnumType(ErrorCode, {
    name: `${name}ErrorCode`,
    description: `Why \`${name[0]!.toLowerCase()}${name.slice(1)}\` did not end in a paid checkout.`,
    valuesConfig: Object.fromEntries(codes.map((c) => [c, { description: PAYMENT_ERRORS[c] }])) as Partial<
      Record<C, { description: string }>
    >,
  });

  @ObjectType(`${name}UserError`, {
    implements: BaseUserError,
    description: `Why \`${name[0]!.toLowerCase()}${name.slice(1)}\` refused, and which input field it concerns.`,
  })
  class UserError extends BaseUserError {
    @Field(() => ErrorCode, { description: 'What went wrong.' })
    code!: C;
  }

  @ObjectType(`${name}Payload`, { description })
  class Payload {
    @Field(() => Payment, {
      nullable: true,
      description: 'The attempt (also when it failed); null when refused.',
    })
    payment!: Payment | null;

    @Field(() => Checkout, {
      nullable: true,
      description: 'The checkout after the call; null when not found.',
    })
    checkout!: Checkout | null;

    @Field(() => PaymentNextAction, {
      nullable: true,
      description:
        'Redirect to PayPal, or ask for the SMS code; null when paid or when nothing more can be done.',
    })
    nextAction!: RedirectAction | CodeChallengeAction | null;

    @Field(() => [OrderKey], {
      description:
        'Order keys of the consulting service orders this call paid. Shown only in the response that paid them (and emailed).',
    })
    orderKeys!: OrderKey[];

    @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
    userErrors!: UserError[];
  }
  return { ErrorCode, UserError: UserError as ClassType<UserError>, Payload: Payload as ClassType<Payload> };
}

const GATEWAY = ['GATEWAY_UNAVAILABLE', 'PAYMENT_DECLINED', 'NOT_PAYABLE'] as const;
const CARD = ['CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'CARD_EXPIRED', 'INVALID_CARD_TOKEN'] as const;

export const PayOrder = paymentMutationTypes(
  'PayOrder',
  [
    'CHECKOUT_NOT_FOUND',
    'ALREADY_PAID',
    'PAYMENT_IN_PROGRESS',
    'INVALID_IDEMPOTENCY_KEY',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_RETURN_URL',
    'PAYMENT_CANCELLED',
    'APPROVAL_EXPIRED',
    'CHALLENGE_FAILED',
    ...CARD,
    ...GATEWAY,
  ],
  'Result of `payOrder`.',
);
export const CompletePayPalPayment = paymentMutationTypes(
  'CompletePayPalPayment',
  [
    'CHECKOUT_NOT_FOUND',
    'PAYMENT_NOT_FOUND',
    'NOT_APPROVED',
    'APPROVAL_EXPIRED',
    'PAYMENT_CANCELLED',
    ...GATEWAY,
  ],
  'Result of `completePayPalPayment`.',
);
export const CancelPayPalPayment = paymentMutationTypes(
  'CancelPayPalPayment',
  ['CHECKOUT_NOT_FOUND', 'PAYMENT_NOT_FOUND', 'ALREADY_PAID', 'APPROVAL_EXPIRED', ...GATEWAY],
  'Result of `cancelPayPalPayment`.',
);
export const ConfirmCardPayment = paymentMutationTypes(
  'ConfirmCardPayment',
  [
    'PAYMENT_NOT_FOUND',
    'INVALID_CODE',
    'INCORRECT_CODE',
    'CHALLENGE_FAILED',
    'PAYMENT_CANCELLED',
    'APPROVAL_EXPIRED',
    ...CARD,
    ...GATEWAY,
  ],
  'Result of `confirmCardPayment`.',
);
export const ResendCardPaymentCode = paymentMutationTypes(
  'ResendCardPaymentCode',
  ['PAYMENT_NOT_FOUND', 'CHALLENGE_FAILED', 'PAYMENT_CANCELLED', 'APPROVAL_EXPIRED', ...CARD, ...GATEWAY],
  'Result of `resendCardPaymentCode`.',
);

@InputType('PayOrderInput', { description: 'Start paying a submitted checkout.' })
export class PayOrderInput {
  @Field(() => ID, { description: 'Global ID of the checkout.' })
  checkoutId!: string;

  @Field(() => PaymentMethod, { description: 'Card or PayPal.' })
  method!: keyof typeof PaymentMethod;

  @Field(() => String, {
    nullable: true,
    description: 'UNIONPAY_CARD: the single-use token from the hosted card field.',
  })
  cardToken?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'PAYPAL: storefront page PayPal returns to (it appends `token` and `PayerID`). Default: /checkout/paypal/return?checkoutId=…',
  })
  returnUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'PAYPAL: storefront page for “cancel” on PayPal (it appends `token`). Default: /checkout/paypal/cancel?checkoutId=…',
  })
  cancelUrl?: string | null;

  @Field({ description: 'A new random key per pay button press; a retry with the same key charges once.' })
  idempotencyKey!: string;
}

@InputType('CompletePayPalPaymentInput', { description: 'Finish a PayPal payment the payer approved.' })
export class CompletePayPalPaymentInput {
  @Field(() => ID, { description: 'Global ID of the checkout.' })
  checkoutId!: string;

  @Field({ description: 'The `token` query parameter of the return URL (the PayPal order id).' })
  token!: string;

  @Field(() => String, { nullable: true, description: 'The `PayerID` query parameter.' })
  payerId?: string | null;
}

@InputType('CancelPayPalPaymentInput', { description: 'Abandon a PayPal payment the payer cancelled.' })
export class CancelPayPalPaymentInput {
  @Field(() => ID, { description: 'Global ID of the checkout.' })
  checkoutId!: string;

  @Field({ description: 'The `token` query parameter of the cancel URL.' })
  token!: string;
}

@InputType('ConfirmCardPaymentInput', {
  description: 'Confirm a card payment with the code of its 3-D Secure challenge.',
})
export class ConfirmCardPaymentInput {
  @Field(() => ID, { description: 'Global ID of the card payment attempt.' })
  paymentId!: string;

  @Field({ description: 'The one-time code from the SMS.' })
  code!: string;
}

@InputType('ResendCardPaymentCodeInput', { description: 'Send the card challenge code again.' })
export class ResendCardPaymentCodeInput {
  @Field(() => ID, { description: 'Global ID of the card payment attempt.' })
  paymentId!: string;
}

// ── Refunds ────────────────────────────────────────────────────────────────────────────────

const REFUND_ERRORS: Record<RefundErrorCode, string> = {
  ORDER_NOT_FOUND: 'No order with this ID that the viewer manages.',
  NO_CANCELLATION_REQUEST: 'The shopper has not asked to cancel (merchant staff need a request).',
  REQUEST_ALREADY_DECIDED: 'The request was approved or declined already.',
  INVALID_TRANSITION: 'Only a paid order that has not shipped can fail with a refund.',
  NOT_PAID: 'No captured payment covers the order.',
  REFUND_EXCEEDS_CAPTURE: 'The refund would exceed what is left of the capture.',
  REFUND_REFUSED: 'The payment service refused the refund; nothing moved and the order is unchanged.',
  GATEWAY_UNAVAILABLE: 'The payment service did not answer; the refund is retried automatically.',
  INVALID_REASON: 'Give a reason of 1–500 characters.',
  ACCOUNT_RESTRICTED:
    'Your account’s or store’s standing (a freeze) does not allow this now; see `viewer.standing`.',
};

function refundMutationTypes<C extends RefundErrorCode>(name: string, codes: readonly C[]) {
  const ErrorCode = Object.fromEntries(codes.map((c) => [c, c])) as { [K in C]: K };
  registerEnumType(ErrorCode, {
    name: `${name}ErrorCode`,
    description: `Why \`${name[0]!.toLowerCase()}${name.slice(1)}\` refused.`,
    valuesConfig: Object.fromEntries(codes.map((c) => [c, { description: REFUND_ERRORS[c] }])) as Partial<
      Record<C, { description: string }>
    >,
  });

  @ObjectType(`${name}UserError`, {
    implements: BaseUserError,
    description: `Why \`${name[0]!.toLowerCase()}${name.slice(1)}\` refused, and which input field it concerns.`,
  })
  class UserError extends BaseUserError {
    @Field(() => ErrorCode, { description: 'What went wrong.' })
    code!: C;
  }

  @ObjectType(`${name}Payload`, {
    description: `Result of \`${name[0]!.toLowerCase()}${name.slice(1)}\`.`,
  })
  class Payload {
    @Field(() => Order, { nullable: true, description: 'The order after the change; null when refused.' })
    order!: Order | null;

    @Field(() => PaymentRefund, {
      nullable: true,
      description: 'The refund started (approvals of paid orders).',
    })
    refund!: PaymentRefund | null;

    @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
    userErrors!: UserError[];
  }
  return { ErrorCode, UserError: UserError as ClassType<UserError>, Payload: Payload as ClassType<Payload> };
}

export const ApproveCancellationRequest = refundMutationTypes('ApproveCancellationRequest', [
  'ORDER_NOT_FOUND',
  'NO_CANCELLATION_REQUEST',
  'REQUEST_ALREADY_DECIDED',
  'INVALID_TRANSITION',
  'NOT_PAID',
  'REFUND_EXCEEDS_CAPTURE',
  'REFUND_REFUSED',
  'GATEWAY_UNAVAILABLE',
  'ACCOUNT_RESTRICTED',
]);
export const DeclineCancellationRequest = refundMutationTypes('DeclineCancellationRequest', [
  'ORDER_NOT_FOUND',
  'NO_CANCELLATION_REQUEST',
  'REQUEST_ALREADY_DECIDED',
  'INVALID_REASON',
  'ACCOUNT_RESTRICTED',
]);

@InputType('ApproveCancellationRequestInput', {
  description: 'Approve a shopper’s cancellation request (cancels and refunds the order).',
})
export class ApproveCancellationRequestInput {
  @Field(() => ID, { description: 'Global ID of the order with the pending request.' })
  orderId!: string;
}

@InputType('DeclineCancellationRequestInput', { description: 'Decline a shopper’s cancellation request.' })
export class DeclineCancellationRequestInput {
  @Field(() => ID, { description: 'Global ID of the order with the pending request.' })
  orderId!: string;

  @Field({ description: 'Shown to the shopper.' })
  reason!: string;
}
