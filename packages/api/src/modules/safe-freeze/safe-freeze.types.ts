import { type CurrencyCode, money } from '@marketplace/core';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Money } from '../../graphql/money.type.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import { Order } from '../orders/orders.types.js';
import { PaymentRefund } from '../payments/payments.types.js';
import { StaffMerchant } from '../platform-admin/merchants-admin.types.js';
import type { ClaimErrorCode as ClaimCode } from './claims.service.js';
import type {
  ClaimEntity,
  ClaimOutcome as Outcome,
  ClaimStatus as Status,
  SafeFreezeEntity,
} from './safe-freeze.entity.js';
import type { FreezeErrorCode as FreezeCode } from './safe-freeze.service.js';

export const moneyOf = (minor: number, currency: string) =>
  Money.from(money(minor, currency as CurrencyCode));

function errorEnum<C extends string>(name: string, action: string, descriptions: Record<C, string>) {
  const values = Object.fromEntries(Object.keys(descriptions).map((c) => [c, c])) as { [K in C]: K };
  registerEnumType(values, {
    name,
    description: `Why ${action} refused.`,
    valuesConfig: Object.fromEntries(
      Object.entries(descriptions).map(([k, d]) => [k, { description: d as string }]),
    ) as Partial<Record<C, { description: string }>>,
  });
  return values;
}

const SafeFreezeErrorCode = errorEnum<FreezeCode>(
  'SafeFreezeErrorCode',
  '`freezeMerchant`, `unfreezeMerchant` or `deleteMerchantAccount`',
  {
    MERCHANT_NOT_FOUND: 'There is no store with this ID.',
    INVALID_REASON: 'The reason is empty or longer than 500 characters.',
    ALREADY_FROZEN: 'The store is already under a safe freeze; nothing was changed.',
    NOT_FROZEN: 'The store is not under a safe freeze.',
    INVALID_STATUS: 'The store’s status does not allow this (e.g. a deleted store).',
    OPEN_CLAIM: 'The store has an open claim: decide it first.',
    FUNDS_NOT_SETTLED: 'The store still holds money or has refunds under way.',
  },
);

const ClaimErrorCode = errorEnum<ClaimCode>('ClaimErrorCode', '`fileClaim` or `decideClaim`', {
  MERCHANT_NOT_FOUND: 'There is no store with this ID.',
  MERCHANT_DELETED: 'The store’s account has been deleted.',
  INVALID_TITLE: 'The title is empty or longer than 200 characters.',
  INVALID_DESCRIPTION: 'The description is empty or longer than 5000 characters.',
  INVALID_EVIDENCE: 'The evidence text is longer than 10000 characters.',
  INVALID_ATTACHMENT: 'More than 10 attachments, or one is not an http(s) link of at most 500 characters.',
  ORDER_NOT_FOUND: 'A listed order does not exist or is not of this store.',
  USER_NOT_FOUND: 'A listed user does not exist.',
  CLAIM_NOT_FOUND: 'There is no claim with this ID.',
  ALREADY_DECIDED: 'The claim has already been decided.',
  INVALID_NOTE: 'The decision note is empty or longer than 2000 characters.',
  COMPENSATION_REQUIRED: 'A COMPENSATED decision pays at least one order.',
  COMPENSATION_NOT_ALLOWED: 'Only a COMPENSATED decision pays compensations.',
  ORDER_NOT_IN_CLAIM: 'A compensated order is not part of the claim.',
  INVALID_AMOUNT: 'A compensation amount is not a decimal greater than zero.',
  AMOUNT_EXCEEDS_ORDER: 'A compensation is more than the order’s shopper paid and has not been refunded.',
  INSUFFICIENT_FROZEN_FUNDS: 'The compensations exceed the store’s frozen funds.',
});

export const ClaimStatus = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Whether a claim is still to be decided.',
  valuesConfig: {
    OPEN: { description: 'Filed and not decided yet: the store stays under a safe freeze.' },
    CLOSED: { description: 'Decided.' },
  },
});

