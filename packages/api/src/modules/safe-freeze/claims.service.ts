import type { EntityManager } from '@mikro-orm/postgresql';
import { type CurrencyCode, formatMoney, money, parseDecimal } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { enqueue } from '../../jobs/job-queue.js';
import { requireRole } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import { OrderEntity } from '../orders/order.entity.js';
import { PaymentEntity, PaymentRefundEntity } from '../payments/payment.entity.js';
import { EXECUTE_REFUND } from '../payments/payment-settlement.js';
import { newReference } from '../payments/references.js';
import { frozenSlices, takeFromFrozen } from './safe-freeze-funds.js';
import {
  type ClaimOutcome,
  ClaimCompensationEntity,
  ClaimEntity,
  ClaimOrderEntity,
  type ClaimStatus,
  ClaimUserEntity,
  type SafeFreezeEntity,
} from './safe-freeze.entity.js';
import {
  applySafeFreeze,
  executeRefundsNow,
  lockMerchant,
  lockOpenCheckouts,
  notifyStore,
} from './safe-freeze.service.js';

export type ClaimErrorCode =
  | 'MERCHANT_NOT_FOUND'
  | 'MERCHANT_DELETED'
  | 'INVALID_TITLE'
  | 'INVALID_DESCRIPTION'
  | 'INVALID_EVIDENCE'
  | 'INVALID_ATTACHMENT'
  | 'ORDER_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'CLAIM_NOT_FOUND'
  | 'ALREADY_DECIDED'
  | 'INVALID_NOTE'
  | 'COMPENSATION_REQUIRED'
  | 'COMPENSATION_NOT_ALLOWED'
  | 'ORDER_NOT_IN_CLAIM'
  | 'INVALID_AMOUNT'
  | 'AMOUNT_EXCEEDS_ORDER'
  | 'INSUFFICIENT_FROZEN_FUNDS';

export interface ClaimErr {
  code: ClaimErrorCode;
  message: string;
  field: string[] | null;
}

export interface FileClaimInput {
  merchantId: string;
  title: string;
  description: string;
  evidence?: string | null;
  attachments?: string[] | null;
  orderIds?: string[] | null;
  affectedUserIds?: string[] | null;
}

export interface DecideClaimInput {
  claimId: string;
  outcome: ClaimOutcome;
  compensations?: { orderId: string; amount: string }[] | null;
  note: string;
}

export interface ClaimResult {
  claim: ClaimEntity | null;
  /** The safe freeze filing the claim started (null when the store was already frozen). */
  freeze: SafeFreezeEntity | null;
  refunds: PaymentRefundEntity[];
  userErrors: ClaimErr[];
}

export interface StaffClaimsFilter {
  status?: ClaimStatus | null;
  merchantId?: string | null;
}

const LIMITS = {
  title: 200,
  description: 5000,
  evidence: 10000,
  note: 2000,
  attachments: 10,
  orders: 50,
  users: 50,
};

const err = (code: ClaimErrorCode, message: string, field: string | null = null): ClaimErr =>
  userError(code, message, field ? ['input', field] : null);
const refuse = (e: ClaimErr): never => {
  throw new Refusal<ClaimResult>({ claim: null, freeze: null, refunds: [], userErrors: [e] });
};
const chars = (s: string) => [...s].length;

/**
 * Claims: platform admins file them for users harmed by a store's serious violation (the store is
 * safe-frozen by the filing if it is not yet, and stays frozen while any claim is open) and decide
 * them; a COMPENSATED decision refunds the affected orders' shoppers through the payment gateway,
 * paid out of the store's frozen funds. Customer service reads them.
 */
