import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type CurrencyCode,
  commissionSplit,
  type FundsBalances,
  fundsMovementsNeedOrderPending,
  type LedgerEntryKind,
  money,
  type OrderStatus,
  orderFundsMovements,
  toDecimalString,
  zero,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import type { OrderEntity } from '../orders/order.entity.js';
import { LedgerEntryEntity } from './funds.entity.js';

/**
 * Writes the ledger movements of an order's new status (core `orderFundsMovements`) in the caller's
 * transaction. Called by `applyOrderEvent` only, which holds the order's row lock, so each
 * transition books its movements exactly once.
 */
export async function recordOrderFunds(
  em: EntityManager,
  config: Config,
  order: OrderEntity,
  to: OrderStatus,
): Promise<void> {
  const movements = createOrderMovements(
    em,
    config,
    order,
    to,
    fundsMovementsNeedOrderPending(to) ? await orderBucketMinor(em, order.id, 'PENDING') : 0,
  );
  if (movements.length) await em.flush();
}

/**
 * `recordOrderFunds` for several orders at once (applyOrderEventToCheckout): one read of their
 * pending sums, then every movement created for the caller's next flush.
 */
export async function recordOrdersFunds(
  em: EntityManager,
  config: Config,
  changes: { order: OrderEntity; to: OrderStatus }[],
): Promise<void> {
  if (changes.length === 0) return;
  // Only reversals need what an order holds in PENDING: paying a checkout reads nothing.
  const reversing = changes.filter((c) => fundsMovementsNeedOrderPending(c.to)).map((c) => c.order.id);
  const rows =
    reversing.length === 0
      ? []
      : await em.execute<{ order_id: number; n: string | number }[]>(
          `select order_id, coalesce(sum(amount_minor), 0) as n from ledger_entry
           where order_id in (?) and bucket = 'PENDING' group by order_id`,
          [reversing],
        );
  const pending = new Map(rows.map((r) => [Number(r.order_id), Number(r.n)]));
  for (const { order, to } of changes) {
    createOrderMovements(em, config, order, to, pending.get(order.id) ?? 0);
  }
}

/** Creates (for the caller's flush) the ledger entries of one order's new status; returns them. */
function createOrderMovements(
  em: EntityManager,
  config: Config,
  order: OrderEntity,
  to: OrderStatus,
  orderPendingMinor: number,
) {
  const currency = order.currency as CurrencyCode;
  const movements = orderFundsMovements(to, {
    gross: money(order.totalMinor, currency),
    commissionBps: config.platformCommissionBps,
    orderPending: money(orderPendingMinor, currency),
  });
  for (const m of movements) {
    em.create(LedgerEntryEntity, {
      merchant: order.merchant,
      order,
      payout: null,
      kind: m.kind,
      bucket: m.bucket,
      amountMinor: m.amount.minor,
      currency: m.amount.currency,
      memo: memoOf(m.kind, order, config.platformCommissionBps),
    });
  }
  return movements;
}

function memoOf(kind: LedgerEntryKind, order: OrderEntity, commissionBps: number): string {
  switch (kind) {
    case 'ORDER_PAID': {
      if (commissionBps === 0) return `Order ${order.number} paid`;
      const split = commissionSplit(money(order.totalMinor, order.currency as CurrencyCode), commissionBps);
      return `Order ${order.number} paid: ${toDecimalString(split.gross)} less platform commission ${toDecimalString(split.commission)} (${commissionBps / 100} %)`;
    }
    case 'ORDER_REFUNDED':
      return `Order ${order.number} failed and was refunded`;
    case 'ORDER_COMPLETED':
      return `Order ${order.number} completed`;
    default:
      return `Order ${order.number}`;
  }
}

async function orderBucketMinor(em: EntityManager, orderId: number, bucket: string): Promise<number> {
  const [row] = await em.execute<{ n: string | number }[]>(
    'select coalesce(sum(amount_minor), 0) as n from ledger_entry where order_id = ? and bucket = ?',
    [orderId, bucket],
  );
  return Number(row?.n ?? 0);
}

/** A merchant's balances: the sums of its entries per bucket, computed by the database each time. */
export async function merchantBalances(
  em: EntityManager,
  merchantId: number,
  currency: CurrencyCode,
): Promise<FundsBalances> {
  const rows = await em.execute<{ bucket: string; n: string | number }[]>(
    `select bucket, sum(amount_minor) as n from ledger_entry
     where merchant_id = ? and currency = ? group by bucket`,
    [merchantId, currency],
  );
  const of = (bucket: string) => {
    const row = rows.find((r) => r.bucket === bucket);
    return row ? money(Number(row.n), currency) : zero(currency);
  };
  return { pending: of('PENDING'), available: of('AVAILABLE'), frozen: of('FROZEN') };
}