export const ClaimOutcome = {
  COMPENSATED: 'COMPENSATED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
registerEnumType(ClaimOutcome, {
  name: 'ClaimOutcome',
  description: 'How a claim was decided.',
  valuesConfig: {
    COMPENSATED: {
      description: 'Upheld: the affected orders’ shoppers were refunded out of the store’s frozen funds.',
    },
    REJECTED: { description: 'Not upheld: nothing is paid.' },
    WITHDRAWN: { description: 'Withdrawn by the platform (e.g. filed in error): nothing is paid.' },
  },
});

@ObjectType('SafeFreezeUserError', { implements: BaseUserError, description: 'Why nothing was changed.' })
export class SafeFreezeUserError extends BaseUserError {
  @Field(() => SafeFreezeErrorCode, { description: 'Machine-readable reason.' })
  code!: FreezeCode;
}

@ObjectType('ClaimUserError', {
  implements: BaseUserError,
  description: 'Why the claim was not filed or decided.',
})
export class ClaimUserError extends BaseUserError {
  @Field(() => ClaimErrorCode, { description: 'Machine-readable reason.' })
  code!: ClaimCode;
}

@ObjectType('SafeFreezeEffects', { description: 'Everything a safe freeze did, in one transaction.' })
export class SafeFreezeEffects {
  @Field(() => [ID], {
    description: 'Products taken off sale (unpublished; they stay unpublished after the freeze).',
  })
  unpublishedProductIds!: string[];

  @Field(() => Int, { description: 'How many products were taken off sale.' })
  unpublishedProductCount!: number;

  @Field(() => [ID], { description: 'Activities (time-limited discounts) cancelled.' })
  cancelledActivityIds!: string[];

  @Field(() => Int, { description: 'How many activities were cancelled.' })
  cancelledActivityCount!: number;

  @Field(() => [ID], { description: 'Store coupons deactivated.' })
  deactivatedCouponIds!: string[];

  @Field(() => Int, { description: 'How many coupons were deactivated.' })
  deactivatedCouponCount!: number;

  @Field(() => [ID], { description: 'Orders awaiting payment that were CLOSED.' })
  closedOrderIds!: string[];

  @Field(() => Int, { description: 'How many orders were closed.' })
  closedOrderCount!: number;

  @Field(() => [ID], { description: 'Paid, unshipped orders that FAILED with a full refund.' })
  failedOrderIds!: string[];

  @Field(() => Int, { description: 'How many orders failed.' })
  failedOrderCount!: number;

  @Field(() => [ID], { description: 'The refunds of the failed orders (sent to the payment gateway).' })
  refundIds!: string[];

  @Field(() => Money, { description: 'Money of shipped orders moved from pending to frozen.' })
  frozenFromPending!: Money;

  @Field(() => Money, { description: 'The available balance moved to frozen.' })
  frozenFromAvailable!: Money;

  @Field(() => Money, { description: 'Everything frozen by this freeze.' })
  frozenTotal!: Money;

  static from(row: SafeFreezeEntity): SafeFreezeEffects {
    const e = row.effects;
    const ids = (type: string, list: number[]) => list.map((id) => toGlobalId(type, id));
    return Object.assign(new SafeFreezeEffects(), {
      unpublishedProductIds: ids('Product', e.productIds),
      unpublishedProductCount: e.productIds.length,
      cancelledActivityIds: ids('Activity', e.activityIds),
      cancelledActivityCount: e.activityIds.length,
      deactivatedCouponIds: ids('Coupon', e.couponIds),
      deactivatedCouponCount: e.couponIds.length,
      closedOrderIds: ids('Order', e.closedOrderIds),
      closedOrderCount: e.closedOrderIds.length,
      failedOrderIds: ids('Order', e.failedOrderIds),
      failedOrderCount: e.failedOrderIds.length,
      refundIds: ids('PaymentRefund', e.refundIds),
      frozenFromPending: moneyOf(e.frozenFromPendingMinor, e.currency),
      frozenFromAvailable: moneyOf(e.frozenFromAvailableMinor, e.currency),
      frozenTotal: moneyOf(e.frozenFromPendingMinor + e.frozenFromAvailableMinor, e.currency),
    });
  }
}

@ObjectType('SafeFreeze', {
  description: 'A safe freeze of a store: why, by whom, what it did, and its lifting.',
})
export class SafeFreeze {
  @Field(() => ID, { description: 'Global ID.' })
  id!: string;

  @Field({ description: 'Why the store was frozen.' })
  reason!: string;

  @Field({ description: 'When it was frozen.' })
  frozenAt!: Date;

  @Field(() => String, { nullable: true, description: 'Email of the admin who froze it.' })
  frozenByEmail!: string | null;

  @Field(() => SafeFreezeEffects, { description: 'What the freeze did.' })
  effects!: SafeFreezeEffects;

  @Field(() => Date, { nullable: true, description: 'When it was lifted (null while in force).' })
  liftedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was lifted.' })
  liftReason!: string | null;

  static from(row: SafeFreezeEntity): SafeFreeze {
    return Object.assign(new SafeFreeze(), {
      id: toGlobalId('SafeFreeze', row.id),
      reason: row.reason,
      frozenAt: row.frozenAt,
      frozenByEmail: row.frozenBy?.email ?? null,
      effects: SafeFreezeEffects.from(row),
      liftedAt: row.liftedAt,
      liftReason: row.liftReason,
    });
  }
}

@InputType('FreezeMerchantInput', { description: 'Which store to safe-freeze, and why.' })
export class FreezeMerchantInput {
  @Field(() => ID, { description: 'The store’s global ID.' })
  merchantId!: string;

  @Field({ description: 'Why (1–500 characters); shown to the store’s staff and kept in the audit log.' })
  reason!: string;
}

@InputType('UnfreezeMerchantInput', { description: 'Which store’s safe freeze to lift, and why.' })
export class UnfreezeMerchantInput {
  @Field(() => ID, { description: 'The store’s global ID.' })
  merchantId!: string;

  @Field({ description: 'Why (1–500 characters).' })
  reason!: string;
}

@InputType('DeleteMerchantAccountInput', {
  description: 'Which safe-frozen store to delete for good, and why.',
})
export class DeleteMerchantAccountInput {
  @Field(() => ID, { description: 'The store’s global ID.' })
  merchantId!: string;

  @Field({ description: 'Why (1–500 characters).' })
  reason!: string;
}

@ObjectType('FreezeMerchantPayload', { description: 'Result of `freezeMerchant`.' })
export class FreezeMerchantPayload {
  @Field(() => StaffMerchant, { nullable: true, description: 'The store (also when it was already frozen).' })
  merchant!: StaffMerchant | null;

  @Field(() => SafeFreezeEffects, {
    nullable: true,
    description: 'What the freeze did; null when nothing was done.',
  })
  effects!: SafeFreezeEffects | null;

  @Field(() => [PaymentRefund], { description: 'The failed orders’ refunds, as the gateway answered them.' })
  refunds!: PaymentRefund[];

  @Field(() => [SafeFreezeUserError], { description: 'Why nothing was changed (empty on success).' })
  userErrors!: SafeFreezeUserError[];
}

@ObjectType('UnfreezeMerchantPayload', { description: 'Result of `unfreezeMerchant`.' })
export class UnfreezeMerchantPayload {
  @Field(() => StaffMerchant, { nullable: true, description: 'The store, with its status after the lift.' })
  merchant!: StaffMerchant | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Frozen money moved back to pending (orders still running).',
  })
  releasedToPending!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Frozen money moved back to available.' })
  releasedToAvailable!: Money | null;

  @Field(() => [SafeFreezeUserError], { description: 'Why nothing was changed (empty on success).' })
  userErrors!: SafeFreezeUserError[];
}

