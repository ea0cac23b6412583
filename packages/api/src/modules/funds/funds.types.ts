import {
  type CurrencyCode,
  LEDGER_BUCKETS,
  LEDGER_ENTRY_KINDS,
  type LedgerBucket as Bucket,
  type LedgerEntryKind as Kind,
  money,
} from '@marketplace/core';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Money } from '../../graphql/money.type.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import { Merchant } from '../catalog/catalog.types.js';
import { SortDirection } from '../orders-admin/orders-admin.types.js';
import { Order } from '../orders/orders.types.js';
import type { LedgerEntryEntity, PayoutEntity } from './funds.entity.js';
import type { FundsView } from './funds-queries.js';

export const LedgerBucket = Object.fromEntries(LEDGER_BUCKETS.map((b) => [b, b])) as { [B in Bucket]: B };
registerEnumType(LedgerBucket, {
  name: 'LedgerBucket',
  description: 'Where a merchant’s money is: a balance is the sum of its bucket’s ledger entries.',
  valuesConfig: {
    PENDING: { description: 'Paid orders that have not completed yet; refunds come out of it.' },
    AVAILABLE: { description: 'Completed orders’ money, waiting to be paid out by the platform.' },
    FROZEN: { description: 'Held by a safe freeze until platform staff lift it.' },
  },
});

export const LedgerEntryKind = Object.fromEntries(LEDGER_ENTRY_KINDS.map((k) => [k, k])) as {
  [K in Kind]: K;
};
registerEnumType(LedgerEntryKind, {
  name: 'LedgerEntryKind',
  description: 'What moved the money.',
  valuesConfig: {
    ORDER_PAID: { description: 'An order was paid: its amount less the platform commission, into pending.' },
    ORDER_REFUNDED: { description: 'A paid order failed and was refunded in full: out of pending.' },
    ORDER_COMPLETED: { description: 'An order completed: its money moved from pending to available.' },
    PAYOUT: { description: 'The platform paid out available funds (a settlement).' },
    FREEZE: { description: 'A safe freeze moved money into frozen.' },
    UNFREEZE: { description: 'A lifted freeze moved money out of frozen.' },
    ADJUSTMENT: { description: 'A correction by platform staff (see the memo).' },
  },
});

export const LedgerEntrySortField = { CREATED_AT: 'CREATED_AT', AMOUNT: 'AMOUNT' } as const;
registerEnumType(LedgerEntrySortField, {
  name: 'LedgerEntrySortField',
  description: 'How ledger entries are sorted.',
  valuesConfig: {
    CREATED_AT: { description: 'When the movement happened.' },
    AMOUNT: { description: 'The signed amount.' },
  },
});

export const PayoutSortField = { CREATED_AT: 'CREATED_AT', AMOUNT: 'AMOUNT' } as const;
registerEnumType(PayoutSortField, {
  name: 'PayoutSortField',
  description: 'How payouts are sorted.',
  valuesConfig: {
    CREATED_AT: { description: 'When the payout was recorded.' },
    AMOUNT: { description: 'The amount paid out.' },
  },
});

export const FundsOverviewSortField = {
  AVAILABLE: 'AVAILABLE',
  PENDING: 'PENDING',
  FROZEN: 'FROZEN',
  HANDLE: 'HANDLE',
} as const;
registerEnumType(FundsOverviewSortField, {
  name: 'FundsOverviewSortField',
  description: 'How the settlement work list is sorted.',
  valuesConfig: {
    AVAILABLE: { description: 'Available balance.' },
    PENDING: { description: 'Pending balance.' },
    FROZEN: { description: 'Frozen balance.' },
    HANDLE: { description: 'The store’s handle, alphabetically.' },
  },
});

@ObjectType('Payout', {
  description: 'A settlement: the platform paid out part or all of a store’s available funds.',
})
export class Payout {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;

  @Field(() => Money, { description: 'The amount paid out.' })
  amount!: Money;

