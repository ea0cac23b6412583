import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@marketplace/core';
import { createTransport, type Transporter } from 'nodemailer';
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

/** Delivers one outbox row; idempotent, and a thrown error makes the queue retry with backoff. */
export const deliverEmail: JobHandler = async (payload, { em, config, logger }) => {
  const id = (payload as { id?: unknown }).id;
  if (typeof id !== 'number') return;
  const message = await em.findOne(EmailMessageEntity, { id });
  if (!message || message.status === 'SENT') return;
  message.attempts += 1;
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
      message.transport = 'smtp';
    } else {
      message.transport = 'dev-mailbox';
    }
    message.status = 'SENT';
    message.sentAt = new Date();
    message.lastError = null;
    // Bodies hold one-time secrets (reset, verification and invitation links, order keys): once an SMTP
    // server has taken the email, the outbox row keeps who/what/when only. Without SMTP the row IS the
    // development mailbox and keeps its body.
    if (message.transport === 'smtp') {
      message.text = DELIVERED_BODY_REMOVED;
      message.html = null;
    }
    await em.flush();
    logger.info({ emailId: id, template: message.template, transport: message.transport }, 'email delivered');
  } catch (error) {
    message.lastError = String((error as Error).message ?? error).slice(0, 2000);
    await em.flush();
    throw error;
  }
};
