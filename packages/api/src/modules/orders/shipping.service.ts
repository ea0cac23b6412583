import type { EntityManager } from '@mikro-orm/postgresql';
import { checkShipment, type ValidShipment } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { PaymentRefundEntity } from '../payments/payment.entity.js';
import { recipientOf } from '../payments/payment-settlement.js';
import { applyOrderEvent } from './order-transitions.js';
import { OrderCancellationRequestEntity, OrderEntity, OrderLineEntity } from './order.entity.js';
import { sendOrderShipped } from './shipping-emails.js';

export type ShipOrdersErrorCode =
  | 'INVALID_ORDER_COUNT'
  | 'DUPLICATE_ORDER'
  | 'ORDER_NOT_FOUND'
  | 'NOT_SHIPPABLE'
  | 'CANCELLATION_PENDING'
  | 'INVALID_CARRIER'
  | 'INVALID_TRACKING_NUMBER'
  | 'ACCOUNT_RESTRICTED';

type ShipError = { code: ShipOrdersErrorCode; message: string; field: string[] | null };

export interface ShipOrdersResult {
  orders: OrderEntity[];
  userErrors: ShipError[];
}

export interface ShipmentInput {
  orderId: string;
  carrier: string;
  trackingNumber: string;
}

export const MAX_ORDERS_PER_SHIPMENT = 100;

const refused = (userErrors: ShipError[]): ShipOrdersResult => ({ orders: [], userErrors });

/**
 * The merchant's staff hand goods orders of their store to the carrier (AWAITING_SHIPMENT →
 * SHIPPED, core SHIP), one or many at once with a carrier and tracking number each. All or
 * nothing: any problem with any order ships none of them. Each shipped order emails its shopper.
 */
export class ShippingService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  async shipOrders(input: { orders: ShipmentInput[] }): Promise<ShipOrdersResult> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF');
    const merchantId = viewer.merchantId;
    if (merchantId === null) throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    const items = input.orders ?? [];
    if (items.length === 0 || items.length > MAX_ORDERS_PER_SHIPMENT) {
      return refused([
        userError('INVALID_ORDER_COUNT', `Ship between 1 and ${MAX_ORDERS_PER_SHIPMENT} orders at a time.`, [
          'input',
          'orders',
        ]),
      ]);
    }

    // Every field of every order is checked before anything is locked, and all problems reported.
    const errors: ShipError[] = [];
    const planned: { index: number; id: number; shipment: ValidShipment }[] = [];
    const seen = new Set<number>();
    items.forEach((item, index) => {
      const at = (field: string) => ['input', 'orders', String(index), field];
      const id = fromGlobalId(item.orderId, 'Order');
      if (id === null) {
        errors.push(userError('ORDER_NOT_FOUND', 'Your store has no order with this ID.', at('orderId')));
      } else if (seen.has(id)) {
        errors.push(userError('DUPLICATE_ORDER', 'This order is listed twice.', at('orderId')));
      }
      if (id !== null) seen.add(id);
      const checked = checkShipment({
        carrier: item.carrier ?? '',
        trackingNumber: item.trackingNumber ?? '',
      });
      if (!checked.ok) {
        for (const e of checked.error) errors.push(userError(e.code, e.message, at(e.field)));
      } else if (id !== null) {
        planned.push({ index, id, shipment: checked.value });
      }
    });
    if (errors.length > 0) return refused(errors);

    return inTransaction(this.em, async (tx) => {
      const shipped = new Map<number, OrderEntity>();
      // Locks are taken in order-id order, so two shipments of overlapping orders cannot deadlock.
      for (const { index, id, shipment } of [...planned].sort((a, b) => a.id - b.id)) {
        const fail = (code: ShipOrdersErrorCode, message: string) =>
          new Refusal(refused([userError(code, message, ['input', 'orders', String(index), 'orderId'])]));
        const [row] = await tx.execute<{ checkout_id: number; merchant_id: number }[]>(
          'select checkout_id, merchant_id from customer_order where id = ?',
          [id],
        );
        if (!row || row.merchant_id !== merchantId) {
          throw fail('ORDER_NOT_FOUND', 'Your store has no order with this ID.');
        }
        // The same lock order as every order transition: the checkout, then the order.
        await tx.execute('select id from checkout where id = ? for update', [row.checkout_id]);
        const order = await tx.findOneOrFail(OrderEntity, { id }, { refresh: true });
        if (order.kind !== 'GOODS') {
          throw fail(
            'NOT_SHIPPABLE',
            `Order ${order.number} is a consulting service: it is delivered with its report, not shipped.`,
          );
        }
        if (order.status !== 'AWAITING_SHIPMENT') {
          throw fail(
            'NOT_SHIPPABLE',
            `Only a paid order awaiting shipment can be shipped (order ${order.number} is ${order.status}).`,
          );
        }
        const request = await tx.count(OrderCancellationRequestEntity, { order, status: 'PENDING' });
        const refund = await tx.count(PaymentRefundEntity, { order, status: 'PENDING' });
        if (request > 0 || refund > 0) {
          throw fail(
            'CANCELLATION_PENDING',
            `The shopper asked to cancel order ${order.number}: approve or decline the request before shipping.`,
          );
        }
        const result = await applyOrderEvent(
          tx,
          this.config,
          id,
          'SHIP',
          { kind: 'MERCHANT', userId: viewer.userId },
          null,
        );
        if (!result.ok) {
          throw fail('NOT_SHIPPABLE', `Order ${order.number} cannot be shipped now (${result.error.from}).`);
        }
        const done = result.value;
        done.shippingCarrier = shipment.carrier;
        done.trackingNumber = shipment.trackingNumber;
        await tx.flush();
        shipped.set(index, done);
      }

      for (const order of shipped.values()) {
        const shopper = await tx.findOneOrFail(UserEntity, { id: order.user.id });
        const merchant = await tx.findOneOrFail(MerchantEntity, { id: order.merchant.id });
        const lines = await tx.find(OrderLineEntity, { order }, { orderBy: { id: 'asc' } });
        await sendOrderShipped(tx, this.config, recipientOf(shopper), { order, merchant, lines });
      }
      await tx.flush();
      // In the order they were given.
      return { orders: [...shipped.entries()].sort((a, b) => a[0] - b[0]).map(([, o]) => o), userErrors: [] };
    });
  }
}
