import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrderEntity } from '../orders/order.entity.js';
import { OrderKeyEntity } from './consulting.entity.js';

/** 32 random bytes, base64url (43 characters): guessing one is not a thing. */
const KEY_BYTES = 32;
export const ORDER_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashOrderKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface IssuedOrderKey {
  order: OrderEntity;
  /** The key itself: returned once to the payer and emailed, never stored. */
  key: string;
}

/** Issues the order key of each paid service order that has none yet, in the caller's transaction. */
export async function issueOrderKeys(em: EntityManager, orders: OrderEntity[]): Promise<IssuedOrderKey[]> {
  const services = orders.filter((o) => o.kind === 'SERVICE');
  if (services.length === 0) return [];
  const existing = await em.find(OrderKeyEntity, { order: { $in: services.map((o) => o.id) } });
  const issued: IssuedOrderKey[] = [];
  for (const order of services) {
    if (existing.some((k) => k.order.id === order.id)) continue;
    const key = randomBytes(KEY_BYTES).toString('base64url');
    em.create(OrderKeyEntity, { order, keyHash: hashOrderKey(key) });
    issued.push({ order, key });
  }
  await em.flush();
  return issued;
}

/** Constant-time comparison of a presented key with a stored hash. */
export function orderKeyMatches(key: string, keyHash: string): boolean {
  const a = Buffer.from(hashOrderKey(key), 'hex');
  const b = Buffer.from(keyHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
