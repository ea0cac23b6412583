import {
  type CurrencyCode,
  maskCard,
  money,
  PAYMENT_FAILURE_CODES,
  PAYMENT_STATUSES,
  type PaymentFailureCode as FailureCode,
  type PaymentStatus as Status,
} from '@marketplace/core';
import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/money.type.js';
import { connectionTypes, Node, toGlobalId } from '../../graphql/relay.js';
import { PaymentMethod } from '../checkout/checkout.types.js';
import type {
  PaymentEntity,
  PaymentRefundEntity,
  RefundStatus as RefundStatusValue,
} from './payment.entity.js';

export const PaymentStatus = Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, s])) as { [K in Status]: K };
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Where a payment attempt is.',
  valuesConfig: {
    PENDING: { description: 'Started; the payment service has not answered yet.' },
    REQUIRES_ACTION: {
      description: 'Waiting for the shopper: approval on PayPal, or the SMS code of the card.',
    },
    SUCCEEDED: { description: 'Captured: the orders are paid.' },
    FAILED: { description: 'Declined or failed; nothing was charged. The orders still await payment.' },
    CANCELLED: { description: 'Abandoned or expired; nothing was charged.' },
    PARTIALLY_REFUNDED: { description: 'Captured, and part of it was refunded (e.g. one order cancelled).' },
    REFUNDED: { description: 'Captured and refunded in full.' },
  },
});

export const PaymentFailureReason = Object.fromEntries(PAYMENT_FAILURE_CODES.map((c) => [c, c])) as {
  [K in FailureCode]: K;
};
registerEnumType(PaymentFailureReason, {
  name: 'PaymentFailureReason',
  description: 'Why an attempt failed or was cancelled.',
  valuesConfig: {
    CARD_DECLINED: { description: 'The card issuer declined the charge.' },
    INSUFFICIENT_FUNDS: { description: 'Not enough funds or credit on the card.' },
    CARD_EXPIRED: { description: 'The card has expired.' },
    INVALID_CARD_TOKEN: { description: 'The card details (token) were invalid or already used.' },
    CHALLENGE_FAILED: { description: 'The 3-D Secure code was wrong too often or expired.' },
    PAYER_CANCELLED: { description: 'The payer cancelled at PayPal.' },
    APPROVAL_EXPIRED: { description: 'The payer did not approve at PayPal in time.' },
    ORDERS_NOT_PAYABLE: {
      description: 'The orders could no longer be paid (e.g. the payment window closed).',
    },
    SUPERSEDED: { description: 'Replaced by a newer payment attempt for the same checkout.' },
    GATEWAY_REFUSED: { description: 'The payment service refused the request.' },
  },
});

export const RefundStatus = { PENDING: 'PENDING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED' } as const;
registerEnumType(RefundStatus, {
  name: 'RefundStatus',
  description: 'PENDING until the payment service confirms it; FAILED when it refused (nothing moved).',
  valuesConfig: {
    PENDING: { description: 'Requested; waiting for the payment service.' },
    SUCCEEDED: { description: 'The money went back to the payer.' },
    FAILED: { description: 'The payment service refused it; nothing moved.' },
  },
});

const moneyOf = (minor: number, currency: string) => Money.from(money(minor, currency as CurrencyCode));

@ObjectType('PaymentCard', { description: 'The card as the platform knows it: never its number or CVC.' })
export class PaymentCard {
  @Field({ description: 'e.g. UNIONPAY.' })
  brand!: string;

  @Field({ description: 'Last four digits of the card number.' })
  last4!: string;

  @Field({ description: 'The last four digits as receipts show them: `•••• 1234`.' })
  masked!: string;

  @Field(() => Int, { nullable: true, description: 'Expiry month (1–12).' })
  expMonth!: number | null;

  @Field(() => Int, { nullable: true, description: 'Expiry year (four digits).' })
  expYear!: number | null;
}

@ObjectType('RedirectAction', { description: 'Send the shopper to this URL (PayPal’s approval page).' })
export class RedirectAction {
  @Field({ description: 'Where to send the shopper (the gateway’s approval or challenge page).' })
  url!: string;
}

