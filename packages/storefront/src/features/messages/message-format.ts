import { checkMessage, type Locale, MESSAGE_LIMITS, type MessageField } from '@marketplace/core';

export const MESSAGE_BOUNDS = { max: MESSAGE_LIMITS.bodyMax, maxSubject: MESSAGE_LIMITS.subjectMax } as const;

export const MESSAGE_ERROR_CODES = [
  'INVALID_BODY',
  'INVALID_SUBJECT',
  'ORDER_REQUIRED',
  'INVALID_RECIPIENT',
  'NOT_FOUND',
  'ACCOUNT_RESTRICTED',
] as const;
export type MessageErrorCode = (typeof MESSAGE_ERROR_CODES)[number];

export function isMessageErrorCode(code: string): code is MessageErrorCode {
  return (MESSAGE_ERROR_CODES as readonly string[]).includes(code);
}

/** The server's rules (core `checkMessage`), per form field, so the form explains a problem before sending. */
export function messageFormProblems(
  subject: string | null,
  body: string,
): Partial<Record<MessageField, MessageErrorCode>> {
  const result = checkMessage({ subject, body });
  if (result.ok) return {};
  return Object.fromEntries(result.error.map((p) => [p.field, p.code]));
}

/** Which form field a server userError belongs to (`['input', 'body']` → body), or the form itself. */
export function fieldOfError(field: readonly string[] | null | undefined): MessageField | 'form' {
  const name = field?.[1];
  return name === 'subject' || name === 'body' ? name : 'form';
}

/** A message's time: today as a time, otherwise a short date and time, in the UI language. */
export function formatMessageTime(iso: string, locale: Locale, now: Date = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** One line of a message for a list: whitespace collapsed, cut at `max` characters. */
export function previewOf(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}
