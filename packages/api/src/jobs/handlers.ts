import {
  PRUNE_ACCOUNT_RECORDS,
  pruneAccountRecords,
  SEND_PASSWORD_RESET,
  sendPasswordReset,
} from '../modules/accounts/accounts.jobs.js';
import { DELIVER_EMAIL, deliverEmail } from '../modules/email/email.service.js';
import { NOTIFY_CONVERSATION, notifyConversation } from '../modules/messages/message-delivery.js';
import { AUTO_CONFIRM_ORDER, autoConfirmOrder, CLOSE_UNPAID_ORDER } from '../modules/orders/orders.jobs.js';
import {
  closeUnpaidOrderAfterPayments,
  EXECUTE_REFUND,
  executeRefundJob,
  RECONCILE_PAYMENT,
  RECONCILE_PENDING_PAYMENTS,
  reconcilePaymentJob,
  reconcilePendingPayments,
} from '../modules/payments/payments.jobs.js';
import {
  SANCTION_END,
  sanctionEndJob,
  WARNING_DEADLINE,
  warningDeadlineJob,
} from '../modules/penalties/penalties.jobs.js';
import { deliverWebhook } from '../modules/webhooks/webhook-delivery.js';
import { DELIVER_WEBHOOK } from '../modules/webhooks/webhook-events.js';
import type { JobHandler } from './job-queue.js';
import { PRUNE_THROTTLE_RECORDS, pruneThrottleRecordsJob } from './throttle-records.js';

/** Every background task by name. Modules own their handlers; this only lists them. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [DELIVER_EMAIL]: deliverEmail,
  [SEND_PASSWORD_RESET]: sendPasswordReset,
  [PRUNE_ACCOUNT_RECORDS]: pruneAccountRecords,
  [PRUNE_THROTTLE_RECORDS]: pruneThrottleRecordsJob,
  // The payment timeout reconciles a payment under way first: a captured checkout never closes.
  [CLOSE_UNPAID_ORDER]: closeUnpaidOrderAfterPayments,
  [AUTO_CONFIRM_ORDER]: autoConfirmOrder,
  [RECONCILE_PAYMENT]: reconcilePaymentJob,
  [RECONCILE_PENDING_PAYMENTS]: reconcilePendingPayments,
  [EXECUTE_REFUND]: executeRefundJob,
  [WARNING_DEADLINE]: warningDeadlineJob,
  [SANCTION_END]: sanctionEndJob,
  [NOTIFY_CONVERSATION]: notifyConversation,
  [DELIVER_WEBHOOK]: deliverWebhook,
};

/** Recurring tasks (graphile-worker crontab syntax). */
export const CRONTAB = [
  `17 * * * * ${PRUNE_ACCOUNT_RECORDS}`,
  `23 * * * * ${PRUNE_THROTTLE_RECORDS}`,
  `* * * * * ${RECONCILE_PENDING_PAYMENTS}`,
].join('\n');
