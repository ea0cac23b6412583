import type { EntityManager } from '@mikro-orm/postgresql';
import { isOrderNumber, transition } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { requireRole, requireViewer } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { OrderEntity } from '../orders/order.entity.js';
import { applyOrderEvent } from '../orders/order-transitions.js';
import { lockCheckout } from '../payments/payment-engine.js';
import { recipientOf } from '../payments/payment-settlement.js';
import { sendReportDelivered } from './consulting-emails.js';
import { ConsultationReportEntity, OrderKeyEntity, OrderKeyFailureEntity } from './consulting.entity.js';
import { ORDER_KEY_PATTERN, orderKeyMatches } from './order-keys.js';

/** Wrong keys allowed per client address and per order number in the window, then THROTTLED. */
export const KEY_FAILURE_LIMIT = 10;
export const KEY_FAILURE_WINDOW_MINUTES = 15;
// Namespaces of the order-key advisory locks (the sign-in throttle uses 7301/7302).
const KEY_CLIENT_LOCK = 7_311;
const KEY_ORDER_LOCK = 7_312;

export type DeliverReportErrorCode =
  | 'ORDER_NOT_FOUND'
  | 'NOT_A_SERVICE_ORDER'
  | 'INVALID_TRANSITION'
  | 'ALREADY_DELIVERED'
  | 'INVALID_TITLE'
  | 'INVALID_BODY'
  | 'ACCOUNT_RESTRICTED';

export interface DeliverReportResult {
  order: OrderEntity | null;
  report: ConsultationReportEntity | null;
  userErrors: { code: DeliverReportErrorCode; message: string; field: string[] | null }[];
}

export type ReportAccessStatus = 'AVAILABLE' | 'NOT_DELIVERED' | 'INVALID_KEY';

export interface ReportAccess {
  status: ReportAccessStatus;
  order: OrderEntity | null;
  report: ConsultationReportEntity | null;
}

const fail = (
  code: DeliverReportErrorCode,
  message: string,
  field: string[] | null = null,
): DeliverReportResult => ({
  order: null,
  report: null,
  userErrors: [userError(code, message, field)],
});

