import { checkMessage, MESSAGE_LIMITS } from '@marketplace/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireViewer } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { requireCapability } from '../capabilities/capabilities.service.js';
import {
  ConversationEntity,
  type ConversationKind,
  ConversationMessageEntity,
  type ConversationSide,
} from './conversation.entity.js';
import { appendMessage, markRead } from './message-delivery.js';

export { type SystemMessageInput, sendSystemMessage } from './message-delivery.js';

/** A conversation as one viewer sees it: which party they are, how many messages they have not read. */
export interface ConversationView {
  row: ConversationEntity;
  side: ConversationSide;
  unread: number;
  lastMessage: ConversationMessageEntity | null;
}

export interface ConversationsFilter {
  unread?: boolean | null;
  kind?: ConversationKind | null;
  /** Platform staff: conversations with this user (global User ID). */
  userId?: string | null;
  /** Platform staff: conversations with this store (global Merchant ID). */
  merchantId?: string | null;
  /** Conversations about this order (its number). */
  orderNumber?: string | null;
  /** Part of the user's email or name, or of the store's handle or name. */
  participant?: string | null;
}

export type ConversationRecipient = 'PLATFORM' | 'MERCHANT' | 'USER';

export type StartConversationErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_RECIPIENT'
  | 'ORDER_REQUIRED'
  | 'INVALID_SUBJECT'
  | 'INVALID_BODY'
  | 'ACCOUNT_RESTRICTED';
export type ReplyToConversationErrorCode = 'NOT_FOUND' | 'INVALID_BODY' | 'ACCOUNT_RESTRICTED';
export type MarkConversationReadErrorCode = 'NOT_FOUND';

type Err<C extends string> = { code: C; message: string; field: string[] | null };
export interface ConversationResult<C extends string> {
  conversation: ConversationView | null;
  userErrors: Err<C>[];
}

const KINDS = new Set(['CUSTOMER_SERVICE', 'MERCHANT_SUPPORT', 'ORDER']);
const NOT_FOUND_MESSAGE = 'There is no conversation with this ID.';

function isPlatform(v: Viewer): boolean {
  return v.role === 'CUSTOMER_SERVICE' || v.role === 'ADMIN';
}

/** Which party the viewer is in a conversation, or null if they may not see it. */
export function sideOf(
  v: Viewer,
  c: { kind: ConversationKind; userId: number | null; merchantId: number | null },
): ConversationSide | null {
  if (c.userId !== null && c.userId === v.userId && c.kind !== 'MERCHANT_SUPPORT') return 'USER';
  if (v.role === 'MERCHANT_STAFF' && v.merchantId !== null && c.merchantId === v.merchantId)
    return 'MERCHANT';
  if (isPlatform(v) && c.kind !== 'ORDER') return 'PLATFORM';
  return null;
}

/**
 * SQL fragments (with their parameters, in textual order) for the viewer's scope: which conversations
 * `c` they see and which party they are in each.
 */
function scopeSql(v: Viewer): { visible: [string, unknown[]]; side: [string, unknown[]] } {
  const merchantId = v.role === 'MERCHANT_STAFF' ? v.merchantId : null;
  const side: [string, unknown[]] = [
    `(case when c.user_id = ? and c.kind <> 'MERCHANT_SUPPORT' then 'USER' when c.merchant_id = ? then 'MERCHANT' else 'PLATFORM' end)`,
    [v.userId, merchantId ?? 0],
  ];
  if (isPlatform(v)) return { visible: [`(c.kind <> 'ORDER' or c.user_id = ?)`, [v.userId]], side };
  if (merchantId !== null)
    return {
      visible: [
        `((c.user_id = ? and c.kind <> 'MERCHANT_SUPPORT') or c.merchant_id = ?)`,
        [v.userId, merchantId],
      ],
      side,
    };
  return { visible: [`(c.user_id = ? and c.kind <> 'MERCHANT_SUPPORT')`, [v.userId]], side };
}

