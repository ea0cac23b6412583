import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection } from '../../graphql/relay.js';
import { EmailMessage, EmailMessageConnection } from './email.types.js';

@Resolver(() => EmailMessage)
export class EmailResolver {
  @Query(() => EmailMessageConnection, {
    description: 'Development mailbox: emails the platform wrote, newest first (platform staff only).',
  })
  async developmentMailbox(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Only emails to this address.' }) to:
      | string
      | null,
    @Ctx() ctx: Context,
  ): Promise<EmailMessageConnection> {
    const page = await ctx.services.mailbox.list({ first, after, to });
    return mapConnection(page, EmailMessage.from) as EmailMessageConnection;
  }
}
