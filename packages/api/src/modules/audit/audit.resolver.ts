import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection } from '../../graphql/relay.js';
import { AuditLogEntry, AuditLogEntryConnection, AuditLogFilter } from './audit.types.js';

@ArgsType()
class AuditLogArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => AuditLogFilter, { nullable: true, description: 'Narrows the records.' })
  filter?: AuditLogFilter | null;
}

@Resolver(() => AuditLogEntry)
export class AuditResolver {
  @Query(() => AuditLogEntryConnection, {
    description:
      'The append-only audit log, newest first (platform admins). No mutation changes or deletes it.',
  })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.audit.auditLog(args), AuditLogEntry.from);
  }
}
