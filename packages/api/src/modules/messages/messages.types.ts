import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import type { ConversationMessageEntity } from './conversation.entity.js';
import type {
  ConversationView,
  MarkConversationReadErrorCode as MarkCode,
  ReplyToConversationErrorCode as ReplyCode,
  StartConversationErrorCode as StartCode,
} from './messages.service.js';

export const ConversationKind = {
  CUSTOMER_SERVICE: 'CUSTOMER_SERVICE',
  MERCHANT_SUPPORT: 'MERCHANT_SUPPORT',
  ORDER: 'ORDER',
} as const;
export type ConversationKind = keyof typeof ConversationKind;
registerEnumType(ConversationKind, {
  name: 'ConversationKind',
  description: 'Who a conversation is between.',
  valuesConfig: {
    CUSTOMER_SERVICE: { description: 'A user (usually a shopper) and the platform’s customer service.' },
    MERCHANT_SUPPORT: { description: 'A store (all its staff) and the platform.' },
    ORDER: { description: 'A shopper and a store, about one of the shopper’s orders.' },
  },
});

export const ConversationParty = { USER: 'USER', MERCHANT: 'MERCHANT', PLATFORM: 'PLATFORM' } as const;
export type ConversationParty = keyof typeof ConversationParty;
registerEnumType(ConversationParty, {
  name: 'ConversationParty',
  description: 'One side of a conversation.',
  valuesConfig: {
    USER: { description: 'The user (shopper) side.' },
    MERCHANT: { description: 'The store side (any of its staff).' },
    PLATFORM: { description: 'The platform (customer service, admins, system notices).' },
  },
});

export const MessageKind = { USER: 'USER', SYSTEM: 'SYSTEM', PENALTY_NOTICE: 'PENALTY_NOTICE' } as const;
export type MessageKind = keyof typeof MessageKind;
registerEnumType(MessageKind, {
  name: 'MessageKind',
  description: 'Whether a message was written by a person or is a notice of the platform.',
  valuesConfig: {
    USER: { description: 'Written by a person.' },
    SYSTEM: { description: 'A notice of the platform.' },
    PENALTY_NOTICE: { description: 'A notice of a warning, freeze or other penalty.' },
  },
});

export const ConversationRecipient = { PLATFORM: 'PLATFORM', MERCHANT: 'MERCHANT', USER: 'USER' } as const;
export type ConversationRecipient = keyof typeof ConversationRecipient;
registerEnumType(ConversationRecipient, {
  name: 'ConversationRecipient',
  description: 'Whom `startConversation` writes to.',
  valuesConfig: {
    PLATFORM: { description: 'Customer service (shoppers, merchant staff).' },
    MERCHANT: {
      description: 'A store: a shopper about their order (`orderId`), or platform staff (`merchantId`).',
    },
    USER: {
      description:
        'A user: platform staff (`userId`), or merchant staff about their store’s order (`orderId`).',
    },
  },
});

@ObjectType('ConversationMessage', { description: 'One message of a conversation (plain text).' })
export class ConversationMessage {
  @Field(() => ID, { description: 'Opaque ID.' })
  id!: string;

  @Field(() => MessageKind, { description: 'A person’s message or a platform notice.' })
  kind!: MessageKind;

  @Field(() => ConversationParty, { description: 'The side that sent it.' })
  senderParty!: ConversationParty;

  @Field({ description: 'Whether the viewer’s side sent it.' })
  fromViewer!: boolean;

  @Field({ description: 'When it was sent.' })
  createdAt!: Date;

  row!: ConversationMessageEntity;
  viewerSide!: ConversationParty;

  conversation!: ConversationView;

  static from(row: ConversationMessageEntity, conversation: ConversationView): ConversationMessage {
    const viewerSide = conversation.side;
    return Object.assign(new ConversationMessage(), {
      id: toGlobalId('ConversationMessage', row.id),
      kind: row.kind,
      senderParty: row.senderSide,
      fromViewer: row.senderSide === viewerSide,
      createdAt: row.createdAt,
      row,
      viewerSide,
      conversation,
    });
  }
}

