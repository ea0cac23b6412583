import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection } from '../../graphql/relay.js';
import { SortDirection } from '../orders-admin/orders-admin.types.js';
import { EmailMessage, EmailMessageConnection } from './email.types.js';

@Resolver(() => EmailMessage)
export class EmailResolver {
  @Query(() => EmailMessageConnection, {
    description: 'Development mailbox: emails the platform wrote, filtered and sorted (platform staff only).',
  })
  async developmentMailbox(
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Only emails to this address.' }) to:
      | string
      | null,
    @Arg('status', () => String, {
      nullable: true,
      description: 'Only emails in this delivery status: PENDING, SENT or FAILED.',
    })
    status: string | null,
    @Arg('template', () => String, {
      nullable: true,
      description: 'Only emails of this template, or of templates starting with it (e.g. `orders.`).',
    })
    template: string | null,
    @Arg('direction', () => SortDirection, {
      defaultValue: 'DESC',
      description: 'DESC: newest first (default); ASC: oldest first.',
    })
    direction: keyof typeof SortDirection,
    @Ctx() ctx: Context,
  ): Promise<EmailMessageConnection> {
    const page = await ctx.services.mailbox.list({ first, after, to, status, template, direction });
    return mapConnection(page, EmailMessage.from) as EmailMessageConnection;
  }
}