@ObjectType('DeleteMerchantAccountPayload', { description: 'Result of `deleteMerchantAccount`.' })
export class DeleteMerchantAccountPayload {
  @Field(() => StaffMerchant, { nullable: true, description: 'The store, now DELETED.' })
  merchant!: StaffMerchant | null;

  @Field(() => Int, { description: 'Staff accounts closed for good (status DELETED).' })
  closedStaffAccountCount!: number;

  @Field(() => Int, { description: 'Sign-in sessions revoked.' })
  revokedSessionCount!: number;

  @Field(() => Int, { description: 'Reviews (credit evaluations) of the store cancelled.' })
  cancelledReviewCount!: number;

  @Field(() => [SafeFreezeUserError], { description: 'Why nothing was changed (empty on success).' })
  userErrors!: SafeFreezeUserError[];
}

@ObjectType('ClaimAffectedUser', { description: 'A user a claim is filed for.' })
export class ClaimAffectedUser {
  @Field(() => ID, { description: 'The user’s global ID.' })
  id!: string;

  @Field({ description: 'Sign-in email.' })
  email!: string;

  @Field({ description: 'Display name.' })
  displayName!: string;
}

@ObjectType('ClaimCompensation', { description: 'Money a decided claim paid back for an order.' })
export class ClaimCompensation {
  @Field(() => Order, { description: 'The compensated order.' })
  order!: Order;

  @Field(() => Money, { description: 'The amount refunded.' })
  amount!: Money;

  @Field(() => PaymentRefund, { description: 'The gateway refund that paid it.' })
  refund!: PaymentRefund;
}

@ObjectType('Claim', { description: 'A claim the platform filed for users harmed by a store.' })
export class Claim {
  @Field(() => ID, { description: 'Global ID.' })
  id!: string;

  @Field(() => Int, { description: 'The claim’s number (shown as “Claim #n”).' })
  number!: number;

  @Field({ description: 'Short title.' })
  title!: string;

  @Field({ description: 'What happened.' })
  description!: string;