export const { Connection: ConversationMessageConnection } = connectionTypes(
  ConversationMessage,
  'ConversationMessage',
);

@ObjectType('Conversation', { description: 'An in-site conversation the viewer takes part in.' })
export class Conversation {
  @Field(() => ID, { description: 'Opaque ID.' })
  id!: string;

  @Field(() => ConversationKind, { description: 'Who it is between.' })
  kind!: ConversationKind;

  @Field(() => ConversationParty, { description: 'The viewer’s side in it.' })
  viewerParty!: ConversationParty;

  @Field(() => Int, { description: 'Messages of the other side the viewer has not read.' })
  unreadCount!: number;

  @Field(() => Int, { description: 'Number of messages.' })
  messageCount!: number;

  @Field({ description: 'When the last message was sent.' })
  lastMessageAt!: Date;

  @Field({ description: 'When it was started.' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Number of the order it is about, if any.' })
  orderNumber!: string | null;

  @Field(() => ID, { nullable: true, description: 'ID of the order it is about, if any.' })
  orderId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Display name of the user taking part, if any (shown to the other side only).',
  })
  userName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Email of the user taking part (platform staff only).',
  })
  userEmail!: string | null;

  view!: ConversationView;

  static from(view: ConversationView): Conversation {
    const { row, side } = view;
    const platform = side === 'PLATFORM';
    return Object.assign(new Conversation(), {
      id: toGlobalId('Conversation', row.id),
      kind: row.kind,
      viewerParty: side,
      unreadCount: view.unread,
      messageCount: row.messageCount,
      lastMessageAt: row.lastMessageAt,
      createdAt: row.createdAt,
      orderNumber: row.order?.number ?? null,
      orderId: row.order ? toGlobalId('Order', row.order.id) : null,
      userName: side !== 'USER' ? (row.user?.displayName ?? null) : null,
      userEmail: platform ? (row.user?.email ?? null) : null,
      view,
    });
  }
}

export const { Connection: ConversationConnection } = connectionTypes(Conversation, 'Conversation');

@InputType('ConversationsFilter', { description: 'Narrows `conversations`.' })
export class ConversationsFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only those with unread messages; false: only fully read ones.',
  })
  unread?: boolean | null;

  @Field(() => ConversationKind, { nullable: true, description: 'Only conversations of this kind.' })
  kind?: ConversationKind | null;

  @Field(() => ID, { nullable: true, description: 'Platform staff: only those with this user (User ID).' })
  userId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Platform staff: only those with this store (Merchant ID).',
  })
  merchantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only those about the order with this number.' })
  orderNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only those whose user (email or name) or store (handle or name) contains this text.',
  })
  participant?: string | null;
}

export const StartConversationErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_RECIPIENT: 'INVALID_RECIPIENT',
  ORDER_REQUIRED: 'ORDER_REQUIRED',
  INVALID_SUBJECT: 'INVALID_SUBJECT',
  INVALID_BODY: 'INVALID_BODY',
  ACCOUNT_RESTRICTED: 'ACCOUNT_RESTRICTED',
} as const satisfies Record<StartCode, StartCode>;
registerEnumType(StartConversationErrorCode, {
  name: 'StartConversationErrorCode',
  description: 'Why `startConversation` changed nothing.',
  valuesConfig: {
    NOT_FOUND: { description: 'The order, user or store does not exist (or is not the viewer’s).' },
    INVALID_RECIPIENT: { description: 'The viewer cannot write to this kind of recipient.' },
    ORDER_REQUIRED: { description: 'Writing between a shopper and a store needs the order it is about.' },
    INVALID_SUBJECT: { description: 'The subject is empty or longer than 200 characters.' },
    INVALID_BODY: { description: 'The message is empty or longer than 4000 characters.' },
    ACCOUNT_RESTRICTED: {
      description:
        'Your account or store standing does not allow this now (see viewer.standing): e.g. no new conversations under a general freeze.',
    },
  },
});

@ObjectType('StartConversationUserError', {
  implements: BaseUserError,
  description: 'An expected reason `startConversation` changed nothing.',
})
export class StartConversationUserError extends BaseUserError {
  @Field(() => StartConversationErrorCode, { description: 'Machine-readable reason.' })
  code!: StartCode;
}

