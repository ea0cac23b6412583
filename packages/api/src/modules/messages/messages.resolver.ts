import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LocaleCode, localized } from '../../graphql/locale.type.js';
import { mapConnection } from '../../graphql/relay.js';
import type { ConversationResult } from './messages.service.js';
import {
  Conversation,
  ConversationConnection,
  ConversationMessage,
  ConversationMessageConnection,
  ConversationsFilter,
  MarkConversationReadInput,
  MarkConversationReadPayload,
  ReplyToConversationInput,
  ReplyToConversationPayload,
  StartConversationInput,
  StartConversationPayload,
} from './messages.types.js';

const localeArg = {
  nullable: true,
  description: 'Language; defaults to the viewer’s or the request’s.',
} as const;

@ArgsType()
class ConversationsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor`).' })
  after?: string | null;

  @Field(() => ConversationsFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: ConversationsFilter | null;
}

@ArgsType()
class MessagesArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor`).' })
  after?: string | null;
}

function payload<P extends { conversation: Conversation | null }, C extends string>(
  Type: new () => P,
  r: ConversationResult<C>,
): P {
  return Object.assign(new Type(), {
    conversation: r.conversation ? Conversation.from(r.conversation) : null,
    userErrors: r.userErrors,
  });
}

@Resolver(() => Conversation)
export class MessagesResolver {
  @Query(() => ConversationConnection, {
    description:
      'The viewer’s in-site conversations, latest activity first: a shopper’s own, merchant staff’s store’s (and their own), and for customer service and admins the platform inbox (filter by user, store or order).',
  })
  async conversations(@Args() args: ConversationsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.messages.list(args), Conversation.from);
  }

  @Query(() => Conversation, {
    nullable: true,
    description: 'One conversation the viewer takes part in; null if there is none or it is not theirs.',
  })
  async conversation(
    @Arg('id', () => ID, { description: 'The `Conversation.id`.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Conversation | null> {
    const view = await ctx.services.messages.find(id);
    return view ? Conversation.from(view) : null;
  }

  @Query(() => Int, {
    description:
      'How many messages from others the signed-in viewer has not read, over all their conversations.',
  })
  async unreadMessageCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.messages.unreadCount();
  }

  @Mutation(() => StartConversationPayload, {
    description:
      'Starts a conversation: a shopper with customer service or with the store of one of their orders; merchant staff with the platform or a shopper about their store’s order; platform staff with any user or store. Refused under a general freeze.',
  })
  async startConversation(
    @Arg('input', () => StartConversationInput, {
      description: 'The request; each field is described on StartConversationInput.',
    })
    input: StartConversationInput,
    @Ctx() ctx: Context,
  ): Promise<StartConversationPayload> {
    return payload(StartConversationPayload, await ctx.services.messages.start(input));
  }

  @Mutation(() => ReplyToConversationPayload, {
    description: 'Replies within a conversation the viewer takes part in (allowed under a general freeze).',
  })
  async replyToConversation(
    @Arg('input', () => ReplyToConversationInput, {
      description: 'The request; each field is described on ReplyToConversationInput.',
    })
    input: ReplyToConversationInput,
    @Ctx() ctx: Context,
  ): Promise<ReplyToConversationPayload> {
    return payload(ReplyToConversationPayload, await ctx.services.messages.reply(input));
  }

  @Mutation(() => MarkConversationReadPayload, {
    description: 'Marks every message of a conversation read for the viewer (their unread count drops).',
  })
  async markConversationRead(
    @Arg('input', () => MarkConversationReadInput, {
      description: 'The request; each field is described on MarkConversationReadInput.',
    })
    input: MarkConversationReadInput,
    @Ctx() ctx: Context,
  ): Promise<MarkConversationReadPayload> {
    return payload(MarkConversationReadPayload, await ctx.services.messages.markRead(input));
  }

  @FieldResolver(() => String, { description: 'Subject, in the reader’s language for platform notices.' })
  subject(
    @Root() c: Conversation,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): string {
    const row = c.view.row;
    return row.subjectZhTw ? localized(row.subject, row.subjectZhTw, locale ?? ctx.locale) : row.subject;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the store taking part, if any.' })
  merchantName(
    @Root() c: Conversation,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): string | null {
    const m = c.view.row.merchant;
    return m ? localized(m.nameEn, m.nameZh, locale ?? ctx.locale) : null;
  }

  @FieldResolver(() => ConversationMessage, { nullable: true, description: 'The latest message.' })
  lastMessage(@Root() c: Conversation): ConversationMessage | null {
    return c.view.lastMessage ? ConversationMessage.from(c.view.lastMessage, c.view) : null;
  }

  @FieldResolver(() => ConversationMessageConnection, { description: 'Messages, oldest first.' })
  async messages(@Root() c: Conversation, @Args() args: MessagesArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.messages.messages(c.view.row.id, args), (m) =>
      ConversationMessage.from(m, c.view),
    );
  }
}

@Resolver(() => ConversationMessage)
export class ConversationMessageResolver {
  @FieldResolver(() => String, {
    description: 'The text (plain text); a platform notice in the reader’s language.',
  })
  body(
    @Root() m: ConversationMessage,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): string {
    return m.row.bodyZhTw ? localized(m.row.body, m.row.bodyZhTw, locale ?? ctx.locale) : m.row.body;
  }

  @FieldResolver(() => String, {
    description:
      'Who sent it, as the reader should see it: the user’s name, the store’s name, or customer service (platform staff also see the agent’s name).',
  })
  senderName(
    @Root() m: ConversationMessage,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): string {
    const lang = locale ?? ctx.locale;
    const row = m.row;
    if (row.senderSide === 'PLATFORM') {
      if (row.kind !== 'USER') return localized('Platform notice', '平台通知', lang);
      const cs = localized('Customer service', '客服中心', lang);
      return m.viewerSide === 'PLATFORM' && row.sender ? `${cs} · ${row.sender.displayName}` : cs;
    }
    if (row.senderSide === 'MERCHANT') {
      const merchant = m.conversation.row.merchant;
      return merchant ? localized(merchant.nameEn, merchant.nameZh, lang) : localized('Store', '商店', lang);
    }
    return (
      row.sender?.displayName ?? m.conversation.row.user?.displayName ?? localized('User', '使用者', lang)
    );
  }
}
