import type { EntityManager } from '@mikro-orm/postgresql';
import { assertNever, type CurrencyCode, formatMoney, type Locale, money } from '@marketplace/core';
import { type OutgoingEmail, queueEmail, queueEmails } from '../email/email.service.js';
import { APP_NAME, formatEmailTime } from '../email/email-text.js';

/** A block of an email: a paragraph, a table of label/value rows, or a highlighted secret (order key). */
export type EmailBlock =
  | { kind: 'p'; text: string }
  | { kind: 'rows'; title?: string; rows: [string, string][] }
  | { kind: 'code'; label: string; value: string }
  | { kind: 'link'; label: string; href: string };

export interface EmailContent {
  subject: string;
  blocks: EmailBlock[];
}

export { APP_NAME } from '../email/email-text.js';

export const formatAmount = (minor: number, currency: string, locale: Locale) =>
  formatMoney(money(minor, currency as CurrencyCode), locale);

export const formatDate = formatEmailTime;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function textOf(b: EmailBlock): string {
  switch (b.kind) {
    case 'p':
      return b.text;
    case 'rows':
      return [b.title, ...b.rows.map(([l, v]) => `  ${l}  ${v}`)].filter(Boolean).join('\n');
    case 'code':
      return `${b.label}\n\n    ${b.value}`;
    case 'link':
      return `${b.label}\n${b.href}`;
    default:
      return assertNever(b, 'email block');
  }
}

function htmlOf(b: EmailBlock): string {
  switch (b.kind) {
    case 'p':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'rows': {
      const rows = b.rows
        .map(
          ([l, v]) =>
            `<tr><td style="padding:2px 16px 2px 0">${escapeHtml(l)}</td><td style="padding:2px 0;text-align:right">${escapeHtml(v)}</td></tr>`,
        )
        .join('');
      const title = b.title ? `<p><strong>${escapeHtml(b.title)}</strong></p>` : '';
      return `${title}<table style="border-collapse:collapse">${rows}</table>`;
    }
    case 'code':
      return `<p>${escapeHtml(b.label)}</p><p style="font-family:ui-monospace,monospace;font-size:16px;padding:12px;background:#f3f4f6;border-radius:8px;word-break:break-all">${escapeHtml(b.value)}</p>`;
    case 'link':
      return `<p><a href="${escapeHtml(b.href)}" style="display:inline-block;padding:12px 20px;background:#1f5f5b;color:#fff;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(b.label)}</a></p>`;
    default:
      return assertNever(b, 'email block');
  }
}

/** Plain text that every mail client shows, and simple HTML. */
export function renderEmail(
  locale: Locale,
  content: EmailContent,
): { subject: string; text: string; html: string } {
  const signature = locale === 'zh-TW' ? `${APP_NAME[locale]} 敬上` : `— ${APP_NAME[locale]}`;
  const text = [...content.blocks.map(textOf), signature].join('\n\n');
  const html = content.blocks.map(htmlOf).join('');
  return {
    subject: content.subject,
    text,
    html: `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.6;color:#1d1d1f">${html}<p>${escapeHtml(signature)}</p></body></html>`,
  };
}

/** Renders in the recipient's language and writes to the outbox in the caller's transaction. */
export async function sendEmail(
  em: EntityManager,
  to: { email: string; locale: Locale },
  template: string,
  content: Record<Locale, EmailContent>,
): Promise<void> {
  const rendered = renderEmail(to.locale, content[to.locale]);
  const email = { to: to.email, locale: to.locale, template, ...rendered };
  const batch = batches.get(em);
  if (batch) batch.push(email);
  else await queueEmail(em, email);
}

const batches = new WeakMap<EntityManager, OutgoingEmail[]>();

/** Runs `work` and returns every email it sent through `sendEmail` with `em`, rendered, without queueing them. */
export async function collectEmails(em: EntityManager, work: () => Promise<void>): Promise<OutgoingEmail[]> {
  const batch: OutgoingEmail[] = [];
  batches.set(em, batch);
  try {
    await work();
    return batch;
  } finally {
    batches.delete(em);
  }
}

/** Runs `work`, then queues every email it sent through `sendEmail` with `em` at once (queueEmails). */
export async function withEmailBatch<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  const batch: OutgoingEmail[] = [];
  batches.set(em, batch);
  try {
    const result = await work();
    batches.delete(em);
    await queueEmails(em, batch);
    return result;
  } finally {
    batches.delete(em);
  }
}