export class ClaimsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  async file(input: FileClaimInput): Promise<ClaimResult> {
    const admin = requireRole(this.viewer, 'ADMIN');
    const none = (e: ClaimErr): ClaimResult => ({ claim: null, freeze: null, refunds: [], userErrors: [e] });
    const merchantId = fromGlobalId(input.merchantId, 'Merchant');
    if (merchantId === null)
      return none(err('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId'));
    const title = input.title?.trim() ?? '';
    if (title === '' || chars(title) > LIMITS.title)
      return none(err('INVALID_TITLE', `Give a title of 1–${LIMITS.title} characters.`, 'title'));
    const description = input.description?.trim() ?? '';
    if (description === '' || chars(description) > LIMITS.description)
      return none(
        err(
          'INVALID_DESCRIPTION',
          `Describe the claim in 1–${LIMITS.description} characters.`,
          'description',
        ),
      );
    const evidence = input.evidence?.trim() ?? '';
    if (chars(evidence) > LIMITS.evidence)
      return none(
        err('INVALID_EVIDENCE', `The evidence may have at most ${LIMITS.evidence} characters.`, 'evidence'),
      );
    const attachments = (input.attachments ?? []).map((a) => a.trim()).filter((a) => a !== '');
    if (
      attachments.length > LIMITS.attachments ||
      attachments.some((a) => a.length > 500 || !/^https?:\/\/\S+$/i.test(a))
    )
      return none(
        err(
          'INVALID_ATTACHMENT',
          `Attach at most ${LIMITS.attachments} links (http or https, at most 500 characters each).`,
          'attachments',
        ),
      );
    const orderIds = [...new Set(input.orderIds ?? [])];
    const userIds = [...new Set(input.affectedUserIds ?? [])];
    if (orderIds.length > LIMITS.orders)
      return none(err('ORDER_NOT_FOUND', `A claim may list at most ${LIMITS.orders} orders.`, 'orderIds'));
    if (userIds.length > LIMITS.users)
      return none(
        err('USER_NOT_FOUND', `A claim may list at most ${LIMITS.users} users.`, 'affectedUserIds'),
      );
    const orderDbIds = orderIds.map((g) => fromGlobalId(g, 'Order'));
    const userDbIds = userIds.map((g) => fromGlobalId(g, 'User'));