/** Consultation reports: delivered by the merchant's staff, opened with the order key (no sign-in). */
export class ConsultingService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  async deliverReport(input: { orderId: string; title: string; body: string }): Promise<DeliverReportResult> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF');
    const id = fromGlobalId(input.orderId, 'Order');
    const notFound = () =>
      fail('ORDER_NOT_FOUND', 'Your store has no order with this ID.', ['input', 'orderId']);
    if (id === null) return notFound();
    const title = (input.title ?? '').trim();
    const body = (input.body ?? '').trim();
    if (title.length === 0 || title.length > 200) {
      return fail('INVALID_TITLE', 'Give the report a title of 1–200 characters.', ['input', 'title']);
    }
    if (body.length === 0 || body.length > 100_000) {
      return fail('INVALID_BODY', 'Write the report (at most 100,000 characters).', ['input', 'body']);
    }
    return inTransaction(this.em, async (tx) => {
      const scoped = await tx.findOne(OrderEntity, { id, merchant: viewer.merchantId ?? -1 });
      if (!scoped) throw new Refusal(notFound());
      await lockCheckout(tx, scoped.checkout.id);
      const order = await tx.findOneOrFail(OrderEntity, { id }, { refresh: true });
      if (order.kind !== 'SERVICE') {
        throw new Refusal(
          fail('NOT_A_SERVICE_ORDER', 'Reports are delivered for consulting service orders only.'),
        );
      }
      if (await tx.count(ConsultationReportEntity, { order })) {
        throw new Refusal(fail('ALREADY_DELIVERED', 'The report of this order has already been delivered.'));
      }
      if (!transition(order, 'DELIVER_REPORT').ok) {
        throw new Refusal(
          fail(
            'INVALID_TRANSITION',
            `A report can be delivered for a paid order being prepared (this one is ${order.status}).`,
          ),
        );
      }
      const report = tx.create(ConsultationReportEntity, { order, title, body, deliveredBy: viewer.userId });
      await tx.flush();
      const moved = await applyOrderEvent(
        tx,
        this.config,
        order.id,
        'DELIVER_REPORT',
        { kind: 'MERCHANT', userId: viewer.userId },
        'consultation report delivered',
      );
      if (!moved.ok) throw new Refusal(fail('INVALID_TRANSITION', 'The order can no longer be completed.'));
      const shopper = await tx.findOneOrFail(UserEntity, { id: order.user.id });
      await sendReportDelivered(tx, this.config, recipientOf(shopper), { orderNumber: order.number, title });
      return { order: moved.value, report, userErrors: [] };
    });
  }

  /**
   * The report for whoever holds the order key. A wrong key and an unknown order number get the
   * same answer; wrong keys are counted per address and per order number, and past the limit
   * every attempt is THROTTLED (right keys too, so the limit cannot be probed).
   */
  async openWithKey(orderNumber: string, key: string, ip: string): Promise<ReportAccess> {
    const number = (orderNumber ?? '').trim().toUpperCase().slice(0, 40);
    const client = (ip || 'unknown').slice(0, 64);
    return this.em.transactional(async (tx) => {
      // Attempts are serialised per client address, then per order number (always in that order, so two
      // never deadlock): counting, checking and recording a failure are one step, and a parallel burst
      // cannot get more keys checked than the limit.
      await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [KEY_CLIENT_LOCK, client]);
      await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [KEY_ORDER_LOCK, number]);
      const since = new Date(Date.now() - KEY_FAILURE_WINDOW_MINUTES * 60_000);
      const [counts] = await tx.execute<{ by_ip: number; by_order: number }[]>(
        `select count(*) filter (where ip = ?)::int as by_ip, count(*) filter (where order_number = ?)::int as by_order
         from order_key_failure where created_at > ? and (ip = ? or order_number = ?)`,
        [client, number, since, client, number],
      );
      if ((counts?.by_ip ?? 0) >= KEY_FAILURE_LIMIT || (counts?.by_order ?? 0) >= KEY_FAILURE_LIMIT) {
        throw new PublicError(
          'THROTTLED',
          `Too many wrong order keys. Try again in ${KEY_FAILURE_WINDOW_MINUTES} minutes.`,
        );
      }
      const invalid = async (): Promise<ReportAccess> => {
        await tx.insert(OrderKeyFailureEntity, { ip: client, orderNumber: number || '-' });
        return { status: 'INVALID_KEY', order: null, report: null };
      };
      const presented = (key ?? '').trim();
      if (!isOrderNumber(number) || !ORDER_KEY_PATTERN.test(presented)) return invalid();
      const order = await tx.findOne(OrderEntity, { number });
      const stored = order ? await tx.findOne(OrderKeyEntity, { order }) : null;
      // Hash and compare even without a stored key, so both paths take the same time.
      const matches = orderKeyMatches(presented, stored?.keyHash ?? '0'.repeat(64));
      if (!order || !stored || !matches) return invalid();
      const report = await tx.findOne(ConsultationReportEntity, { order });
      return report
        ? { status: 'AVAILABLE', order, report }
        : { status: 'NOT_DELIVERED', order, report: null };
    });
  }

  /** The report of one of the viewer's own orders (My Orders), or of an order of the viewer's store. */
  async reportOfOrder(order: OrderEntity): Promise<ConsultationReportEntity | null> {
    const viewer = requireViewer(this.viewer);
    const own = order.user.id === viewer.userId;
    const store = viewer.role === 'MERCHANT_STAFF' && viewer.merchantId === order.merchant.id;
    const staff = viewer.role === 'CUSTOMER_SERVICE' || viewer.role === 'ADMIN';
    if (!own && !store && !staff) return null;
    return this.em.findOne(ConsultationReportEntity, { order: order.id });
  }
}