@InputType('StartConversationInput', { description: 'A new conversation and its first message.' })
export class StartConversationInput {
  @Field(() => ConversationRecipient, { description: 'Whom to write to.' })
  to!: ConversationRecipient;

  @Field(() => ID, {
    nullable: true,
    description: 'The order it is about (required between a shopper and a store).',
  })
  orderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Platform staff writing to a user: the User ID.' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Platform staff writing to a store: the Merchant ID.' })
  merchantId?: string | null;

  @Field({ description: 'Subject (plain text, at most 200 characters).' })
  subject!: string;

  @Field({ description: 'First message (plain text, at most 4000 characters).' })
  body!: string;
}

@ObjectType('StartConversationPayload', { description: 'Result of `startConversation`.' })
export class StartConversationPayload {
  @Field(() => Conversation, { nullable: true, description: 'The new conversation; null if refused.' })
  conversation!: Conversation | null;

  @Field(() => [StartConversationUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: StartConversationUserError[];
}

export const ReplyToConversationErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_BODY: 'INVALID_BODY',
  ACCOUNT_RESTRICTED: 'ACCOUNT_RESTRICTED',
} as const satisfies Record<ReplyCode, ReplyCode>;
registerEnumType(ReplyToConversationErrorCode, {
  name: 'ReplyToConversationErrorCode',
  description: 'Why `replyToConversation` changed nothing.',
  valuesConfig: {
    NOT_FOUND: { description: 'There is no such conversation the viewer takes part in.' },
    INVALID_BODY: { description: 'The message is empty or longer than 4000 characters.' },
    ACCOUNT_RESTRICTED: {
      description: 'Your account or store standing does not allow this now (see viewer.standing).',
    },
  },
});

@ObjectType('ReplyToConversationUserError', {
  implements: BaseUserError,
  description: 'An expected reason `replyToConversation` changed nothing.',
})
export class ReplyToConversationUserError extends BaseUserError {
  @Field(() => ReplyToConversationErrorCode, { description: 'Machine-readable reason.' })
  code!: ReplyCode;
}

@InputType('ReplyToConversationInput', { description: 'A reply in an existing conversation.' })
export class ReplyToConversationInput {
  @Field(() => ID, { description: 'The `Conversation.id`.' })
  conversationId!: string;

  @Field({ description: 'The message (plain text, at most 4000 characters).' })
  body!: string;
}

@ObjectType('ReplyToConversationPayload', { description: 'Result of `replyToConversation`.' })
export class ReplyToConversationPayload {
  @Field(() => Conversation, { nullable: true, description: 'The conversation; null if refused.' })
  conversation!: Conversation | null;

  @Field(() => [ReplyToConversationUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: ReplyToConversationUserError[];
}

export const MarkConversationReadErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
} as const satisfies Record<MarkCode, MarkCode>;
registerEnumType(MarkConversationReadErrorCode, {
  name: 'MarkConversationReadErrorCode',
  description: 'Why `markConversationRead` changed nothing.',
  valuesConfig: {
    NOT_FOUND: { description: 'There is no such conversation the viewer takes part in.' },
  },
});

@ObjectType('MarkConversationReadUserError', {
  implements: BaseUserError,
  description: 'An expected reason `markConversationRead` changed nothing.',
})
export class MarkConversationReadUserError extends BaseUserError {
  @Field(() => MarkConversationReadErrorCode, { description: 'Machine-readable reason.' })
  code!: MarkCode;
}

@InputType('MarkConversationReadInput', { description: 'Marks a conversation read for the viewer.' })
export class MarkConversationReadInput {
  @Field(() => ID, { description: 'The `Conversation.id`.' })
  conversationId!: string;
}

@ObjectType('MarkConversationReadPayload', { description: 'Result of `markConversationRead`.' })
export class MarkConversationReadPayload {
  @Field(() => Conversation, { nullable: true, description: 'The conversation; null if refused.' })
  conversation!: Conversation | null;

  @Field(() => [MarkConversationReadUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: MarkConversationReadUserError[];
}
