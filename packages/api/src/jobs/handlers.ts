import {
  PRUNE_ACCOUNT_RECORDS,
  pruneAccountRecords,
  SEND_PASSWORD_RESET,
  sendPasswordReset,
} from '../modules/accounts/accounts.jobs.js';
import { DELIVER_EMAIL, deliverEmail } from '../modules/email/email.service.js';
import {
  AUTO_CONFIRM_ORDER,
  autoConfirmOrder,
  CLOSE_UNPAID_ORDER,
  closeUnpaidOrder,
} from '../modules/orders/orders.jobs.js';
import type { JobHandler } from './job-queue.js';

/** Every background task by name. Modules own their handlers; this only lists them. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [DELIVER_EMAIL]: deliverEmail,
  [SEND_PASSWORD_RESET]: sendPasswordReset,
  [PRUNE_ACCOUNT_RECORDS]: pruneAccountRecords,
  [CLOSE_UNPAID_ORDER]: closeUnpaidOrder,
  [AUTO_CONFIRM_ORDER]: autoConfirmOrder,
};

/** Recurring tasks (graphile-worker crontab syntax). */
export const CRONTAB = [`17 * * * * ${PRUNE_ACCOUNT_RECORDS}`].join('\n');
