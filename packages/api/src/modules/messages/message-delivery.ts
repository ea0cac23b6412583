import { type Locale, MESSAGE_LIMITS } from '@marketplace/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../graphql/relay.js';
import type { JobHandler } from '../../jobs/job-queue.js';
import { queueEmail } from '../email/email.service.js';
import {
  ConversationEntity,
  type ConversationKind,
  ConversationMessageEntity,
  type ConversationSide,
  type MessageKind,
} from './conversation.entity.js';

/** Longest message people may write (characters; core MESSAGE_LIMITS). */
export const MAX_MESSAGE_LENGTH = MESSAGE_LIMITS.bodyMax;
/** Longest subject (characters). */
export const MAX_SUBJECT_LENGTH = MESSAGE_LIMITS.subjectMax;
/** New messages to one party of one conversation cause at most one email per this many minutes. */
export const MESSAGE_EMAIL_DELAY_MINUTES = 10;
export const NOTIFY_CONVERSATION = 'messages.notify';

/** The two parties of a conversation of this kind. */
export function sidesOf(kind: ConversationKind): [ConversationSide, ConversationSide] {
  if (kind === 'CUSTOMER_SERVICE') return ['USER', 'PLATFORM'];
  if (kind === 'MERCHANT_SUPPORT') return ['MERCHANT', 'PLATFORM'];
  return ['USER', 'MERCHANT'];
}

export interface NewMessage {
  senderSide: ConversationSide;
  senderUserId: number | null;
  kind?: MessageKind;
  body: string;
  bodyZhTw?: string | null;
  /** Schedule the coalesced email notification for the other party (default true). */
  notify?: boolean;
}

/**
 * Appends a message to a conversation inside the caller's transaction. The conversation row is locked
 * first, so concurrent messages get consecutive ids in commit order and the count stays exact. The
 * sender's own read marker moves past the message, and the other party gets a (coalesced) email.
 */
export async function appendMessage(
  em: EntityManager,
  conversationId: number,
  message: NewMessage,
): Promise<ConversationMessageEntity> {
  await em.execute('select id from conversation where id = ? for update', [conversationId]);
  const row = em.create(ConversationMessageEntity, {
    conversation: em.getReference(ConversationEntity, conversationId),
    kind: message.kind ?? 'USER',
    senderSide: message.senderSide,
    sender: message.senderUserId,
    body: message.body,
    bodyZhTw: message.bodyZhTw ?? null,
  } as never);
  await em.flush();
  await em.execute(
    `update conversation set message_count = message_count + 1, last_message_at = ?::timestamptz where id = ?`,
    [row.createdAt.toISOString(), conversationId],
  );
  if (message.senderUserId !== null) await markRead(em, conversationId, message.senderUserId, row.id);
  const [conversation] = await em.execute<{ kind: ConversationKind }[]>(
    'select kind from conversation where id = ?',
    [conversationId],
  );
  if (message.notify === false) return row;
  for (const side of sidesOf(conversation!.kind)) {
    if (side !== message.senderSide && side !== 'PLATFORM')
      await scheduleNotification(em, conversationId, side);
  }
  return row;
}

/** Moves a person's read marker forward (never back) to `messageId`. */
export async function markRead(
  em: EntityManager,
  conversationId: number,
  userId: number,
  messageId: number,
): Promise<void> {
  await em.execute(
    `insert into conversation_read (conversation_id, user_id, last_read_message_id, read_at) values (?, ?, ?, now())
     on conflict (conversation_id, user_id) do update
       set last_read_message_id = greatest(conversation_read.last_read_message_id, excluded.last_read_message_id),
           read_at = now()`,
    [conversationId, userId, messageId],
  );
}

/**
 * One email per conversation and party per MESSAGE_EMAIL_DELAY_MINUTES: the first new message schedules
 * the job; later ones inside the window find it pending and keep its time (job_key_mode preserve_run_at).
 */