/** In-site messages: conversations of shoppers, stores and the platform (customer service). */
export class MessagesService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    readonly config: Config,
  ) {}

  /** The viewer's conversations, most recent activity first (keyset on last_message_at, id). */
  async list(args: {
    first: number;
    after?: string | null;
    filter?: ConversationsFilter | null;
  }): Promise<ConnectionShape<ConversationView>> {
    const v = requireViewer(this.viewer);
    const first = Math.min(Math.max(args.first, 0), 100);
    const filter = args.filter ?? {};
    const scope = scopeSql(v);
    const where: string[] = [scope.visible[0]];
    const params: unknown[] = [...scope.visible[1]];
    if (filter.kind) {
      if (!KINDS.has(filter.kind)) throw new PublicError('BAD_USER_INPUT', 'Unknown kind.');
      where.push('c.kind = ?');
      params.push(filter.kind);
    }
    if (filter.userId) {
      const id = fromGlobalId(filter.userId, 'User');
      where.push('c.user_id = ?');
      params.push(id ?? 0);
    }
    if (filter.merchantId) {
      const id = fromGlobalId(filter.merchantId, 'Merchant');
      where.push('c.merchant_id = ?');
      params.push(id ?? 0);
    }
    const orderNumber = filter.orderNumber?.trim().slice(0, 40);
    if (orderNumber) {
      where.push('c.order_id in (select o.id from customer_order o where o.number = ?)');
      params.push(orderNumber);
    }
    const participant = filter.participant?.trim().slice(0, 100);
    if (participant) {
      const like = `%${participant.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push(
        `(exists (select 1 from user_account pu where pu.id = c.user_id and (pu.email ilike ? or pu.display_name ilike ?))
          or exists (select 1 from merchant pm where pm.id = c.merchant_id
            and (pm.handle ilike ? or pm.name_en ilike ? or pm.name_zh ilike ?)))`,
      );
      params.push(like, like, like, like, like);
    }
    const fromSql = `from conversation c
      left join conversation_read r on r.conversation_id = c.id and r.user_id = ?
      cross join lateral (select count(*)::int as n from conversation_message m
        where m.conversation_id = c.id and m.id > coalesce(r.last_read_message_id, 0)
          and m.sender_side <> ${scope.side[0]}) u`;
    const fromParams = [v.userId, ...scope.side[1]];
    if (filter.unread === true) where.push('u.n > 0');
    if (filter.unread === false) where.push('u.n = 0');
    const countWhere = [...where];
    const countParams = [...params];

    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      const valid =
        key?.length === 2 &&
        typeof key[0] === 'string' &&
        /^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)?$/.test(key[0]) &&
        typeof key[1] === 'number';
      if (!valid) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
      where.push('(c.last_message_at, c.id) < (?::timestamptz, ?)'); // row comparison: an index condition
      params.push(key![0], key![1]);
    }
    const rows = await this.em.execute<{ id: number; at: string; side: ConversationSide; unread: number }[]>(
      `select c.id, c.last_message_at::text as at, ${scope.side[0]} as side, u.n as unread ${fromSql}
        where ${where.join(' and ')} order by c.last_message_at desc, c.id desc limit ?`,
      [...scope.side[1], ...fromParams, ...params, first + 1],
    );
    const views = await this.views(rows);
    const atOf = new Map(rows.map((r) => [r.id, r.at]));
    return toConnection(views, first, {
      hasPrevious: key !== null,
      cursorOf: (view) => encodeCursor([atOf.get(view.row.id)!, view.row.id]),
      map: (view) => view,
      count: async () => {
        const [c] = await this.em.execute<{ n: number }[]>(
          `select count(*)::int as n ${fromSql} where ${countWhere.join(' and ')}`,
          [...fromParams, ...countParams],
        );
        return c?.n ?? 0;
      },
    });
  }

  /** How many messages from the other party the viewer has not read, over all their conversations. */
  async unreadCount(): Promise<number> {
    const v = requireViewer(this.viewer);
    const scope = scopeSql(v);
    const [row] = await this.em.execute<{ n: number }[]>(
      `select count(*)::int as n from conversation c
         join conversation_message m on m.conversation_id = c.id
         left join conversation_read r on r.conversation_id = c.id and r.user_id = ?
        where ${scope.visible[0]} and m.id > coalesce(r.last_read_message_id, 0)
          and m.sender_side <> ${scope.side[0]}`,
      [v.userId, ...scope.visible[1], ...scope.side[1]],
    );
    return row?.n ?? 0;
  }

  /** One conversation the viewer takes part in, or null (also for someone else's). */
  async find(id: string): Promise<ConversationView | null> {
    const v = requireViewer(this.viewer);
    const dbId = fromGlobalId(id, 'Conversation');
    if (dbId === null) return null;
    return this.viewOf(this.em, v, dbId);
  }

  /** Messages of a conversation the viewer has already been authorized for, oldest first. */
  async messages(
    conversationId: number,
    args: { first: number; after?: string | null },
  ): Promise<ConnectionShape<ConversationMessageEntity>> {
    const first = Math.min(Math.max(args.first, 0), 100);
    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after && !(key?.length === 1 && typeof key[0] === 'number'))
      throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
    const rows = await this.em.find(
      ConversationMessageEntity,
      { conversation: conversationId, ...(key ? { id: { $gt: key[0] as number } } : {}) },
      { orderBy: { id: 'asc' }, limit: first + 1, populate: ['sender'] },
    );
    return toConnection(rows, first, {
      hasPrevious: key !== null,
      cursorOf: (m) => encodeCursor([m.id]),
      map: (m) => m,
      count: () => this.em.count(ConversationMessageEntity, { conversation: conversationId }),
    });
  }

  /** Starts a conversation with its first message. */
  async start(input: {
    to: ConversationRecipient;
    orderId?: string | null;
    userId?: string | null;
    merchantId?: string | null;
    subject: string;
    body: string;
  }): Promise<ConversationResult<StartConversationErrorCode>> {
    const v = requireViewer(this.viewer);
    type R = ConversationResult<StartConversationErrorCode>;
    const fail = (code: StartConversationErrorCode, message: string, field: string[] | null): R => ({
      conversation: null,
      userErrors: [userError(code, message, field)],
    });
    const checked = checkMessage({ subject: input.subject, body: input.body });
    if (!checked.ok) {
      const subjectBad = checked.error.some((p) => p.field === 'subject');
      return subjectBad
        ? fail('INVALID_SUBJECT', `Give a subject of at most ${MESSAGE_LIMITS.subjectMax} characters.`, [
            'input',
            'subject',
          ])
        : fail('INVALID_BODY', `Write a message of at most ${MESSAGE_LIMITS.bodyMax} characters.`, [
            'input',
            'body',
          ]);
    }
    const subject = checked.value.subject ?? '';
    const body = checked.value.body;
    const orderDbId = input.orderId ? fromGlobalId(input.orderId, 'Order') : null;
    if (input.orderId && orderDbId === null)
      return fail('NOT_FOUND', 'There is no order with this ID.', ['input', 'orderId']);
    return inTransaction(this.em, async (em) => {
      const order = orderDbId
        ? ((
            await em.execute<{ id: number; user_id: number | null; merchant_id: number }[]>(
              'select id, user_id, merchant_id from customer_order where id = ?',
              [orderDbId],
            )
          )[0] ?? null)
        : null;
      const orderMissing = () =>
        new Refusal(fail('NOT_FOUND', 'There is no order with this ID.', ['input', 'orderId']));
      let kind: ConversationKind;
      let userId: number | null = null;
      let merchantId: number | null = null;
      let side: ConversationSide;
      const platform = isPlatform(v);
      if (v.role === 'SHOPPER') {
        if (order && order.user_id !== v.userId) throw orderMissing();
        if (input.to === 'PLATFORM') {
          kind = 'CUSTOMER_SERVICE';
          userId = v.userId;
        } else if (input.to === 'MERCHANT') {
          if (!order)
            throw new Refusal(
              fail('ORDER_REQUIRED', 'Choose the order you are writing to the store about.', [
                'input',
                'orderId',
              ]),
            );
          kind = 'ORDER';
          userId = v.userId;
          merchantId = order.merchant_id;
        } else
          throw new Refusal(
            fail('INVALID_RECIPIENT', 'Write to customer service or to a store.', ['input', 'to']),
          );
        side = 'USER';
      } else if (v.role === 'MERCHANT_STAFF') {
        if (order && order.merchant_id !== v.merchantId) throw orderMissing();
        if (input.to === 'PLATFORM') {
          kind = 'MERCHANT_SUPPORT';
          merchantId = v.merchantId;
        } else if (input.to === 'USER') {
          if (!order?.user_id)
            throw new Refusal(
              fail('ORDER_REQUIRED', 'Choose the order you are writing to its shopper about.', [
                'input',
                'orderId',
              ]),
            );
          kind = 'ORDER';
          userId = order.user_id;
          merchantId = v.merchantId;
        } else
          throw new Refusal(
            fail('INVALID_RECIPIENT', 'Write to the platform or to a shopper about an order.', [
              'input',
              'to',
            ]),
          );
        side = 'MERCHANT';
      } else if (platform) {
        if (input.orderId && !order) throw orderMissing();
        if (input.to === 'USER') {
          const id = input.userId ? fromGlobalId(input.userId, 'User') : (order?.user_id ?? null);
          const [user] = id
            ? await em.execute<{ id: number }[]>('select id from user_account where id = ?', [id])
            : [];
          if (!user)
            throw new Refusal(fail('NOT_FOUND', 'There is no user with this ID.', ['input', 'userId']));
          kind = 'CUSTOMER_SERVICE';
          userId = user.id;
        } else if (input.to === 'MERCHANT') {
          const id = input.merchantId
            ? fromGlobalId(input.merchantId, 'Merchant')
            : (order?.merchant_id ?? null);
          const [merchant] = id
            ? await em.execute<{ id: number }[]>('select id from merchant where id = ?', [id])
            : [];
          if (!merchant)
            throw new Refusal(fail('NOT_FOUND', 'There is no store with this ID.', ['input', 'merchantId']));
          kind = 'MERCHANT_SUPPORT';
          merchantId = merchant.id;
        } else
          throw new Refusal(fail('INVALID_RECIPIENT', 'Write to a user or to a store.', ['input', 'to']));
        side = 'PLATFORM';
      } else throw new PublicError('FORBIDDEN', 'You are not allowed to do this.');

      await requireCapability(em, v, 'conversation.start');

      const [created] = await em.execute<{ id: number }[]>(
        `insert into conversation (kind, subject, user_id, merchant_id, order_id, started_by_id)
         values (?, ?, ?, ?, ?, ?) returning id`,
        [kind, subject, userId, merchantId, order?.id ?? null, v.userId],
      );
      await appendMessage(em, created!.id, { senderSide: side, senderUserId: v.userId, body });
      return { conversation: await this.viewOf(em, v, created!.id), userErrors: [] };
    });
  }

  /** Adds the viewer's message to a conversation they take part in (allowed under a general freeze). */
  async reply(input: {
    conversationId: string;
    body: string;
  }): Promise<ConversationResult<ReplyToConversationErrorCode>> {
    const v = requireViewer(this.viewer);
    type R = ConversationResult<ReplyToConversationErrorCode>;
    const fail = (code: ReplyToConversationErrorCode, message: string, field: string[] | null): R => ({
      conversation: null,
      userErrors: [userError(code, message, field)],
    });
    const id = fromGlobalId(input.conversationId, 'Conversation');
    if (id === null) return fail('NOT_FOUND', NOT_FOUND_MESSAGE, ['input', 'conversationId']);
    const checked = checkMessage({ body: input.body });
    return inTransaction(this.em, async (em) => {
      const view = await this.viewOf(em, v, id);
      if (!view) throw new Refusal(fail('NOT_FOUND', NOT_FOUND_MESSAGE, ['input', 'conversationId']));
      if (!checked.ok)
        throw new Refusal(
          fail('INVALID_BODY', `Write a message of at most ${MESSAGE_LIMITS.bodyMax} characters.`, [
            'input',
            'body',
          ]),
        );
      await requireCapability(em, v, 'conversation.reply');
      await appendMessage(em, id, {
        senderSide: view.side,
        senderUserId: v.userId,
        body: checked.value.body,
      });
      return { conversation: await this.viewOf(em, v, id), userErrors: [] };
    });
  }

  /** Marks every message of the conversation read for the viewer. */
  async markRead(input: {
    conversationId: string;
  }): Promise<ConversationResult<MarkConversationReadErrorCode>> {
    const v = requireViewer(this.viewer);
    const notFound: ConversationResult<MarkConversationReadErrorCode> = {
      conversation: null,
      userErrors: [userError('NOT_FOUND', NOT_FOUND_MESSAGE, ['input', 'conversationId'])],
    };
    const id = fromGlobalId(input.conversationId, 'Conversation');
    if (id === null) return notFound;
    return inTransaction(this.em, async (em) => {
      const view = await this.viewOf(em, v, id);
      if (!view) throw new Refusal(notFound);
      const [last] = await em.execute<{ id: number | null }[]>(
        'select max(id) as id from conversation_message where conversation_id = ?',
        [id],
      );
      if (last?.id) await markRead(em, id, v.userId, last.id);
      return { conversation: await this.viewOf(em, v, id), userErrors: [] };
    });
  }

  private async viewOf(em: EntityManager, v: Viewer, id: number): Promise<ConversationView | null> {
    const [c] = await em.execute<
      { id: number; kind: ConversationKind; user_id: number | null; merchant_id: number | null }[]
    >('select id, kind, user_id, merchant_id from conversation where id = ?', [id]);
    if (!c) return null;
    const side = sideOf(v, { kind: c.kind, userId: c.user_id, merchantId: c.merchant_id });
    if (!side) return null;
    const [u] = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from conversation_message m
        where m.conversation_id = ? and m.sender_side <> ?
          and m.id > coalesce((select last_read_message_id from conversation_read where conversation_id = ? and user_id = ?), 0)`,
      [id, side, id, v.userId],
    );
    const [view] = await this.views([{ id, side, unread: u?.n ?? 0 }], em);
    return view ?? null;
  }

  private async views(
    rows: { id: number; side: ConversationSide; unread: number }[],
    em: EntityManager = this.em,
  ): Promise<ConversationView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const entities = await em.find(
      ConversationEntity,
      { id: { $in: ids } },
      { populate: ['user', 'merchant', 'order'], refresh: true },
    );
    const last = await em.execute<{ id: number }[]>(
      `select distinct on (conversation_id) id from conversation_message
        where conversation_id in (${ids.map(() => '?').join(', ')}) order by conversation_id, id desc`,
      ids,
    );
    const messages = last.length
      ? await em.find(ConversationMessageEntity, { id: { $in: last.map((l) => l.id) } }, { refresh: true })
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const lastOf = new Map(messages.map((m) => [m.conversation.id, m]));
    return rows
      .filter((r) => byId.has(r.id))
      .map((r) => ({
        row: byId.get(r.id)!,
        side: r.side,
        unread: r.unread,
        lastMessage: lastOf.get(r.id) ?? null,
      }));
  }
}
