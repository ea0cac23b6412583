import { DELIVER_EMAIL, deliverEmail } from '../modules/email/email.service.js';
import type { JobHandler } from './job-queue.js';

/** Every background task by name. Modules own their handlers; this only lists them. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [DELIVER_EMAIL]: deliverEmail,
};

/** Recurring tasks (graphile-worker crontab syntax). */
export const CRONTAB = '';
