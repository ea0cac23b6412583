import { checkMessage, MESSAGE_LIMITS } from '@marketplace/core';
import type { ConversationKind } from '../../../gql/graphql';

export const CONVERSATION_KINDS = [
  'CUSTOMER_SERVICE',
  'MERCHANT_SUPPORT',
  'ORDER',
] as const satisfies readonly ConversationKind[];
export const MAX_MESSAGE = MESSAGE_LIMITS.bodyMax;
export const MAX_SUBJECT = MESSAGE_LIMITS.subjectMax;

/** What the messages page keeps in the URL: filters and the page cursor (the open conversation is in the path). */
export interface MessagesView {
  unread: boolean;
  kind: ConversationKind | null;
  orderNumber: string;
  /** Platform staff: part of the user's email/name or the store's handle/name. */
  participant: string;
  after: string | null;
}

export function parseMessagesView(params: URLSearchParams): MessagesView {
  const kind = params.get('kind');
  return {
    unread: params.get('unread') === '1',
    kind: (CONVERSATION_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ConversationKind) : null,
    orderNumber: params.get('order')?.trim().slice(0, 40) ?? '',
    participant: params.get('who')?.trim().slice(0, 100) ?? '',
    after: params.get('after') || null,
  };
}

/** URL parameters of a view (defaults left out). */
export function messagesViewParams(view: MessagesView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.unread) out.set('unread', '1');
  if (view.kind) out.set('kind', view.kind);
  if (view.orderNumber.trim()) out.set('order', view.orderNumber.trim());
  if (view.participant.trim()) out.set('who', view.participant.trim());
  if (view.after) out.set('after', view.after);
  return out;
}

/** The API filter of a view. */
export function messagesFilterOf(view: MessagesView) {
  return {
    unread: view.unread ? true : null,
    kind: view.kind,
    orderNumber: view.orderNumber.trim() || null,
    participant: view.participant.trim() || null,
  };
}

/** Client-side check mirroring the server's (core `checkMessage`). */
export function replyError(body: string): 'INVALID_BODY' | null {
  return checkMessage({ body }).ok ? null : 'INVALID_BODY';
}

export function startErrors(
  subject: string,
  body: string,
): { subject?: 'INVALID_SUBJECT'; body?: 'INVALID_BODY' } {
  const result = checkMessage({ subject, body });
  if (result.ok) return {};
  return Object.fromEntries(result.error.map((p) => [p.field, p.code]));
}
