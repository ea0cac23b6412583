import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { jsonRows, type WriteBatch } from '../../db/write-batch.js';
import type { OrderEntity } from '../orders/order.entity.js';

/** 32 random bytes, base64url (43 characters): guessing one is not a thing. */
const KEY_BYTES = 32;
export const ORDER_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashOrderKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface IssuedOrderKey {
  order: OrderEntity;
  /** The key itself: returned once to the payer and emailed, never stored. */
  key: string;
}

/**
 * Issues the order keys of service orders being paid, as a part of the capture's write
 * (db/write-batch.ts): only the hashes are stored; the keys go back to the payer and into the
 * e-mail. An order is paid once (the PAY transition, under the checkout lock), so none has a key
 * yet — and the unique index on order_key.order_id fails the whole capture rather than email a
 * key that is not the stored one.
 */
export function issueOrderKeysIn(batch: WriteBatch, orders: OrderEntity[]): IssuedOrderKey[] {
  const issued = orders
    .filter((o) => o.kind === 'SERVICE')
    .map((order) => ({ order, key: randomBytes(KEY_BYTES).toString('base64url') }));
  if (issued.length > 0) {
    batch.add(
      `insert into order_key (order_id, key_hash)
       select x.order_id, x.key_hash from jsonb_to_recordset(?::jsonb) as x(order_id int, key_hash text)`,
      [jsonRows(issued.map(({ order, key }) => ({ order_id: order.id, key_hash: hashOrderKey(key) })))],
    );
  }
  return issued;
}

/** Constant-time comparison of a presented key with a stored hash. */
export function orderKeyMatches(key: string, keyHash: string): boolean {
  const a = Buffer.from(hashOrderKey(key), 'hex');
  const b = Buffer.from(keyHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