  @Field({ description: 'Evidence as text.' })
  evidence!: string;

  @Field(() => [String], { description: 'Links to evidence files.' })
  attachments!: string[];

  @Field(() => ClaimStatus, { description: 'OPEN until decided.' })
  status!: Status;

  @Field(() => ClaimOutcome, { nullable: true, description: 'The decision (null while open).' })
  outcome!: Outcome | null;

  @Field(() => String, { nullable: true, description: 'Why it was decided so.' })
  decisionNote!: string | null;

  @Field({ description: 'When it was filed.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was decided.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Email of the admin who filed it.' })
  filedByEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'Email of the admin who decided it.' })
  decidedByEmail!: string | null;

  @Field(() => StaffMerchant, { description: 'The store the claim is against.' })
  merchant!: StaffMerchant;

  row!: ClaimEntity;

  static from(row: ClaimEntity): Claim {
    return Object.assign(new Claim(), {
      id: toGlobalId('Claim', row.id),
      number: row.id,
      title: row.title,
      description: row.description,
      evidence: row.evidence,
      attachments: row.attachments ?? [],
      status: row.status,
      outcome: row.outcome,
      decisionNote: row.decisionNote,
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
      filedByEmail: row.filedBy?.email ?? null,
      decidedByEmail: row.decidedBy?.email ?? null,
      merchant: StaffMerchant.from(row.merchant),
      row,
    });
  }
}

export const { Connection: ClaimConnection } = connectionTypes(Claim, 'Claim');

@InputType('StaffClaimsFilter', { description: 'Which claims to list.' })
export class StaffClaimsFilter {
  @Field(() => ClaimStatus, { nullable: true, description: 'Only open or only closed claims.' })
  status?: Status | null;

  @Field(() => ID, { nullable: true, description: 'Only claims against this store.' })
  merchantId?: string | null;
}

@InputType('FileClaimInput', { description: 'A claim for users harmed by a store’s serious violation.' })
export class FileClaimInput {
  @Field(() => ID, {
    description: 'The store the claim is against (safe-frozen by filing if it is not yet).',
  })
  merchantId!: string;

  @Field({ description: 'Short title (1–200 characters).' })
  title!: string;

  @Field({ description: 'What happened (1–5000 characters).' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Evidence as text (at most 10000 characters).' })
  evidence?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Links to evidence files (at most 10, http or https).',
  })
  attachments?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Orders of the store the claim is about (at most 50).' })
  orderIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Users the claim is filed for (at most 50); the listed orders’ shoppers are added.',
  })
  affectedUserIds?: string[] | null;
}

@InputType('ClaimCompensationInput', { description: 'Money to pay back for one order of the claim.' })
export class ClaimCompensationInput {
  @Field(() => ID, { description: 'An order listed in the claim.' })
  orderId!: string;

  @Field({ description: 'Decimal amount in the platform currency, e.g. "12.50".' })
  amount!: string;
}

@InputType('DecideClaimInput', { description: 'The decision on an open claim.' })
export class DecideClaimInput {
  @Field(() => ID, { description: 'The claim’s global ID.' })
  claimId!: string;

  @Field(() => ClaimOutcome, { description: 'How it is decided.' })
  outcome!: Outcome;

  @Field(() => [ClaimCompensationInput], {
    nullable: true,
    description: 'Refunds paid out of the store’s frozen funds (COMPENSATED only).',
  })
  compensations?: ClaimCompensationInput[] | null;

  @Field({ description: 'Why it is decided so (1–2000 characters).' })
  note!: string;
}

@ObjectType('FileClaimPayload', { description: 'Result of `fileClaim`.' })
export class FileClaimPayload {
  @Field(() => Claim, { nullable: true, description: 'The filed claim.' })
  claim!: Claim | null;

  @Field(() => SafeFreezeEffects, {
    nullable: true,
    description: 'What the safe freeze started by this filing did (null when the store was already frozen).',
  })
  freezeEffects!: SafeFreezeEffects | null;

  @Field(() => [ClaimUserError], { description: 'Why nothing was filed (empty on success).' })
  userErrors!: ClaimUserError[];
}

@ObjectType('DecideClaimPayload', { description: 'Result of `decideClaim`.' })
export class DecideClaimPayload {
  @Field(() => Claim, { nullable: true, description: 'The decided (closed) claim.' })
  claim!: Claim | null;

  @Field(() => [PaymentRefund], { description: 'The compensation refunds, as the gateway answered them.' })
  refunds!: PaymentRefund[];

  @Field(() => [ClaimUserError], { description: 'Why nothing was decided (empty on success).' })
  userErrors!: ClaimUserError[];
}
