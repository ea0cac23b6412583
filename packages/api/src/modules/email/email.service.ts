import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@marketplace/core';
import { createTransport, type Transporter } from 'nodemailer';
import { leanQuery } from '../../db/lean-query.js';
import { jsonRows, WriteBatch } from '../../db/write-batch.js';
import { enqueue, type JobHandler } from '../../jobs/job-queue.js';
import { EmailMessageEntity } from './email.entity.js';

export const DELIVER_EMAIL = 'email.deliver';

export interface OutgoingEmail {
  to: string;
  locale: Locale;
  template: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** Writes the email to the outbox and schedules its delivery, both in the caller's transaction. */
export async function queueEmail(em: EntityManager, email: OutgoingEmail): Promise<EmailMessageEntity> {
  const message = em.create(EmailMessageEntity, { ...email, html: email.html ?? null });
  await em.flush();
  await enqueue(em, DELIVER_EMAIL, { id: message.id }, { jobKey: `email:${message.id}` });
  return message;
}

/**
 * `queueEmail` for several emails in ONE statement: the outbox rows (in order) and one delivery job
 * each, in the caller's transaction.
 */
export async function queueEmails(em: EntityManager, emails: OutgoingEmail[]): Promise<void> {
  const batch = new WriteBatch();
  queueEmailsIn(batch, emails);
  await batch.run(em);
}

/** `queueEmails` as parts of a larger write (db/write-batch.ts): the outbox rows, then their delivery jobs. */
export function queueEmailsIn(batch: WriteBatch, emails: OutgoingEmail[]): void {
  if (emails.length === 0) return;
  const rows = batch.add(
    `insert into email_message ("to", locale, template, subject, text, html)
     select x."to", x.locale, x.template, x.subject, x.text, x.html
     from rows from (jsonb_to_recordset(?::jsonb) as ("to" text, locale text, template text, subject text,
       text text, html text)) with ordinality as x ("to", locale, template, subject, text, html, n)
     order by x.n
     returning id`,
    [
      jsonRows(
        emails.map((e) => ({
          to: e.to,
          locale: e.locale,
          template: e.template,
          subject: e.subject,
          text: e.text,
          html: e.html ?? null,
        })),
      ),
    ],
  );
  batch.add(
    `select graphile_worker.add_job(?, json_build_object('id', m.id), job_key => 'email:' || m.id, max_attempts => 10)
     from ${rows} m order by m.id`,
    [DELIVER_EMAIL],
    { mustRun: true },
  );
}

/** What an outbox row's text becomes once delivered over SMTP. */
export const DELIVERED_BODY_REMOVED = '[removed after delivery]';

let transporter: { url: string; transport: Transporter } | null = null;

interface OutboxRow extends Record<string, unknown> {
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string | null;
  status: string;
}

// Plain prepared statements: delivery runs for every order, payment and sign-up, so no entity
// hydration or change-set computation for one row read and one row written.
const OUTBOX_ROW = 'select "to", template, subject, text, html, status from email_message where id = $1';
// Bodies hold one-time secrets (reset, verification and invitation links, order keys): once an SMTP
// server has taken the email, the outbox row keeps who/what/when only. Without SMTP the row IS the
// development mailbox and keeps its body.
const MARK_SENT = `update email_message
    set status = 'SENT', transport = $2::text, attempts = attempts + 1, sent_at = now(), last_error = null,
        text = case when $2::text = 'smtp' then $3::text else text end,
        html = case when $2::text = 'smtp' then null else html end
  where id = $1`;
const MARK_FAILED_ATTEMPT =
  'update email_message set attempts = attempts + 1, last_error = $2::text where id = $1';

/** Delivers one outbox row; idempotent, and a thrown error makes the queue retry with backoff. */
export const deliverEmail: JobHandler = async (payload, { em, config, logger }) => {
  const id = (payload as { id?: unknown }).id;
  if (typeof id !== 'number') return;
  const [message] = await leanQuery<OutboxRow>(em, {
    name: 'email_outbox_row',
    text: OUTBOX_ROW,
    values: [id],
  });
  if (!message || message.status === 'SENT') return;
  let transport: 'smtp' | 'dev-mailbox' = 'dev-mailbox';
  try {
    if (config.smtpUrl) {
      if (transporter?.url !== config.smtpUrl) {
        transporter = { url: config.smtpUrl, transport: createTransport(config.smtpUrl) };
      }
      await transporter.transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
      transport = 'smtp';
    }
  } catch (error) {
    const lastError = String((error as Error).message ?? error).slice(0, 2000);
    await leanQuery(em, { name: 'email_failed_attempt', text: MARK_FAILED_ATTEMPT, values: [id, lastError] });
    throw error;
  }
  await leanQuery(em, {
    name: 'email_mark_sent',
    text: MARK_SENT,
    values: [id, transport, DELIVERED_BODY_REMOVED],
  });
  logger.info({ emailId: id, template: message.template, transport }, 'email delivered');
};
