import { LockMode } from '@mikro-orm/core';
import { emitMerchantFrozen } from '../webhooks/webhook-events.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MerchantStatus } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { enqueue } from '../../jobs/job-queue.js';
import { requireRole } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { sendSystemMessage } from '../messages/messages.service.js';
import { hasActiveGeneralFreeze } from '../penalties/standing.js';
import { cancelReviewsOfAccount } from '../reviews/reviews.service.js';
import { OrderEntity } from '../orders/order.entity.js';
import { applyOrderEvent } from '../orders/order-transitions.js';
import { paymentGateways } from '../payments/gateway/gateways.js';
import { PaymentEntity, PaymentRefundEntity } from '../payments/payment.entity.js';
import { EXECUTE_REFUND, recipientOf } from '../payments/payment-settlement.js';
import { newReference } from '../payments/references.js';
import { executeRefund } from '../payments/refund-engine.js';
import { MerchantStatusChangeEntity } from '../platform-admin/merchant-status-change.entity.js';
import { freezeMerchantFunds, unfreezeMerchantFunds } from './safe-freeze-funds.js';
import { type StoreNotice, sendStoreNotice, storeNoticeText } from './safe-freeze-emails.js';
import { ClaimEntity, SafeFreezeEntity, type SafeFreezeEffectsRecord } from './safe-freeze.entity.js';

export type FreezeErrorCode =
  | 'MERCHANT_NOT_FOUND'
  | 'INVALID_REASON'
  | 'ALREADY_FROZEN'
  | 'NOT_FROZEN'
  | 'INVALID_STATUS'
  | 'OPEN_CLAIM'
  | 'FUNDS_NOT_SETTLED';

export interface FreezeErr {
  code: FreezeErrorCode;
  message: string;
  field: string[] | null;
}

export interface FreezeResult {
  merchant: MerchantEntity | null;
  freeze: SafeFreezeEntity | null;
  refunds: PaymentRefundEntity[];
  userErrors: FreezeErr[];
}

export interface UnfreezeResult {
  merchant: MerchantEntity | null;
  toPendingMinor: number;
  toAvailableMinor: number;
  userErrors: FreezeErr[];
}

export interface DeleteResult {
  merchant: MerchantEntity | null;
  revokedSessions: number;
  closedStaffAccounts: number;
  cancelledReviews: number;
  userErrors: FreezeErr[];
}

export const MAX_REASON = 500;

const fail = (code: FreezeErrorCode, message: string, field: string | null = null): FreezeErr =>
  userError(code, message, field ? ['input', field] : null);

export function checkReason(raw: string | null | undefined): string | FreezeErr {
  const reason = raw?.trim() ?? '';
  if (reason === '' || [...reason].length > MAX_REASON)
    return fail('INVALID_REASON', `Give a reason of 1–${MAX_REASON} characters.`, 'reason');
  return reason;
}

/**
 * Locks the checkouts of the store's open orders. Called BEFORE the merchant row: payments and
 * shipments lock their checkout first and then read the store's standing (`for share`), so a
 * freeze that took the store first and a checkout second could deadlock with them. This way a
 * payment or shipment in flight finishes before the freeze goes on, or waits for it.
 */
export async function lockOpenCheckouts(em: EntityManager, merchantId: number): Promise<void> {
  await em.execute(
    `select id from checkout where id in (
       select checkout_id from customer_order where merchant_id = ? and status in ('AWAITING_PAYMENT', 'AWAITING_SHIPMENT'))
     order by id for update`,
    [merchantId],
  );
}