@ObjectType('CodeChallengeAction', {
  description: 'Ask for the one-time code sent by SMS, then call `confirmCardPayment`.',
})
export class CodeChallengeAction {
  @Field(() => ID, { description: 'The payment to pass to `confirmCardPayment`.' })
  paymentId!: string;

  @Field({ description: 'The card acquirer’s challenge.' })
  challengeId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the code went, masked, e.g. `+86 ••• •••• 8000`.',
  })
  phoneHint!: string | null;
}

export const PaymentNextAction = createUnionType({
  name: 'PaymentNextAction',
  description:
    'What the shopper must do next to finish paying; null in a payload means nothing (paid or ended).',
  types: () => [RedirectAction, CodeChallengeAction] as const,
  resolveType: (value) => (value instanceof RedirectAction ? RedirectAction : CodeChallengeAction),
});

@ObjectType('Payment', { implements: Node, description: 'One attempt to pay a checkout (all its orders).' })
export class Payment extends Node {
  @Field({ description: 'Reference shown on the voucher and to customer service, e.g. PAY-7K2M9QX4RD.' })
  reference!: string;

  @Field(() => PaymentMethod, { description: 'Card or PayPal.' })
  method!: keyof typeof PaymentMethod;

  @Field(() => PaymentStatus, { description: 'Where the payment attempt stands.' })
  status!: Status;

  @Field(() => Money, { description: 'Amount charged.' })
  amount!: Money;

  @Field(() => Money, { description: 'Refunded so far (confirmed by the payment service).' })
  refundedAmount!: Money;

  @Field(() => PaymentCard, { nullable: true, description: 'Card payments.' })
  card!: PaymentCard | null;

  @Field(() => String, { nullable: true, description: 'The PayPal account that paid.' })
  payerEmail!: string | null;

  @Field(() => PaymentFailureReason, { nullable: true, description: 'Why it failed (failed attempts only).' })
  failureReason!: FailureCode | null;

  @Field({ description: 'When the attempt started.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the money was captured.' })
  succeededAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it failed or was cancelled.' })
  endedAt!: Date | null;

  @Field(() => PaymentNextAction, {
    nullable: true,
    description: 'What the shopper must do next, if anything.',
  })
  nextAction!: RedirectAction | CodeChallengeAction | null;

  row!: PaymentEntity;

  static from(row: PaymentEntity): Payment {
    const id = toGlobalId('Payment', row.id);
    return Object.assign(new Payment(), {
      id,
      reference: row.reference,
      method: row.method,
      status: row.status,
      amount: moneyOf(row.amountMinor, row.currency),
      refundedAmount: moneyOf(row.refundedMinor, row.currency),
      card: row.cardLast4
        ? Object.assign(new PaymentCard(), {
            brand: row.cardBrand ?? 'UNIONPAY',
            last4: row.cardLast4,
            masked: maskCard(row.cardLast4),
            expMonth: row.cardExpMonth,
            expYear: row.cardExpYear,
          })
        : null,
      payerEmail: row.payerEmail,
      failureReason: row.failureCode,
      createdAt: row.createdAt,
      succeededAt: row.succeededAt,
      endedAt: row.endedAt,
      nextAction: nextActionOf(row, id),
      row,
    });
  }
}

function nextActionOf(row: PaymentEntity, id: string): RedirectAction | CodeChallengeAction | null {
  if (row.status !== 'REQUIRES_ACTION') return null;
  if (row.method === 'PAYPAL' && row.approvalUrl)
    return Object.assign(new RedirectAction(), { url: row.approvalUrl });
  if (row.method === 'UNIONPAY_CARD' && row.gatewayPaymentId) {
    return Object.assign(new CodeChallengeAction(), {
      paymentId: id,
      challengeId: row.challengeId ?? '',
      phoneHint: row.phoneHint,
    });
  }
  return null;
}

export const { Connection: PaymentConnection } = connectionTypes(Payment, 'Payment');

@ObjectType('PaymentRefund', { description: 'Money given back from a payment.' })
export class PaymentRefund {
  @Field(() => ID, { description: 'Opaque ID of the refund.' })
  id!: string;

