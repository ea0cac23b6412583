import type { EntityManager } from '@mikro-orm/postgresql';
import { checkRefund, transition } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { OrderCancellationRequestEntity, OrderEntity } from '../orders/order.entity.js';
import { paymentGateways } from './gateway/gateways.js';
import { lockCheckout } from './payment-engine.js';
import { PaymentEntity, PaymentRefundEntity } from './payment.entity.js';
import { sendCancellationDeclined } from './payment-emails.js';
import { recipientOf } from './payment-settlement.js';
import { executeRefund, type RefundProblemCode } from './refund-engine.js';
import { newReference } from './references.js';

export type RefundErrorCode =
  | RefundProblemCode
  | 'ORDER_NOT_FOUND'
  | 'NO_CANCELLATION_REQUEST'
  | 'REQUEST_ALREADY_DECIDED'
  | 'NOT_PAID'
  | 'REFUND_EXCEEDS_CAPTURE'
  | 'INVALID_REASON'
  | 'ACCOUNT_RESTRICTED';

export interface RefundResult {
  order: OrderEntity | null;
  refund: PaymentRefundEntity | null;
  userErrors: { code: RefundErrorCode; message: string; field: string[] | null }[];
}

const fail = (code: RefundErrorCode, message: string, field: string[] | null = null): RefundResult => ({
  order: null,
  refund: null,
  userErrors: [userError(code, message, field)],
});

const notFound = () =>
  fail('ORDER_NOT_FOUND', 'There is no order with this ID that you can manage.', ['input', 'orderId']);

/**
 * Cancelling a paid, unshipped order with a full refund ("transaction failed"): customer service
 * and admins on any order, a merchant's staff on the orders of their store that the shopper asked
 * to cancel. The order fails only once the gateway has confirmed the refund.
 */
export class RefundsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  private manager(): Viewer {
    return requireRole(this.viewer, 'CUSTOMER_SERVICE', 'ADMIN', 'MERCHANT_STAFF');
  }

  /** The order, locked with its checkout, if the viewer may manage it. */
  private async lockManagedOrder(tx: EntityManager, viewer: Viewer, id: number): Promise<OrderEntity> {
    const [row] = await tx.execute<{ checkout_id: number; merchant_id: number }[]>(
      'select checkout_id, merchant_id from customer_order where id = ?',
      [id],
    );
    if (!row || (viewer.role === 'MERCHANT_STAFF' && row.merchant_id !== viewer.merchantId)) {
      throw new Refusal(notFound());
    }
    await lockCheckout(tx, row.checkout_id);
    return tx.findOneOrFail(OrderEntity, { id }, { refresh: true });
  }

  async approveCancellation(input: { orderId: string }): Promise<RefundResult> {
    const viewer = this.manager();
    const id = fromGlobalId(input.orderId, 'Order');
    if (id === null) return notFound();
    const prepared = await inTransaction<RefundResult | { refundId: number }>(this.em, async (tx) => {
      const order = await this.lockManagedOrder(tx, viewer, id);
      const request = await tx.findOne(OrderCancellationRequestEntity, { order }, { refresh: true });
      if (viewer.role === 'MERCHANT_STAFF' && !request) {
        throw new Refusal(
          fail('NO_CANCELLATION_REQUEST', 'The shopper has not asked to cancel this order.', [
            'input',
            'orderId',
          ]),
        );
      }
      if (viewer.role === 'MERCHANT_STAFF' && request?.status !== 'PENDING') {
        throw new Refusal(
          fail('REQUEST_ALREADY_DECIDED', 'This cancellation request has already been decided.'),
        );
      }
      // A refund already under way (e.g. the gateway did not answer): carry on with that one.
      const pending = await tx.findOne(PaymentRefundEntity, { order, status: 'PENDING' });
      if (pending) return { refundId: pending.id };
      if (!transition(order, 'FAIL_WITH_REFUND').ok) {
        throw new Refusal(
          fail(
            'INVALID_TRANSITION',
            `Only a paid order that has not shipped can be cancelled with a refund (this one is ${order.status}).`,
          ),
        );
      }
      const payment = await tx.findOne(
        PaymentEntity,
        { checkout: order.checkout.id, status: { $in: ['SUCCEEDED', 'PARTIALLY_REFUNDED'] } },
        { refresh: true },
      );
      if (!payment) throw new Refusal(fail('NOT_PAID', 'No captured payment covers this order.'));
      const [sum] = await tx.execute<{ total: number }[]>(
        `select coalesce(sum(amount_minor), 0)::int as total from payment_refund
         where payment_id = ? and status in ('PENDING', 'SUCCEEDED')`,
        [payment.id],
      );
      const check = checkRefund({
        status: payment.status,
        captured: payment.amountMinor,
        refunded: sum?.total ?? 0,
        amount: order.totalMinor,
      });
      if (!check.ok) {
        const message =
          check.error.code === 'EXCEEDS_CAPTURE'
            ? `A refund of this order would exceed what is left of the payment (${check.error.refundable} minor units).`
            : 'This payment cannot be refunded.';
        throw new Refusal(fail('REFUND_EXCEEDS_CAPTURE', message));
      }
      const refund = tx.create(PaymentRefundEntity, {
        reference: newReference('RF'),
        payment,
        order,
        amountMinor: order.totalMinor,
        currency: order.currency,
        status: 'PENDING',
        requestedBy: viewer.userId,
        reason: request?.reason ?? 'cancelled by customer service',
      });
      await tx.flush();
      return { refundId: refund.id };
    });
    if (!('refundId' in prepared)) return prepared;

    const gateways = paymentGateways(this.config.payments);
    const step = await this.em.transactional((tx) =>
      executeRefund(tx, this.config, gateways, prepared.refundId),
    );
    const order = await this.em.findOneOrFail(OrderEntity, { id }, { refresh: true });
    return {
      order,
      refund: step.refund,
      userErrors: step.problem ? [userError(step.problem.code, step.problem.message)] : [],
    };
  }

  async declineCancellation(input: { orderId: string; reason: string }): Promise<RefundResult> {
    const viewer = this.manager();
    const id = fromGlobalId(input.orderId, 'Order');
    if (id === null) return notFound();
    const reason = (input.reason ?? '').trim();
    if (reason.length === 0 || reason.length > 500) {
      return fail('INVALID_REASON', 'Give the shopper a reason of 1–500 characters.', ['input', 'reason']);
    }
    return inTransaction(this.em, async (tx) => {
      const order = await this.lockManagedOrder(tx, viewer, id);
      const request = await tx.findOne(OrderCancellationRequestEntity, { order }, { refresh: true });
      if (!request) {
        throw new Refusal(
          fail('NO_CANCELLATION_REQUEST', 'The shopper has not asked to cancel this order.', [
            'input',
            'orderId',
          ]),
        );
      }
      const pending = await tx.count(PaymentRefundEntity, { order, status: 'PENDING' });
      if (request.status !== 'PENDING' || pending > 0) {
        throw new Refusal(
          fail('REQUEST_ALREADY_DECIDED', 'This cancellation request has already been decided.'),
        );
      }
      request.status = 'REJECTED';
      request.decidedAt = new Date();
      request.decidedBy = tx.getReference(UserEntity, viewer.userId);
      request.decisionReason = reason;
      const shopper = await tx.findOneOrFail(UserEntity, { id: order.user.id });
      await sendCancellationDeclined(tx, this.config, recipientOf(shopper), {
        orderNumber: order.number,
        reason,
      });
      await tx.flush();
      return { order, refund: null, userErrors: [] };
    });
  }
}