/** The merchant, locked for update (the lock settlement takes), or null. */
export async function lockMerchant(em: EntityManager, id: number): Promise<MerchantEntity | null> {
  return em.findOne(MerchantEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

export async function openClaimCount(em: EntityManager, merchantId: number): Promise<number> {
  return em.count(ClaimEntity, { merchant: merchantId, status: 'OPEN' });
}

/** Statuses a safe freeze may start from (a deleted store is gone; a frozen one is already frozen). */
const FREEZABLE: readonly MerchantStatus[] = ['ACTIVE', 'GENERAL_FROZEN', 'DISABLED'];

/**
 * Every effect of a safe freeze, in the caller's transaction, on a merchant whose row the caller
 * locked: listings unpublished, activities cancelled, store coupons deactivated, unpaid orders
 * CLOSED and paid unshipped orders FAILED (core SAFE_FREEZE through `applyOrderEvent`, so their
 * refunds leave PENDING first) with a full refund recorded for each, then the remaining pending
 * money and the available balance moved to FROZEN. Returns the freeze record and the refunds to
 * send to the gateway once the transaction has committed.
 */
export async function applySafeFreeze(
  tx: EntityManager,
  config: Config,
  merchant: MerchantEntity,
  actorUserId: number,
  reason: string,
): Promise<{ freeze: SafeFreezeEntity; refunds: PaymentRefundEntity[] }> {
  const previousStatus = merchant.status;
  merchant.status = 'SAFE_FROZEN';
  await tx.flush();

  const products = await tx.execute<{ id: number }[]>(
    `update product set status = 'DRAFT', updated_at = now()
     where merchant_id = ? and status = 'PUBLISHED' returning id`,
    [merchant.id],
  );
  const activities = await tx.execute<{ id: number }[]>(
    `update activity set status = 'CANCELLED', cancelled_at = now(), updated_at = now()
     where merchant_id = ? and status = 'ACTIVE' and ends_at > now() returning id`,
    [merchant.id],
  );
  const coupons = await tx.execute<{ id: number }[]>(
    `update coupon set active = false where merchant_id = ? and active returning id`,
    [merchant.id],
  );

  // Orders: each locked and changed by applyOrderEvent; one paid meanwhile fails instead of closing,
  // one shipped meanwhile keeps its status and its money is frozen below.
  const open = await tx.execute<{ id: number }[]>(
    `select id from customer_order where merchant_id = ? and status in ('AWAITING_PAYMENT', 'AWAITING_SHIPMENT') order by id`,
    [merchant.id],
  );
  const actor = { kind: 'STAFF' as const, userId: actorUserId };
  const closedOrderIds: number[] = [];
  const failedOrderIds: number[] = [];
  const refunds: PaymentRefundEntity[] = [];
  for (const { id } of open) {
    const result = await applyOrderEvent(
      tx,
      config,
      id,
      'SAFE_FREEZE',
      actor,
      `Store safe-frozen: ${reason}`,
    );
    if (!result.ok) continue;
    const order = result.value;
    if (order.status === 'CLOSED') closedOrderIds.push(order.id);
    if (order.status === 'FAILED') {
      failedOrderIds.push(order.id);
      const refund = await refundFailedOrder(tx, order, actorUserId, reason);
      if (refund) refunds.push(refund);
    }
  }

  const currency = config.currency;
  const moved = await freezeMerchantFunds(tx, merchant, currency, `Safe freeze: ${reason}`);
  const effects: SafeFreezeEffectsRecord = {
    productIds: products.map((r) => r.id),
    activityIds: activities.map((r) => r.id),
    couponIds: coupons.map((r) => r.id),
    closedOrderIds,
    failedOrderIds,
    refundIds: refunds.map((r) => r.id),
    frozenFromPendingMinor: moved.fromPendingMinor,
    frozenFromAvailableMinor: moved.fromAvailableMinor,
    currency,
  };
  const freeze = tx.create(SafeFreezeEntity, {
    merchant,
    reason,
    previousStatus,
    frozenBy: actorUserId,
    effects,
  });
  tx.create(MerchantStatusChangeEntity, {
    merchant,
    fromStatus: previousStatus,
    toStatus: 'SAFE_FROZEN',
    reason,
    actor: actorUserId,
  });
  await tx.flush();
  await recordSanction(tx, 'SAFE_FREEZE', merchant.id, reason, actorUserId);
  await recordAudit(tx, {
    actorUserId,
    action: 'merchant.safe_freeze',
    subjectType: 'MERCHANT',
    subjectId: merchant.id,
    before: { status: previousStatus },
    after: { status: 'SAFE_FROZEN', safeFreezeId: freeze.id, ...effects },
    reason,
  });
  await emitMerchantFrozen(tx, merchant, reason, effects);
  await notifyStore(tx, config, {
    kind: 'frozen',
    merchant,
    reason,
    amountMinor: moved.fromPendingMinor + moved.fromAvailableMinor,
    currency,
  });
  return { freeze, refunds };
}

/**
 * Records the full refund of an order the freeze failed (or carries on with one already under way)
 * and schedules its execution as a job; the caller also executes it right after committing.
 */
async function refundFailedOrder(
  tx: EntityManager,
  order: OrderEntity,
  actorUserId: number,
  reason: string,
): Promise<PaymentRefundEntity | null> {
  const pending = await tx.findOne(PaymentRefundEntity, { order, status: 'PENDING' });
  if (pending) return pending;
  const payment = await tx.findOne(
    PaymentEntity,
    { checkout: order.checkout.id, status: { $in: ['SUCCEEDED', 'PARTIALLY_REFUNDED'] } },
    { refresh: true },
  );
  if (!payment) return null;
  const refund = tx.create(PaymentRefundEntity, {
    reference: newReference('RF'),
    payment,
    order,
    amountMinor: order.totalMinor,
    currency: order.currency,
    status: 'PENDING',
    requestedBy: actorUserId,
    reason: `Store safe-frozen: ${reason}`.slice(0, 1000),
  });
  await tx.flush();
  await enqueue(tx, EXECUTE_REFUND, { refundId: refund.id }, { jobKey: `${EXECUTE_REFUND}:${refund.id}` });
  return refund;
}

/** Sends recorded refunds to the gateway now (each in its own transaction; a job retries failures). */
export async function executeRefundsNow(
  em: EntityManager,
  config: Config,
  refunds: PaymentRefundEntity[],
): Promise<PaymentRefundEntity[]> {
  const gateways = paymentGateways(config.payments);
  for (const refund of refunds) {
    try {
      await em.fork().transactional((tx) => executeRefund(tx, config, gateways, refund.id));
    } catch {
      // The EXECUTE_REFUND job recorded with the refund retries it.
    }
  }
  if (refunds.length === 0) return [];
  return em
    .fork()
    .find(
      PaymentRefundEntity,
      { id: { $in: refunds.map((r) => r.id) } },
      { orderBy: { id: 'asc' }, populate: ['order'] },
    );
}

/** Every active staff member of the store gets the notice as an in-site message and an email. */
export async function notifyStore(tx: EntityManager, config: Config, notice: StoreNotice): Promise<void> {
  const text = storeNoticeText(notice);
  await sendSystemMessage(tx, {
    toMerchantId: notice.merchant.id,
    kind: 'PENALTY_NOTICE',
    subject: { en: text.en.subject, zhTw: text['zh-TW'].subject },
    body: { en: text.en.body, zhTw: text['zh-TW'].body },
    threadKey: `safe-freeze:${notice.merchant.id}`,
    // The notice's own email below is the one that matters; no second "new message" email.
    emailNotification: false,
  });
  const staff = await tx.find(
    UserEntity,
    { merchant: notice.merchant.id, role: 'MERCHANT_STAFF', status: { $in: ['ACTIVE', 'GENERAL_FROZEN'] } },
    { orderBy: { id: 'asc' } },
  );
  for (const user of staff) await sendStoreNotice(tx, config, recipientOf(user), notice);
}

/**
 * Safe freeze, lifting it and deleting a frozen store's account (platform admins only). Customer
 * service may read claims and freezes but not impose them: a safe freeze moves money and refunds
 * orders, which is an admin's decision.
 */
export class SafeFreezeService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  private admin(): Viewer {
    return requireRole(this.viewer, 'ADMIN');
  }

  async freeze(input: { merchantId: string; reason: string }): Promise<FreezeResult> {
    const admin = this.admin();
    const none = (e: FreezeErr): FreezeResult => ({
      merchant: null,
      freeze: null,
      refunds: [],
      userErrors: [e],
    });
    const id = fromGlobalId(input.merchantId, 'Merchant');
    if (id === null) return none(fail('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId'));
    const reason = checkReason(input.reason);
    if (typeof reason !== 'string') return none(reason);
    const done = await inTransaction<FreezeResult>(this.em, async (tx) => {
      await lockOpenCheckouts(tx, id);
      const merchant = await lockMerchant(tx, id);
      if (!merchant)
        throw new Refusal(none(fail('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId')));
      if (merchant.status === 'SAFE_FROZEN')
        // Freezing twice is harmless: nothing more happens and the caller is told so.
        throw new Refusal({
          ...none(fail('ALREADY_FROZEN', 'This store is already under a safe freeze; nothing was changed.')),
          merchant,
        });
      if (!FREEZABLE.includes(merchant.status))
        throw new Refusal(none(fail('INVALID_STATUS', `A ${merchant.status} store cannot be frozen.`)));
      const { freeze, refunds } = await applySafeFreeze(tx, this.config, merchant, admin.userId, reason);
      return { merchant, freeze, refunds, userErrors: [] };
    });
    if (done.userErrors.length > 0) return done;
    const refunds = await executeRefundsNow(this.em, this.config, done.refunds);
    return { ...done, refunds };
  }

  async unfreeze(input: { merchantId: string; reason: string }): Promise<UnfreezeResult> {
    const admin = this.admin();
    const none = (e: FreezeErr): UnfreezeResult => ({
      merchant: null,
      toPendingMinor: 0,
      toAvailableMinor: 0,
      userErrors: [e],
    });
    const id = fromGlobalId(input.merchantId, 'Merchant');
    if (id === null) return none(fail('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId'));
    const reason = checkReason(input.reason);
    if (typeof reason !== 'string') return none(reason);
    return inTransaction<UnfreezeResult>(this.em, async (tx) => {
      const merchant = await lockMerchant(tx, id);
      if (!merchant)
        throw new Refusal(none(fail('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId')));
      if (merchant.status !== 'SAFE_FROZEN')
        throw new Refusal(none(fail('NOT_FROZEN', 'This store is not under a safe freeze.')));
      const claims = await openClaimCount(tx, merchant.id);
      if (claims > 0)
        throw new Refusal(
          none(
            fail(
              'OPEN_CLAIM',
              `This store has ${claims} open claim${claims === 1 ? '' : 's'}; decide ${claims === 1 ? 'it' : 'them'} before lifting the freeze.`,
            ),
          ),
        );
      const freeze = await tx.findOne(
        SafeFreezeEntity,
        { merchant, liftedAt: null },
        { orderBy: { frozenAt: 'desc', id: 'desc' } },
      );
      const back: MerchantStatus = await statusAfterLift(tx, merchant.id, freeze?.previousStatus ?? 'ACTIVE');
      const moved = await unfreezeMerchantFunds(
        tx,
        merchant,
        this.config.currency,
        `Safe freeze lifted: ${reason}`,
      );
      merchant.status = back;
      await liftSanction(tx, merchant.id, reason, admin.userId);
      if (freeze) {
        freeze.liftedAt = new Date();
        freeze.liftedBy = tx.getReference(UserEntity, admin.userId);
        freeze.liftReason = reason;
      }
      tx.create(MerchantStatusChangeEntity, {
        merchant,
        fromStatus: 'SAFE_FROZEN',
        toStatus: back,
        reason,
        actor: admin.userId,
      });
      await tx.flush();
      await recordAudit(tx, {
        actorUserId: admin.userId,
        action: 'merchant.safe_freeze.lift',
        subjectType: 'MERCHANT',
        subjectId: merchant.id,
        before: { status: 'SAFE_FROZEN', safeFreezeId: freeze?.id ?? null },
        after: { status: back, ...moved },
        reason,
      });
      await notifyStore(tx, this.config, {
        kind: 'unfrozen',
        merchant,
        reason,
        amountMinor: moved.toPendingMinor + moved.toAvailableMinor,
        currency: this.config.currency,
      });
      return { merchant, ...moved, userErrors: [] };
    });
  }

  /**
   * Deletes a store's account for good. Preconditions: it is under a safe freeze, no claim is open
   * and its money is settled — nothing frozen, pending or available is left (frozen funds are paid
   * out as compensations, or the freeze is lifted, the orders run their course and the store is
   * settled, then frozen again). Then: status DELETED, every staff account DELETED with its sessions
   * revoked (no sign-in, no token; API keys of issue 7 must check `merchant.status`/`user.status`),
   * its reviews cancelled. Its orders and history stay for platform staff.
   */
  async deleteAccount(input: { merchantId: string; reason: string }): Promise<DeleteResult> {
    const admin = this.admin();
    const none = (e: FreezeErr): DeleteResult => ({
      merchant: null,
      revokedSessions: 0,
      closedStaffAccounts: 0,
      cancelledReviews: 0,
      userErrors: [e],
    });
    const id = fromGlobalId(input.merchantId, 'Merchant');
    if (id === null) return none(fail('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId'));
    const reason = checkReason(input.reason);
    if (typeof reason !== 'string') return none(reason);
    return inTransaction<DeleteResult>(this.em, async (tx) => {
      const merchant = await lockMerchant(tx, id);
      if (!merchant)
        throw new Refusal(none(fail('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId')));
      if (merchant.status !== 'SAFE_FROZEN')
        throw new Refusal(
          none(fail('NOT_FROZEN', 'Only a store under a safe freeze can be deleted (freeze it first).')),
        );
      const claims = await openClaimCount(tx, merchant.id);
      if (claims > 0)
        throw new Refusal(none(fail('OPEN_CLAIM', 'Decide the store’s open claims before deleting it.')));
      const [funds] = await tx.execute<{ nonzero: number }[]>(
        `select count(*)::int as nonzero from (
           select bucket from ledger_entry where merchant_id = ? group by bucket having sum(amount_minor) <> 0) b`,
        [merchant.id],
      );
      const [inFlight] = await tx.execute<{ n: number }[]>(
        `select count(*)::int as n from payment_refund r join customer_order o on o.id = r.order_id
         where o.merchant_id = ? and r.status = 'PENDING'`,
        [merchant.id],
      );
      if ((funds?.nonzero ?? 0) > 0 || (inFlight?.n ?? 0) > 0)
        throw new Refusal(
          none(
            fail(
              'FUNDS_NOT_SETTLED',
              'The store still holds money (frozen, pending or available) or has refunds under way; settle or refund it first.',
            ),
          ),
        );
      const staff = await tx.execute<{ id: number; status: string }[]>(
        `select id, status from user_account where merchant_id = ? and role = 'MERCHANT_STAFF' order by id for update`,
        [merchant.id],
      );
      const staffIds = staff.map((s) => s.id);
      // Notices first, while the staff accounts can still receive them.
      await notifyStore(tx, this.config, { kind: 'deleted', merchant, reason });
      let revokedSessions = 0;
      if (staffIds.length > 0) {
        await tx.execute(
          `update user_account set status = 'DELETED' where id in (${staffIds.map(() => '?').join(',')})`,
          staffIds,
        );
        const revoked = await tx.execute<{ id: number }[]>(
          `update session set revoked_at = now() where revoked_at is null and user_id in (${staffIds.map(() => '?').join(',')}) returning id`,
          staffIds,
        );
        revokedSessions = revoked.length;
      }
      const cancelledReviews = await cancelReviewsOfAccount(
        tx,
        { merchantId: merchant.id },
        `Store account deleted: ${reason}`,
        admin.userId,
      );
      await liftSanction(tx, merchant.id, `Replaced by the account deletion: ${reason}`, admin.userId);
      await recordSanction(tx, 'DELETION', merchant.id, reason, admin.userId);
      merchant.status = 'DELETED';
      const freeze = await tx.findOne(
        SafeFreezeEntity,
        { merchant, liftedAt: null },
        { orderBy: { id: 'desc' } },
      );
      tx.create(MerchantStatusChangeEntity, {
        merchant,
        fromStatus: 'SAFE_FROZEN',
        toStatus: 'DELETED',
        reason,
        actor: admin.userId,
      });
      await tx.flush();
      await recordAudit(tx, {
        actorUserId: admin.userId,
        action: 'merchant.delete',
        subjectType: 'MERCHANT',
        subjectId: merchant.id,
        before: { status: 'SAFE_FROZEN', safeFreezeId: freeze?.id ?? null, staff },
        after: { status: 'DELETED', staffStatus: 'DELETED', revokedSessions, cancelledReviews },
        reason,
      });
      return {
        merchant,
        revokedSessions,
        closedStaffAccounts: staffIds.length,
        cancelledReviews,
        userErrors: [],
      };
    });
  }

  /** The store's safe freeze in force (null when it is not frozen); platform staff only. */
  async activeFreeze(merchantId: number): Promise<SafeFreezeEntity | null> {
    if (this.viewer?.role !== 'ADMIN' && this.viewer?.role !== 'CUSTOMER_SERVICE') return null;
    return this.em.findOne(
      SafeFreezeEntity,
      { merchant: merchantId, liftedAt: null },
      { orderBy: { frozenAt: 'desc', id: 'desc' }, populate: ['frozenBy'] },
    );
  }

  /** Open claims against the store (platform staff only, otherwise null). */
  async openClaims(merchantId: number): Promise<number | null> {
    if (this.viewer?.role !== 'ADMIN' && this.viewer?.role !== 'CUSTOMER_SERVICE') return null;
    return openClaimCount(this.em, merchantId);
  }
}

/**
 * The status a store returns to when its safe freeze is lifted: GENERAL_FROZEN while a general
 * freeze of the store is still in force (T2's sanctions), DISABLED if it was disabled before the
 * freeze, otherwise ACTIVE.
 */
async function statusAfterLift(
  tx: EntityManager,
  merchantId: number,
  previous: MerchantStatus,
): Promise<MerchantStatus> {
  if (previous === 'DISABLED') return 'DISABLED';
  if (!(await sanctionsExist(tx))) return previous === 'GENERAL_FROZEN' ? 'GENERAL_FROZEN' : 'ACTIVE';
  return (await hasActiveGeneralFreeze(tx, { merchantId })) ? 'GENERAL_FROZEN' : 'ACTIVE';
}

async function sanctionsExist(tx: EntityManager): Promise<boolean> {
  const [table] = await tx.execute<{ t: string | null }[]>(`select to_regclass('sanction')::text as t`);
  return Boolean(table?.t);
}

/** Records a SAFE_FREEZE or DELETION sanction of the store (T2's history table, read by banners). */
export async function recordSanction(
  tx: EntityManager,
  kind: 'SAFE_FREEZE' | 'DELETION',
  merchantId: number,
  reason: string,
  actorUserId: number,
): Promise<void> {
  if (!(await sanctionsExist(tx))) return;
  await tx.execute(
    `insert into sanction (kind, subject_type, merchant_id, reason, automatic, starts_at, created_by_id)
     values (?, 'MERCHANT', ?, ?, false, now(), ?)`,
    [kind, merchantId, reason, actorUserId],
  );
}

/** Lifts the store's SAFE_FREEZE sanction (on unfreeze, or when the deletion replaces it). */
async function liftSanction(tx: EntityManager, merchantId: number, reason: string, actorUserId: number) {
  if (!(await sanctionsExist(tx))) return;
  await tx.execute(
    `update sanction set lifted_at = now(), lifted_by_id = ?, lift_reason = ?
     where merchant_id = ? and kind = 'SAFE_FREEZE' and lifted_at is null`,
    [actorUserId, reason, merchantId],
  );
}
