import { assertNever } from './assert-never.js';
import type { MerchantStatus } from './merchant-status.js';
import {
  add,
  compare,
  type CurrencyCode,
  isNegative,
  isZero,
  type Money,
  money,
  parseDecimal,
  percentageOf,
  subtract,
  zero,
} from './money.js';
import type { OrderStatus } from './order-status.js';
import { err, ok, type Result } from './result.js';

/**
 * Merchant funds (DESIGN.md "Merchant funds"). Every movement of a merchant's money is an
 * append-only ledger entry in one bucket; a balance is the sum of its bucket's entries.
 * - PENDING: paid orders that have not completed yet (refunds come out of here);
 * - AVAILABLE: completed orders' money, waiting to be paid out;
 * - FROZEN: money held by a safe freeze (issue 6 moves it with FREEZE / UNFREEZE entries).
 */
export const LEDGER_BUCKETS = ['PENDING', 'AVAILABLE', 'FROZEN'] as const;
export type LedgerBucket = (typeof LEDGER_BUCKETS)[number];

export const LEDGER_ENTRY_KINDS = [
  'ORDER_PAID', // + pending: the order's amount less the platform commission
  'ORDER_REFUNDED', // − pending: a paid order failed with a full refund
  'ORDER_COMPLETED', // − pending, + available: the order completed
  'PAYOUT', // − available: a platform admin settled the merchant's funds
  'FREEZE', // pending/available → frozen (safe freeze; issue 6)
  'UNFREEZE', // frozen → pending/available (freeze lifted; issue 6)
  'ADJUSTMENT', // a correction by platform staff, with a memo
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export function isLedgerBucket(value: unknown): value is LedgerBucket {
  return typeof value === 'string' && (LEDGER_BUCKETS as readonly string[]).includes(value);
}

export function isLedgerEntryKind(value: unknown): value is LedgerEntryKind {
  return typeof value === 'string' && (LEDGER_ENTRY_KINDS as readonly string[]).includes(value);
}

/** The largest platform commission: 10 000 basis points = 100 %. */
export const MAX_COMMISSION_BPS = 10_000;

export type CommissionSplit = { readonly gross: Money; readonly commission: Money; readonly net: Money };

/**
 * What the platform keeps of an order's paid amount and what is the merchant's. The commission is
 * `commissionBps`/10 000 of the gross, rounded once by `percentageOf`; the net is the exact rest,
 * so commission + net always equals the gross.
 */
export function commissionSplit(gross: Money, commissionBps: number): CommissionSplit {
  if (!Number.isInteger(commissionBps) || commissionBps < 0 || commissionBps > MAX_COMMISSION_BPS) {
    throw new RangeError(`commission must be 0–${MAX_COMMISSION_BPS} basis points, got ${commissionBps}`);
  }
  if (isNegative(gross)) throw new RangeError('a paid amount is never negative');
  const commission = percentageOf(gross, commissionBps);
  return { gross, commission, net: subtract(gross, commission) };
}

export type LedgerMovement = {
  readonly kind: LedgerEntryKind;
  readonly bucket: LedgerBucket;
  /** Signed: positive into the bucket, negative out of it. Never zero. */
  readonly amount: Money;
};

export type OrderFundsFacts = {
  /** The order's paid total. */
  readonly gross: Money;
  readonly commissionBps: number;
  /** What the order has in PENDING now (the sum of its PENDING entries). */
  readonly orderPending: Money;
};

/**
 * Whether `orderFundsMovements(to, …)` depends on `orderPending` — only reversals (FAILED,
 * COMPLETED) move what the order holds; a payment books its net from the gross alone. Callers
 * read the order's PENDING sum from the ledger only when this says so.
 */
export function fundsMovementsNeedOrderPending(to: OrderStatus): boolean {
  return to === 'FAILED' || to === 'COMPLETED';
}

/**
 * The ledger movements an order's new status implies:
 * paid (AWAITING_SHIPMENT) → + net to PENDING; FAILED (refunded in full) → its PENDING goes out;
 * COMPLETED → its PENDING moves to AVAILABLE. Reversals move what the order actually holds in
 * PENDING (not a recomputed net), so a commission change between payment and completion, or money
 * frozen meanwhile, can never make a bucket drift from its orders. Zero amounts make no entry.
 */
export function orderFundsMovements(to: OrderStatus, facts: OrderFundsFacts): LedgerMovement[] {
  switch (to) {
    case 'AWAITING_SHIPMENT': {
      const { net } = commissionSplit(facts.gross, facts.commissionBps);
      return isZero(net) ? [] : [{ kind: 'ORDER_PAID', bucket: 'PENDING', amount: net }];
    }
    case 'FAILED': {
      if (!isPositive(facts.orderPending)) return [];
      return [{ kind: 'ORDER_REFUNDED', bucket: 'PENDING', amount: negate(facts.orderPending) }];
    }
    case 'COMPLETED': {
      if (!isPositive(facts.orderPending)) return [];
      return [
        { kind: 'ORDER_COMPLETED', bucket: 'PENDING', amount: negate(facts.orderPending) },
        { kind: 'ORDER_COMPLETED', bucket: 'AVAILABLE', amount: facts.orderPending },
      ];
    }
    case 'AWAITING_PAYMENT':
    case 'SHIPPED':
    case 'CLOSED':
      return [];
    default:
      return assertNever(to, 'order status');
  }
}

export type FundsBalances = { readonly pending: Money; readonly available: Money; readonly frozen: Money };

/** Balances as sums of ledger entries (amounts of another currency are a bug and throw). */
export function balancesFromEntries(
  entries: readonly { readonly bucket: LedgerBucket; readonly amount: Money }[],
  currency: CurrencyCode,
): FundsBalances {
  let pending = zero(currency);
  let available = zero(currency);
  let frozen = zero(currency);
  for (const { bucket, amount } of entries) {
    switch (bucket) {
      case 'PENDING':
        pending = add(pending, amount);
        break;
      case 'AVAILABLE':
        available = add(available, amount);
        break;
      case 'FROZEN':
        frozen = add(frozen, amount);
        break;
      default:
        assertNever(bucket, 'ledger bucket');
    }
  }
  return { pending, available, frozen };
}

/**
 * Whether platform admins may pay out the merchant's available funds. A safe-frozen merchant's
 * money is held until the freeze is lifted; a deleted merchant was settled before its deletion.
 * A disabled (closed) store is settled so it is paid what it earned.
 */
export function merchantCanBeSettled(status: MerchantStatus): boolean {
  switch (status) {
    case 'ACTIVE':
    case 'GENERAL_FROZEN':
    case 'DISABLED':
      return true;
    case 'SAFE_FROZEN':
    case 'DELETED':
      return false;
    default:
      return assertNever(status, 'merchant status');
  }
}

export type SettlementErrorCode =
  | 'INVALID_AMOUNT'
  | 'AMOUNT_NOT_POSITIVE'
  | 'AMOUNT_EXCEEDS_AVAILABLE'
  | 'NOTHING_AVAILABLE'
  | 'MERCHANT_NOT_SETTLEABLE';

export type SettlementError = { readonly code: SettlementErrorCode; readonly message: string };

export type SettlementFacts = {
  readonly merchantStatus: MerchantStatus;
  readonly available: Money;
  /** The amount asked for as a decimal in major units ("12.34"); null or blank: all available. */
  readonly requested: string | null;
};

/** What a settlement may pay out now: the requested amount, or everything available. */
export function checkSettlement(facts: SettlementFacts): Result<Money, SettlementError> {
  const { available } = facts;
  if (!merchantCanBeSettled(facts.merchantStatus)) {
    return err({
      code: 'MERCHANT_NOT_SETTLEABLE',
      message: `A merchant in status ${facts.merchantStatus} cannot be settled.`,
    });
  }
  const text = facts.requested?.trim() ?? '';
  let amount = available;
  if (text !== '') {
    const parsed = parseDecimal(text, available.currency);
    if (!parsed.ok) return err({ code: 'INVALID_AMOUNT', message: parsed.error.message });
    amount = parsed.value;
    if (!isPositive(amount)) {
      return err({ code: 'AMOUNT_NOT_POSITIVE', message: 'The amount must be greater than zero.' });
    }
  }
  if (!isPositive(available)) {
    return err({ code: 'NOTHING_AVAILABLE', message: 'The merchant has no available funds to settle.' });
  }
  if (compare(amount, available) > 0) {
    return err({
      code: 'AMOUNT_EXCEEDS_AVAILABLE',
      message: 'The amount is more than the merchant’s available funds.',
    });
  }
  return ok(amount);
}

function isPositive(m: Money): boolean {
  return !isZero(m) && !isNegative(m);
}

function negate(m: Money): Money {
  return money(-m.minor, m.currency);
}
