import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type CurrencyCode,
  commissionSplit,
  type FundsBalances,
  fundsMovementsNeedOrderPending,
  type LedgerBucket,
  type LedgerEntryKind,
  money,
  type OrderStatus,
  orderFundsMovements,
  toDecimalString,
  zero,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { jsonRows, type WriteBatch } from '../../db/write-batch.js';
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

/** A ledger entry to insert (ledger_entry's columns). */
export interface LedgerRow {
  merchant_id: number;
  order_id: number;
  kind: LedgerEntryKind;
  bucket: LedgerBucket;
  amount_minor: number;
  currency: string;
  memo: string;
}

/**
 * The ledger entries of one order's new status (core `orderFundsMovements`), given what the order
 * holds in PENDING — needed only when `fundsMovementsNeedOrderPending(to)`.
 */
export function orderMovementRows(
  config: Config,
  order: OrderEntity,
  to: OrderStatus,
  orderPendingMinor: number,
): LedgerRow[] {
  const currency = order.currency as CurrencyCode;
  return orderFundsMovements(to, {
    gross: money(order.totalMinor, currency),
    commissionBps: config.platformCommissionBps,
    orderPending: money(orderPendingMinor, currency),
  }).map((m) => ({
    merchant_id: order.merchant.id,
    order_id: order.id,
    kind: m.kind,
    bucket: m.bucket,
    amount_minor: m.amount.minor,
    currency: m.amount.currency,
    memo: memoOf(m.kind, order, config.platformCommissionBps),
  }));
}

/** Ledger entries as a part of a larger write (db/write-batch.ts). */
export function recordLedgerRowsIn(batch: WriteBatch, rows: LedgerRow[]): void {
  if (rows.length === 0) return;
  batch.add(
    `insert into ledger_entry (merchant_id, order_id, payout_id, kind, bucket, amount_minor, currency, memo)
     select x.merchant_id, x.order_id, null, x.kind, x.bucket, x.amount_minor, x.currency, x.memo
       from rows from (jsonb_to_recordset(?::jsonb) as (merchant_id int, order_id int, kind text, bucket text,
         amount_minor int, currency text, memo text)) with ordinality as x (merchant_id, order_id, kind, bucket,
         amount_minor, currency, memo, n)
      order by x.n`,
    [jsonRows(rows as unknown as Record<string, unknown>[])],
  );
}

/** Creates (for the caller's flush) the ledger entries of one order's new status; returns them. */
function createOrderMovements(
  em: EntityManager,
  config: Config,
  order: OrderEntity,
  to: OrderStatus,
  orderPendingMinor: number,
) {
  const rows = orderMovementRows(config, order, to, orderPendingMinor);
  for (const row of rows) {
    em.create(LedgerEntryEntity, {
      merchant: order.merchant,
      order,
      payout: null,
      kind: row.kind,
      bucket: row.bucket,
      amountMinor: row.amount_minor,
      currency: row.currency,
      memo: row.memo,
    });
  }
  return rows;
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