  @Field({ description: 'The transfer’s reference at the bank or payment service.' })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'A note by the admin who settled.' })
  note!: string | null;

  @Field({ description: 'When the payout was recorded.' })
  createdAt!: Date;

  @Field(() => Merchant, { description: 'The store that was paid.' })
  merchant!: Merchant;

  row!: PayoutEntity;

  static from(row: PayoutEntity): Payout {
    return Object.assign(new Payout(), {
      id: toGlobalId('Payout', row.id),
      amount: Money.from(money(row.amountMinor, row.currency as CurrencyCode)),
      reference: row.reference,
      note: row.note,
      createdAt: row.createdAt,
      merchant: Merchant.from(row.merchant),
      row,
    });
  }
}

@ObjectType('LedgerEntry', {
  description: 'One movement of a store’s money into or out of a bucket (append-only).',
})
export class LedgerEntry {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;

  @Field(() => LedgerEntryKind, { description: 'What moved the money.' })
  kind!: Kind;

  @Field(() => LedgerBucket, { description: 'The bucket this entry belongs to.' })
  bucket!: Bucket;

  @Field(() => Money, { description: 'Signed amount: positive into the bucket, negative out of it.' })
  amount!: Money;

  @Field({ description: 'What happened, in words (English), e.g. "Order MP-20261122-0000042 paid".' })
  memo!: string;

  @Field({ description: 'When the movement happened.' })
  createdAt!: Date;

  @Field(() => Order, { nullable: true, description: 'The order behind the movement, if any.' })
  order!: Order | null;

  @Field(() => Payout, { nullable: true, description: 'The payout behind the movement, if any.' })
  payout!: Payout | null;

  static from(row: LedgerEntryEntity): LedgerEntry {
    return Object.assign(new LedgerEntry(), {
      id: toGlobalId('LedgerEntry', row.id),
      kind: row.kind,
      bucket: row.bucket,
      amount: Money.from(money(row.amountMinor, row.currency as CurrencyCode)),
      memo: row.memo,
      createdAt: row.createdAt,
      order: row.order ? Order.from(row.order) : null,
      payout: row.payout ? Payout.from(row.payout) : null,
    });
  }
}

@ObjectType('MerchantFunds', {
  description: 'A store’s money on the platform: balances (sums of ledger entries), ledger and payouts.',
})
export class MerchantFunds {
  @Field(() => Money, { description: 'Paid orders not completed yet (less the platform commission).' })
  pending!: Money;

  @Field(() => Money, { description: 'Completed orders’ money not paid out yet.' })
  available!: Money;

  @Field(() => Money, { description: 'Held by a safe freeze.' })
  frozen!: Money;

  @Field({ description: 'Whether the store’s status allows a settlement (not safe-frozen or deleted).' })
  settleable!: boolean;

  view!: FundsView;

  static from(view: FundsView, settleable: boolean): MerchantFunds {
    return Object.assign(new MerchantFunds(), {
      pending: Money.from(view.balances.pending),
      available: Money.from(view.balances.available),
      frozen: Money.from(view.balances.frozen),
      settleable,
      view,
    });
  }
}

export const { Connection: LedgerEntryConnection } = connectionTypes(LedgerEntry, 'LedgerEntry');
export const { Connection: PayoutConnection } = connectionTypes(Payout, 'Payout');
export const { Connection: MerchantFundsConnection } = connectionTypes(MerchantFunds, 'MerchantFunds');

@InputType('LedgerEntriesFilter', { description: 'Narrows a store’s ledger entries.' })
export class LedgerEntriesFilter {
  @Field(() => LedgerBucket, { nullable: true, description: 'Only this bucket.' })
  bucket?: Bucket | null;

  @Field(() => LedgerEntryKind, { nullable: true, description: 'Only this kind of movement.' })
  kind?: Kind | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created before.' })
  to?: Date | null;
}

@InputType('LedgerEntriesSort', { description: 'Order of ledger entries.' })
export class LedgerEntriesSort {
  @Field(() => LedgerEntrySortField, { defaultValue: 'CREATED_AT', description: 'Sort key.' })
  field!: keyof typeof LedgerEntrySortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Direction.' })
  direction!: keyof typeof SortDirection;
}

@InputType('FundsOverviewFilter', { description: 'Narrows the settlement work list.' })
export class FundsOverviewFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only stores with at least this much available, as a decimal ("10.00").',
  })
  minAvailable?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the store’s handle or name.' })
  search?: string | null;
}

