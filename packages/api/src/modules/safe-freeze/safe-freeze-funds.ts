import type { EntityManager } from '@mikro-orm/postgresql';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import { LedgerEntryEntity } from '../funds/funds.entity.js';
import type { OrderEntity } from '../orders/order.entity.js';

/**
 * Frozen money is kept in "slices": the FROZEN entries of an order (money that was pending for that
 * order) and the FROZEN entries without an order (money that was available). A slice's sum is what
 * it still holds; unfreezing moves each slice back where it came from, so nothing drifts. The
 * caller holds the merchant's row lock (as settlement does), so balances cannot move meanwhile.
 */
export interface FrozenSlice {
  orderId: number | null;
  minor: number;
}

export interface FreezeMovement {
  fromPendingMinor: number;
  fromAvailableMinor: number;
}

/** Moves every pending amount (per order) and the whole available balance to FROZEN (FREEZE entries). */
export async function freezeMerchantFunds(
  em: EntityManager,
  merchant: MerchantEntity,
  currency: string,
  memo: string,
): Promise<FreezeMovement> {
  const pending = await em.execute<{ order_id: number; n: string | number }[]>(
    `select order_id, sum(amount_minor) as n from ledger_entry
     where merchant_id = ? and bucket = 'PENDING' and currency = ? and order_id is not null
     group by order_id having sum(amount_minor) > 0 order by order_id`,
    [merchant.id, currency],
  );
  let fromPendingMinor = 0;
  for (const row of pending) {
    const minor = Number(row.n);
    fromPendingMinor += minor;
    move(em, merchant, row.order_id, 'FREEZE', 'PENDING', 'FROZEN', minor, currency, memo);
  }
  const [available] = await em.execute<{ n: string | number }[]>(
    `select coalesce(sum(amount_minor), 0) as n from ledger_entry
     where merchant_id = ? and bucket = 'AVAILABLE' and currency = ?`,
    [merchant.id, currency],
  );
  const fromAvailableMinor = Math.max(0, Number(available?.n ?? 0));
  if (fromAvailableMinor > 0) {
    move(em, merchant, null, 'FREEZE', 'AVAILABLE', 'FROZEN', fromAvailableMinor, currency, memo);
  }
  await em.flush();
  return { fromPendingMinor, fromAvailableMinor };
}

/** What each slice of the merchant's frozen money holds now (only slices holding something). */
export async function frozenSlices(
  em: EntityManager,
  merchantId: number,
  currency: string,
): Promise<FrozenSlice[]> {
  const rows = await em.execute<{ order_id: number | null; n: string | number }[]>(
    `select order_id, sum(amount_minor) as n from ledger_entry
     where merchant_id = ? and bucket = 'FROZEN' and currency = ?
     group by order_id having sum(amount_minor) <> 0 order by order_id nulls first`,
    [merchantId, currency],
  );
  return rows.map((r) => ({ orderId: r.order_id, minor: Number(r.n) }));
}

export interface UnfreezeMovement {
  toPendingMinor: number;
  toAvailableMinor: number;
}

/**
 * Moves every frozen slice back (UNFREEZE entries, exact amounts): an order's slice to PENDING —
 * or to AVAILABLE when the order completed during the freeze (its completion found nothing pending
 * to move) — and the slice without an order to AVAILABLE.
 */
export async function unfreezeMerchantFunds(
  em: EntityManager,
  merchant: MerchantEntity,
  currency: string,
  memo: string,
): Promise<UnfreezeMovement> {
  const slices = await frozenSlices(em, merchant.id, currency);
  const completed = new Set(
    (
      await em.execute<{ id: number }[]>(
        `select id from customer_order where merchant_id = ? and status = 'COMPLETED'`,
        [merchant.id],
      )
    ).map((r) => r.id),
  );
  let toPendingMinor = 0;
  let toAvailableMinor = 0;
  for (const slice of slices) {
    if (slice.minor <= 0) continue;
    const toPending = slice.orderId !== null && !completed.has(slice.orderId);
    if (toPending) toPendingMinor += slice.minor;
    else toAvailableMinor += slice.minor;
    move(
      em,
      merchant,
      slice.orderId,
      'UNFREEZE',
      'FROZEN',
      toPending ? 'PENDING' : 'AVAILABLE',
      slice.minor,
      currency,
      memo,
    );
  }
  await em.flush();
  return { toPendingMinor, toAvailableMinor };
}

/**
 * Takes `minor` out of FROZEN for a compensation: first from the compensated order's own slice,
 * then from the available slice, then from other orders' slices (oldest first), so no slice goes
 * below zero. The caller checked that the frozen total covers it.
 */
export async function takeFromFrozen(
  em: EntityManager,
  merchant: MerchantEntity,
  order: OrderEntity,
  minor: number,
  currency: string,
  memo: string,
): Promise<void> {
  const slices = await frozenSlices(em, merchant.id, currency);
  const rank = (s: FrozenSlice) => (s.orderId === order.id ? 0 : s.orderId === null ? 1 : 2);
  const ordered = slices
    .filter((s) => s.minor > 0)
    .sort((a, b) => rank(a) - rank(b) || (a.orderId ?? 0) - (b.orderId ?? 0));
  let left = minor;
  for (const slice of ordered) {
    if (left === 0) break;
    const take = Math.min(left, slice.minor);
    em.create(LedgerEntryEntity, {
      merchant,
      order: slice.orderId,
      payout: null,
      kind: 'ADJUSTMENT',
      bucket: 'FROZEN',
      amountMinor: -take,
      currency,
      memo,
    });
    left -= take;
  }
  if (left !== 0) throw new Error('frozen funds do not cover the compensation');
  await em.flush();
}

function move(
  em: EntityManager,
  merchant: MerchantEntity,
  orderId: number | null,
  kind: 'FREEZE' | 'UNFREEZE',
  from: 'PENDING' | 'AVAILABLE' | 'FROZEN',
  to: 'PENDING' | 'AVAILABLE' | 'FROZEN',
  minor: number,
  currency: string,
  memo: string,
): void {
  for (const [bucket, amountMinor] of [
    [from, -minor],
    [to, minor],
  ] as const) {
    em.create(LedgerEntryEntity, {
      merchant,
      order: orderId,
      payout: null,
      kind,
      bucket,
      amountMinor,
      currency,
      memo: memo.slice(0, 500),
    });
  }
}
