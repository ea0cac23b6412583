import { type EntityManager, raw } from '@mikro-orm/postgresql';
import {
  type CurrencyCode,
  isPaymentCaptured,
  isPaymentInFlight,
  type Locale,
  maskCard,
  money,
  type PaymentStatus,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { PublicError } from '../../graphql/errors.js';
import { Money } from '../../graphql/money.type.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireViewer } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { CheckoutEntity } from '../checkout/checkout.entity.js';
import { OrderEntity } from '../orders/order.entity.js';
import { PaymentEntity } from './payment.entity.js';
import { paidWith } from './payment-emails.js';
import { PaymentVoucher, PaymentVoucherOrder } from './payments.types.js';

export type CheckoutPaymentState = 'PAID' | 'ACTION_REQUIRED' | 'PROCESSING' | 'UNPAID';

export interface PaymentConfirmationData {
  checkout: CheckoutEntity;
  payment: PaymentEntity | null;
  state: CheckoutPaymentState;
}

/** The shopper's payments: history, one payment, the confirmation page, the voucher. Owner only. */
export class PaymentHistoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  async findOwn(globalId: string): Promise<PaymentEntity | null> {
    if (!this.viewer) return null;
    const id = fromGlobalId(globalId, 'Payment');
    return id === null ? null : this.em.findOne(PaymentEntity, { id, user: this.viewer.userId });
  }

  /** Every attempt of the viewer, newest first (optionally of some statuses). */
  async listViewerPayments(args: {
    first: number;
    after?: string | null;
    statuses?: PaymentStatus[] | null;
  }): Promise<ConnectionShape<PaymentEntity>> {
    const viewer = requireViewer(this.viewer);
    const first = Math.min(Math.max(args.first, 0), 100);
    const filter: Record<string, unknown> = { user: viewer.userId };
    if (args.statuses?.length) filter.status = { $in: args.statuses };
    const where: Record<string, unknown> = { ...filter };
    const key = args.after ? decodeCursor(args.after) : null;
    const validKey = key?.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'number';
    if (args.after && !validKey) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
    if (key) {
      // A row comparison, not `a < ? or (a = ? and id < ?)`: PostgreSQL uses it as an index condition.
      where[
        raw<string>(
          (alias) => `(${alias}.created_at, ${alias}.id) < (?, ?)`,
          [new Date(key[0] as string), key[1]],
        )
      ] = [];
    }
    const rows = await this.em.find(PaymentEntity, where, {
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: first + 1,
    });
    return toConnection(rows, first, {
      hasPrevious: key !== null,
      cursorOf: (r) => encodeCursor([r.createdAt.toISOString(), r.id]),
      map: (r) => r,
      count: () => this.em.count(PaymentEntity, filter),
    });
  }

  /** For the confirmation page after paying: the checkout, its deciding attempt and where it stands. */
  async confirmation(checkoutGlobalId: string): Promise<PaymentConfirmationData | null> {
    const viewer = requireViewer(this.viewer);
    const id = fromGlobalId(checkoutGlobalId, 'Checkout');
    if (id === null) return null;
    const checkout = await this.em.findOne(CheckoutEntity, { id, user: viewer.userId });
    if (!checkout) return null;
    const payment = await this.paymentOfCheckout(checkout.id);
    const state: CheckoutPaymentState = !payment
      ? 'UNPAID'
      : isPaymentCaptured(payment.status)
        ? 'PAID'
        : payment.status === 'REQUIRES_ACTION'
          ? 'ACTION_REQUIRED'
          : payment.status === 'PENDING'
            ? 'PROCESSING'
            : 'UNPAID';
    return { checkout, payment, state };
  }

  /** The captured attempt if any, else the one in flight, else the latest. */
  async paymentOfCheckout(checkoutId: number): Promise<PaymentEntity | null> {
    const rows = await this.em.find(
      PaymentEntity,
      { checkout: checkoutId },
      { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
    );
    return (
      rows.find((p) => isPaymentCaptured(p.status)) ??
      rows.find((p) => isPaymentInFlight(p.status)) ??
      rows[0] ??
      null
    );
  }

  /** Receipt data of a captured payment of the viewer; null for anything else. */
  async voucher(payment: PaymentEntity, locale: Locale): Promise<PaymentVoucher | null> {
    if (this.viewer?.userId !== payment.user.id || !isPaymentCaptured(payment.status)) return null;
    const orders = await this.em.find(
      OrderEntity,
      { checkout: payment.checkout.id, paidAt: { $ne: null } },
      { orderBy: { id: 'asc' } },
    );
    const merchants = await this.em.find(MerchantEntity, { id: { $in: orders.map((o) => o.merchant.id) } });
    const user = await this.em.findOneOrFail(UserEntity, { id: payment.user.id });
    const m = (minor: number) => Money.from(money(minor, payment.currency as CurrencyCode));
    return Object.assign(new PaymentVoucher(), {
      paymentReference: payment.reference,
      gatewayReference: payment.gatewayPaymentId ?? '',
      paidAt: payment.succeededAt ?? payment.updatedAt,
      method: payment.method,
      paidWith: paidWith(payment, locale),
      maskedCard: payment.cardLast4 ? maskCard(payment.cardLast4) : null,
      payerEmail: payment.payerEmail,
      amount: m(payment.amountMinor),
      refundedAmount: m(payment.refundedMinor),
      status: payment.status,
      billedTo: user.displayName,
      orders: orders.map((o) => {
        const merchant = merchants.find((x) => x.id === o.merchant.id);
        return Object.assign(new PaymentVoucherOrder(), {
          number: o.number,
          merchantName: merchant ? (locale === 'zh-TW' ? merchant.nameZh : merchant.nameEn) : '',
          total: m(o.totalMinor),
        });
      }),
    });
  }

  settings() {
    return {
      methods: ['PAYPAL', 'UNIONPAY_CARD'] as ('PAYPAL' | 'UNIONPAY_CARD')[],
      currencyCode: this.config.currency,
      cardFieldUrl: `${this.config.payments.card.apiUrl}/card/field`,
      cardPublishableKey: this.config.payments.card.publishableKey,
    };
  }
}