@InputType('FundsOverviewSort', { description: 'Order of the settlement work list.' })
export class FundsOverviewSort {
  @Field(() => FundsOverviewSortField, { defaultValue: 'AVAILABLE', description: 'Sort key.' })
  field!: keyof typeof FundsOverviewSortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Direction.' })
  direction!: keyof typeof SortDirection;
}

@InputType('MerchantPayoutsFilter', { description: 'Narrows a store’s payout history.' })
export class MerchantPayoutsFilter {
  @Field(() => Date, { nullable: true, description: 'Recorded at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Recorded before (must be after `from`).' })
  to?: Date | null;
}

@InputType('PayoutsFilter', { description: 'Narrows the payout history.' })
export class PayoutsFilter {
  @Field(() => ID, { nullable: true, description: 'Only this store’s payouts.' })
  merchantId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Recorded at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Recorded before (must be after `from`).' })
  to?: Date | null;
}

@InputType('PayoutsSort', { description: 'Order of payouts.' })
export class PayoutsSort {
  @Field(() => PayoutSortField, { defaultValue: 'CREATED_AT', description: 'Sort key.' })
  field!: keyof typeof PayoutSortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Direction.' })
  direction!: keyof typeof SortDirection;
}

@InputType('SettleMerchantFundsInput', { description: 'Pays out a store’s available funds.' })
export class SettleMerchantFundsInput {
  @Field(() => ID, { description: 'The store to pay.' })
  merchantId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Decimal amount in major units ("120.50"); omitted or blank: everything available.',
  })
  amount?: string | null;

  @Field({ description: 'The transfer’s reference at the bank or payment service (1–100 characters).' })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'An optional note (at most 500 characters).' })
  note?: string | null;
}

const SETTLE_ERRORS = {
  MERCHANT_NOT_FOUND: 'There is no merchant with this ID.',
  MERCHANT_NOT_SETTLEABLE: 'The store is safe-frozen or deleted; its funds cannot be paid out.',
  NOTHING_AVAILABLE: 'The store has no available funds.',
  INVALID_AMOUNT: 'The amount is not a decimal in the currency (e.g. "120.50").',
  AMOUNT_NOT_POSITIVE: 'The amount must be greater than zero.',
  AMOUNT_EXCEEDS_AVAILABLE: 'The amount is more than the store’s available funds.',
  INVALID_REFERENCE: 'The transfer reference is missing or longer than 100 characters.',
  INVALID_NOTE: 'The note is longer than 500 characters.',
} as const;
type SettleCode = keyof typeof SETTLE_ERRORS;

export const SettleMerchantFundsErrorCode = Object.fromEntries(
  Object.keys(SETTLE_ERRORS).map((c) => [c, c]),
) as { [K in SettleCode]: K };
registerEnumType(SettleMerchantFundsErrorCode, {
  name: 'SettleMerchantFundsErrorCode',
  description: 'Why a settlement was refused (nothing was paid out).',
  valuesConfig: Object.fromEntries(
    Object.entries(SETTLE_ERRORS).map(([k, d]) => [k, { description: d }]),
  ) as Partial<Record<SettleCode, { description: string }>>,
});

@ObjectType('SettleMerchantFundsUserError', {
  implements: BaseUserError,
  description: 'A refused settlement.',
})
export class SettleMerchantFundsUserError extends BaseUserError {
  @Field(() => SettleMerchantFundsErrorCode, { description: 'What went wrong.' })
  code!: SettleCode;
}

@ObjectType('SettleMerchantFundsPayload', { description: 'Result of `settleMerchantFunds`.' })
export class SettleMerchantFundsPayload {
  @Field(() => Payout, { nullable: true, description: 'The payout recorded; null when refused.' })
  payout!: Payout | null;

  @Field(() => MerchantFunds, { nullable: true, description: 'The store’s funds after the payout.' })
  funds!: MerchantFunds | null;

  @Field(() => [SettleMerchantFundsUserError], { description: 'Why it was refused; empty on success.' })
  userErrors!: SettleMerchantFundsUserError[];
}