async function scheduleNotification(em: EntityManager, conversationId: number, side: ConversationSide) {
  const runAt = new Date(Date.now() + MESSAGE_EMAIL_DELAY_MINUTES * 60_000);
  await em.execute(
    `select graphile_worker.add_job(?, ?::json, run_at => ?::timestamptz, job_key => ?, job_key_mode => 'preserve_run_at', max_attempts => 10)`,
    [
      NOTIFY_CONVERSATION,
      JSON.stringify({ conversationId, side }),
      runAt.toISOString(),
      `messages-notify:${conversationId}:${side}`,
    ],
  );
}

/**
 * The notification job: emails each person of `side` who still has unread messages in the
 * conversation (a message read in the meantime sends nothing). Staff of a store are each notified.
 */
export const notifyConversation: JobHandler = async (payload, { em, config }) => {
  const { conversationId, side } = payload as { conversationId?: unknown; side?: unknown };
  if (typeof conversationId !== 'number' || (side !== 'USER' && side !== 'MERCHANT')) return;
  const conversation = await em.findOne(ConversationEntity, { id: conversationId });
  if (!conversation) return;
  const recipients = await em.execute<
    { id: number; email: string; locale: Locale; unread: number; merchant: boolean }[]
  >(
    `select u.id, u.email, u.locale, u.merchant_id is not null and u.role = 'MERCHANT_STAFF' as merchant,
            (select count(*)::int from conversation_message m
              where m.conversation_id = ? and m.sender_side <> ?
                and m.id > coalesce((select r.last_read_message_id from conversation_read r
                                      where r.conversation_id = ? and r.user_id = u.id), 0)) as unread
       from user_account u
      where u.status = 'ACTIVE' and ${side === 'USER' ? 'u.id = ?' : `u.merchant_id = ? and u.role = 'MERCHANT_STAFF'`}
      order by u.id`,
    [
      conversationId,
      side,
      conversationId,
      side === 'USER' ? (conversation.user?.id ?? 0) : (conversation.merchant?.id ?? 0),
    ],
  );
  for (const r of recipients) {
    if (r.unread <= 0) continue;
    const zh = r.locale === 'zh-TW';
    const subject = zh && conversation.subjectZhTw ? conversation.subjectZhTw : conversation.subject;
    const link =
      side === 'MERCHANT'
        ? `${config.adminUrl}/messages/${toGlobalId('Conversation', conversation.id)}`
        : `${config.storefrontUrl}/account/messages/${toGlobalId('Conversation', conversation.id)}`;
    await queueEmail(em, {
      to: r.email,
      locale: r.locale,
      template: 'messages.new',
      subject: zh ? `您有新的站內訊息：${subject}` : `New message: ${subject}`,
      text: zh
        ? `您好：\n\n對話「${subject}」有 ${r.unread} 則未讀訊息。\n請登入後查看並回覆：${link}\n\n（為避免打擾，同一段對話的通知最多每 ${MESSAGE_EMAIL_DELAY_MINUTES} 分鐘寄送一次。）`
        : `Hello,\n\nYou have ${r.unread} unread message${r.unread === 1 ? '' : 's'} in "${subject}".\nSign in to read and reply: ${link}\n\n(To spare your inbox, we send at most one notice per conversation every ${MESSAGE_EMAIL_DELAY_MINUTES} minutes.)`,
    });
  }
};

export interface SystemMessageInput {
  /** The recipient user (a shopper, or one staff member personally). Exactly one of toUserId / toMerchantId. */
  toUserId?: number | null;
  /** The recipient store: all its staff see it. */
  toMerchantId?: number | null;
  kind: 'PENALTY_NOTICE' | 'SYSTEM';
  subject: { en: string; zhTw: string };
  body: { en: string; zhTw: string };
  relatedOrderId?: number | null;
  /**
   * Optional: notices with the same key (for the same recipient) go into one conversation, e.g.
   * `violation:12` for a warning and its second warning. Without a key every notice starts a new one.
   */
  threadKey?: string | null;
  /**
   * Default true: the recipient also gets the usual coalesced "new message" email (job `messages.notify`).
   * Pass false when the caller sends its own email about the same notice.
   */
  emailNotification?: boolean;
}

/**
 * Sends a notice from the platform to a user or to all staff of a store, in the caller's transaction:
 * a platform conversation (CUSTOMER_SERVICE for a user, MERCHANT_SUPPORT for a store) is created, or
 * reused by `threadKey`; the message is shown in the reader's language and they get an email.
 */