    const done = await inTransaction<ClaimResult>(this.em, async (tx) => {
      await lockOpenCheckouts(tx, merchantId);
      const merchant = await lockMerchant(tx, merchantId);
      if (!merchant)
        return refuse(err('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId'));
      if (merchant.status === 'DELETED')
        return refuse(err('MERCHANT_DELETED', 'This store’s account has been deleted.', 'merchantId'));
      const orders = await this.ordersOf(tx, merchant, orderDbIds);
      const users = await tx.find(UserEntity, {
        id: { $in: userDbIds.filter((i): i is number => i !== null) },
      });
      if (userDbIds.some((i) => i === null) || users.length !== userDbIds.length)
        return refuse(err('USER_NOT_FOUND', 'A listed user does not exist.', 'affectedUserIds'));
      // The shoppers of the listed orders are affected users too.
      const affected = new Set([...users.map((u) => u.id), ...orders.map((o) => o.user.id)]);

      let freeze: SafeFreezeEntity | null = null;
      let refunds: PaymentRefundEntity[] = [];
      if (merchant.status !== 'SAFE_FROZEN') {
        const applied = await applySafeFreeze(
          tx,
          this.config,
          merchant,
          admin.userId,
          `Claim filed: ${title}`,
        );
        freeze = applied.freeze;
        refunds = applied.refunds;
      }
      const claim = tx.create(ClaimEntity, {
        merchant,
        title,
        description,
        evidence,
        attachments,
        filedBy: admin.userId,
      });
      await tx.flush();
      for (const order of orders) tx.create(ClaimOrderEntity, { claim, order });
      for (const user of [...affected].sort((a, b) => a - b)) tx.create(ClaimUserEntity, { claim, user });
      await tx.flush();
      await recordAudit(tx, {
        actorUserId: admin.userId,
        action: 'claim.file',
        subjectType: 'CLAIM',
        subjectId: claim.id,
        before: null,
        after: {
          merchantId: merchant.id,
          title,
          orderIds: orders.map((o) => o.id),
          affectedUserIds: [...affected],
          attachments,
          safeFreezeId: freeze?.id ?? null,
        },
        reason: description,
      });
      await notifyStore(tx, this.config, { kind: 'claim-filed', merchant, reason: title });
      return { claim, freeze, refunds, userErrors: [] };
    });
    if (done.userErrors.length > 0) return done;
    return { ...done, refunds: await executeRefundsNow(this.em, this.config, done.refunds) };
  }

  private async ordersOf(
    tx: EntityManager,
    merchant: MerchantEntity,
    ids: (number | null)[],
  ): Promise<OrderEntity[]> {
    if (ids.some((i) => i === null))
      return refuse(err('ORDER_NOT_FOUND', 'A listed order does not exist.', 'orderIds'));
    const orders = await tx.find(OrderEntity, { id: { $in: ids as number[] } }, { orderBy: { id: 'asc' } });
    if (orders.length !== ids.length || orders.some((o) => o.merchant.id !== merchant.id))
      return refuse(
        err('ORDER_NOT_FOUND', 'A listed order does not exist or is not of this store.', 'orderIds'),
      );
    return orders;
  }

  async decide(input: DecideClaimInput): Promise<ClaimResult> {
    const admin = requireRole(this.viewer, 'ADMIN');
    const none = (e: ClaimErr): ClaimResult => ({ claim: null, freeze: null, refunds: [], userErrors: [e] });
    const claimId = fromGlobalId(input.claimId, 'Claim');
    if (claimId === null) return none(err('CLAIM_NOT_FOUND', 'There is no claim with this ID.', 'claimId'));
    const note = input.note?.trim() ?? '';
    if (note === '' || chars(note) > LIMITS.note)
      return none(err('INVALID_NOTE', `Explain the decision in 1–${LIMITS.note} characters.`, 'note'));
    const compensations = input.compensations ?? [];
    if (input.outcome === 'COMPENSATED' && compensations.length === 0)
      return none(
        err('COMPENSATION_REQUIRED', 'A compensated claim pays at least one order.', 'compensations'),
      );
    if (input.outcome !== 'COMPENSATED' && compensations.length > 0)
      return none(
        err('COMPENSATION_NOT_ALLOWED', 'Only a COMPENSATED decision pays compensations.', 'compensations'),
      );
    const currency = this.config.currency as CurrencyCode;
    const parsed: { orderId: number; minor: number }[] = [];
    for (const c of compensations) {
      const orderId = fromGlobalId(c.orderId, 'Order');
      if (orderId === null)
        return none(
          err('ORDER_NOT_IN_CLAIM', 'A compensated order is not part of this claim.', 'compensations'),
        );
      const amount = parseDecimal(c.amount ?? '', currency);
      if (!amount.ok || amount.value.minor <= 0)
        return none(
          err(
            'INVALID_AMOUNT',
            'Each compensation is an amount greater than zero, e.g. 12.50.',
            'compensations',
          ),
        );
      const same = parsed.find((p) => p.orderId === orderId);
      if (same) same.minor += amount.value.minor;
      else parsed.push({ orderId, minor: amount.value.minor });
    }

    const done = await inTransaction<ClaimResult>(this.em, async (tx) => {
      const [row] = await tx.execute<{ merchant_id: number }[]>(
        'select merchant_id from claim where id = ?',
        [claimId],
      );
      if (!row) return refuse(err('CLAIM_NOT_FOUND', 'There is no claim with this ID.', 'claimId'));
      // The claim's checkouts first (as freezes, payments and shipments), then the store, then the claim.
      await tx.execute(
        `select id from checkout where id in (
           select o.checkout_id from claim_order c join customer_order o on o.id = c.order_id where c.claim_id = ?)
         order by id for update`,
        [claimId],
      );
      const merchant = (await lockMerchant(tx, row.merchant_id))!;
      await tx.execute('select id from claim where id = ? for update', [claimId]);
      const claim = await tx.findOneOrFail(ClaimEntity, { id: claimId }, { refresh: true });
      if (claim.status !== 'OPEN')
        return refuse(err('ALREADY_DECIDED', 'This claim has already been decided.', 'claimId'));
      const inClaim = new Set((await tx.find(ClaimOrderEntity, { claim })).map((c) => c.order.id));
      const slices = await frozenSlices(tx, merchant.id, currency);
      const frozen = slices.reduce((s, x) => s + x.minor, 0);
      const total = parsed.reduce((s, p) => s + p.minor, 0);
      if (total > frozen)
        return refuse(
          err(
            'INSUFFICIENT_FROZEN_FUNDS',
            `The compensations (${formatMoney(money(total, currency), 'en')}) exceed the store’s frozen funds (${formatMoney(money(frozen, currency), 'en')}).`,
            'compensations',
          ),
        );
      const refunds: PaymentRefundEntity[] = [];
      for (const p of parsed) {
        if (!inClaim.has(p.orderId))
          return refuse(
            err('ORDER_NOT_IN_CLAIM', 'A compensated order is not part of this claim.', 'compensations'),
          );
        const order = await tx.findOneOrFail(OrderEntity, { id: p.orderId });
        const payment = await tx.findOne(
          PaymentEntity,
          { checkout: order.checkout.id, status: { $in: ['SUCCEEDED', 'PARTIALLY_REFUNDED'] } },
          { refresh: true },
        );
        const left = payment ? await refundableOf(tx, order, payment) : 0;
        if (p.minor > left)
          return refuse(
            err(
              'AMOUNT_EXCEEDS_ORDER',
              `Order ${order.number} can be compensated at most ${formatMoney(money(left, currency), 'en')} (what its shopper paid and has not been refunded).`,
              'compensations',
            ),
          );
        const reason = `Claim ${claim.id} compensation for order ${order.number}`;
        const refund = tx.create(PaymentRefundEntity, {
          reference: newReference('RF'),
          payment: payment!,
          order: null,
          amountMinor: p.minor,
          currency,
          status: 'PENDING',
          requestedBy: admin.userId,
          reason,
        });
        await tx.flush();
        tx.create(ClaimCompensationEntity, { claim, order, refund, amountMinor: p.minor, currency });
        await takeFromFrozen(tx, merchant, order, p.minor, currency, reason);
        await enqueue(
          tx,
          EXECUTE_REFUND,
          { refundId: refund.id },
          { jobKey: `${EXECUTE_REFUND}:${refund.id}` },
        );
        refunds.push(refund);
      }
      const before = { status: claim.status, outcome: claim.outcome };
      claim.status = 'CLOSED';
      claim.outcome = input.outcome;
      claim.decisionNote = note;
      claim.decidedAt = new Date();
      claim.decidedBy = tx.getReference(UserEntity, admin.userId);
      await tx.flush();
      await recordAudit(tx, {
        actorUserId: admin.userId,
        action: 'claim.decide',
        subjectType: 'CLAIM',
        subjectId: claim.id,
        before,
        after: {
          status: 'CLOSED',
          outcome: input.outcome,
          compensations: parsed,
          refundIds: refunds.map((r) => r.id),
          compensatedMinor: total,
        },
        reason: note,
      });
      await notifyStore(tx, this.config, {
        kind: 'claim-decided',
        merchant,
        reason: `${input.outcome} — ${note}`,
        amountMinor: total,
        currency,
      });
      return { claim, freeze: null, refunds, userErrors: [] };
    });
    if (done.userErrors.length > 0) return done;
    return { ...done, refunds: await executeRefundsNow(this.em, this.config, done.refunds) };
  }

  private reader(): Viewer {
    return requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
  }

  async list(args: {
    first: number;
    after?: string | null;
    filter?: StaffClaimsFilter | null;
  }): Promise<ConnectionShape<ClaimEntity>> {
    this.reader();
    const first = Math.min(Math.max(args.first, 0), 100);
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = args.filter ?? {};
    if (filter.status) {
      if (filter.status !== 'OPEN' && filter.status !== 'CLOSED')
        throw new PublicError('BAD_USER_INPUT', 'Unknown claim status.');
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.merchantId) {
      const id = fromGlobalId(filter.merchantId, 'Merchant');
      if (id === null) throw new PublicError('BAD_USER_INPUT', 'Unknown store.');
      where.push('merchant_id = ?');
      params.push(id);
    }
    const countWhere = [...where];
    const countParams = [...params];
    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      if (key?.length !== 1 || typeof key[0] !== 'number')
        throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
      where.push('id < ?');
      params.push(key[0]);
    }
    params.push(first + 1);
    const rows = await this.em.execute<{ id: number }[]>(
      `select id from claim ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ?`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const found = ids.length
      ? await this.em.find(ClaimEntity, { id: { $in: ids } }, { populate: ['merchant'] })
      : [];
    const byId = new Map(found.map((c) => [c.id, c]));
    return toConnection(
      ids.map((id) => byId.get(id)!),
      first,
      {
        hasPrevious: key !== null,
        cursorOf: (c) => encodeCursor([c.id]),
        map: (c) => c,
        count: async () => {
          const [c] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from claim ${countWhere.length ? `where ${countWhere.join(' and ')}` : ''}`,
            countParams,
          );
          return c?.n ?? 0;
        },
      },
    );
  }

  async find(globalId: string): Promise<ClaimEntity | null> {
    this.reader();
    const id = fromGlobalId(globalId, 'Claim');
    if (id === null) return null;
    return this.em.findOne(ClaimEntity, { id }, { populate: ['merchant', 'filedBy', 'decidedBy'] });
  }

  ordersOfClaim(claim: ClaimEntity): Promise<OrderEntity[]> {
    return this.em
      .find(ClaimOrderEntity, { claim }, { populate: ['order'], orderBy: { order: 'asc' } })
      .then((rows) => rows.map((r) => r.order));
  }

  usersOfClaim(claim: ClaimEntity): Promise<UserEntity[]> {
    return this.em
      .find(ClaimUserEntity, { claim }, { populate: ['user'], orderBy: { user: 'asc' } })
      .then((rows) => rows.map((r) => r.user));
  }

  compensationsOf(claim: ClaimEntity): Promise<ClaimCompensationEntity[]> {
    return this.em.find(
      ClaimCompensationEntity,
      { claim },
      { populate: ['order', 'refund'], orderBy: { id: 'asc' } },
    );
  }
}

/** What is left to give back for an order: its total less its refunds and earlier compensations, within the payment's capture. */
async function refundableOf(tx: EntityManager, order: OrderEntity, payment: PaymentEntity): Promise<number> {
  const [r] = await tx.execute<{ order_refunds: number; compensated: number; payment_refunds: number }[]>(
    `select
       (select coalesce(sum(amount_minor), 0)::int from payment_refund where order_id = ? and status in ('PENDING', 'SUCCEEDED')) as order_refunds,
       (select coalesce(sum(c.amount_minor), 0)::int from claim_compensation c join payment_refund r on r.id = c.refund_id
          where c.order_id = ? and r.status in ('PENDING', 'SUCCEEDED')) as compensated,
       (select coalesce(sum(amount_minor), 0)::int from payment_refund where payment_id = ? and status in ('PENDING', 'SUCCEEDED')) as payment_refunds`,
    [order.id, order.id, payment.id],
  );
  const ofOrder = order.totalMinor - (r?.order_refunds ?? 0) - (r?.compensated ?? 0);
  const ofPayment = payment.amountMinor - (r?.payment_refunds ?? 0);
  return Math.max(0, Math.min(ofOrder, ofPayment));
}