  @Field({ description: 'The gateway’s reference of the refund.' })
  reference!: string;

  @Field(() => Money, { description: 'Amount refunded.' })
  amount!: Money;

  @Field(() => RefundStatus, { description: 'Whether the gateway has completed it.' })
  status!: RefundStatusValue;

  @Field(() => String, {
    nullable: true,
    description: 'The order it cancelled (null: the whole payment went back).',
  })
  orderNumber!: string | null;

  @Field({ description: 'When it was requested.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the gateway confirmed or refused it.' })
  completedAt!: Date | null;

  row!: PaymentRefundEntity;

  static from(row: PaymentRefundEntity, orderNumber: string | null): PaymentRefund {
    return Object.assign(new PaymentRefund(), {
      id: toGlobalId('PaymentRefund', row.id),
      reference: row.reference,
      amount: moneyOf(row.amountMinor, row.currency),
      status: row.status,
      orderNumber,
      createdAt: row.createdAt,
      completedAt: row.completedAt,
      row,
    });
  }
}

@ObjectType('OrderKey', {
  description:
    'The key of a paid consulting service order. Shown once (here and by email); the platform keeps only its hash.',
})
export class OrderKey {
  @Field(() => ID, { description: 'Global ID of the service order.' })
  orderId!: string;

  @Field({ description: 'Its order number.' })
  orderNumber!: string;

  @Field({ description: '43 characters (32 random bytes, base64url).' })
  key!: string;
}

@ObjectType('PaymentVoucherOrder', { description: 'An order on a payment voucher.' })
export class PaymentVoucherOrder {
  @Field({ description: 'Order number.' })
  number!: string;

  @Field({ description: 'The store’s name.' })
  merchantName!: string;

  @Field(() => Money, { description: 'The order’s total.' })
  total!: Money;
}

@ObjectType('PaymentVoucher', {
  description:
    'Receipt data of a captured payment, for the printable voucher (seed 002: keep your vouchers).',
})
export class PaymentVoucher {
  @Field({ description: 'Our payment reference.' })
  paymentReference!: string;

  @Field({ description: 'The payment service’s reference (PayPal capture id or card charge id).' })
  gatewayReference!: string;

  @Field({ description: 'When the payment was captured.' })
  paidAt!: Date;

  @Field(() => PaymentMethod, { description: 'Card or PayPal.' })
  method!: keyof typeof PaymentMethod;

  @Field({
    description: '“PayPal (buyer@example.com)” or “UnionPay card •••• 1234”, in the requested language.',
  })
  paidWith!: string;

  @Field(() => String, { nullable: true, description: '`•••• 1234` for card payments.' })
  maskedCard!: string | null;

  @Field(() => String, { nullable: true, description: 'The payer’s email as the gateway reported it.' })
  payerEmail!: string | null;

  @Field(() => Money, { description: 'Amount paid.' })
  amount!: Money;

  @Field(() => Money, { description: 'Amount refunded so far.' })
  refundedAmount!: Money;

  @Field(() => PaymentStatus, { description: 'The payment’s status.' })
  status!: Status;

  @Field({ description: 'The shopper’s name.' })
  billedTo!: string;

  @Field(() => [PaymentVoucherOrder], { description: 'The merchant orders this payment paid for.' })
  orders!: PaymentVoucherOrder[];
}

@ObjectType('PaymentSettings', { description: 'What the storefront needs to offer the payment methods.' })
export class PaymentSettings {
  @Field(() => [PaymentMethod], { description: 'The payment methods a shopper can choose.' })
  methods!: (keyof typeof PaymentMethod)[];

  @Field({ description: 'ISO 4217 currency of every price.' })
  currencyCode!: string;

  @Field({
    description:
      'The gateway’s hosted card field, for an iframe: add `?pk=<cardPublishableKey>&origin=<storefront origin>&locale=<en|zh-TW>`. It posts `{ type: "token", token, brand, last4, expMonth, expYear }` to the parent.',
  })
  cardFieldUrl!: string;

  @Field({ description: 'Publishable key of the card field (not a secret).' })
  cardPublishableKey!: string;
}