export async function sendSystemMessage(
  em: EntityManager,
  input: SystemMessageInput,
): Promise<{ conversationId: number; messageId: number }> {
  const toUser = input.toUserId ?? null;
  const toMerchant = input.toMerchantId ?? null;
  if ((toUser === null) === (toMerchant === null))
    throw new Error('sendSystemMessage: give exactly one of toUserId, toMerchantId');
  const party = toUser !== null ? `user:${toUser}` : `merchant:${toMerchant}`;
  const threadKey = input.threadKey ? `${party}:${input.threadKey}`.slice(0, 120) : null;
  const subject = clip(input.subject.en, MAX_SUBJECT_LENGTH);
  const subjectZhTw = clip(input.subject.zhTw, MAX_SUBJECT_LENGTH);
  let conversationId: number | null = null;
  if (threadKey) {
    // Insert-or-find, safe against two notices with the same key at once.
    const [row] = await em.execute<{ id: number }[]>(
      `insert into conversation (kind, subject, subject_zh_tw, user_id, merchant_id, order_id, thread_key)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (thread_key) do nothing returning id`,
      [
        toUser !== null ? 'CUSTOMER_SERVICE' : 'MERCHANT_SUPPORT',
        subject,
        subjectZhTw,
        toUser,
        toMerchant,
        input.relatedOrderId ?? null,
        threadKey,
      ],
    );
    conversationId =
      row?.id ??
      (
        await em.execute<{ id: number }[]>('select id from conversation where thread_key = ?', [threadKey])
      )[0]!.id;
  } else {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into conversation (kind, subject, subject_zh_tw, user_id, merchant_id, order_id)
       values (?, ?, ?, ?, ?, ?) returning id`,
      [
        toUser !== null ? 'CUSTOMER_SERVICE' : 'MERCHANT_SUPPORT',
        subject,
        subjectZhTw,
        toUser,
        toMerchant,
        input.relatedOrderId ?? null,
      ],
    );
    conversationId = row!.id;
  }
  const message = await appendMessage(em, conversationId, {
    senderSide: 'PLATFORM',
    senderUserId: null,
    kind: input.kind,
    body: input.body.en,
    bodyZhTw: input.body.zhTw,
    notify: input.emailNotification !== false,
  });
  return { conversationId, messageId: message.id };
}

function clip(text: string, max: number): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const TOPIC_LABELS: Record<string, { en: string; zhTw: string }> = {
  ORDER: { en: 'Order problem', zhTw: '訂單問題' },
  PAYMENT: { en: 'Payment problem', zhTw: '付款問題' },
  OTHER: { en: 'Question', zhTw: '其他問題' },
};

/**
 * The help center's contact form, sent by a signed-in user, also opens a conversation with customer service
 * (linked to the contact request), so the answer arrives in the sender's in-site messages.
 */
export async function openContactConversation(
  em: EntityManager,
  request: {
    id: number;
    reference: string;
    userId: number;
    topic: string;
    orderNumber: string | null;
    message: string;
  },
): Promise<number> {
  const topic = TOPIC_LABELS[request.topic] ?? TOPIC_LABELS.OTHER!;
  const [order] = request.orderNumber
    ? await em.execute<{ id: number }[]>('select id from customer_order where number = ? and user_id = ?', [
        request.orderNumber,
        request.userId,
      ])
    : [];
  const [row] = await em.execute<{ id: number }[]>(
    `insert into conversation (kind, subject, subject_zh_tw, user_id, order_id, started_by_id, contact_request_id)
     values ('CUSTOMER_SERVICE', ?, ?, ?, ?, ?, ?) returning id`,
    [
      `${topic.en} · ${request.reference}`,
      `${topic.zhTw} · ${request.reference}`,
      request.userId,
      order?.id ?? null,
      request.userId,
      request.id,
    ],
  );
  const body =
    request.orderNumber && !order
      ? `${request.message}\n\n(Order number given: ${request.orderNumber})`
      : request.message;
  await appendMessage(em, row!.id, {
    senderSide: 'USER',
    senderUserId: request.userId,
    body: body.slice(0, MAX_MESSAGE_LENGTH),
  });
  return row!.id;
}
