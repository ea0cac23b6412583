import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection } from '../../graphql/relay.js';
import {
  ResolveContactRequestInput,
  ResolveContactRequestPayload,
  StaffContactRequest,
  StaffContactRequestConnection,
  StaffContactRequestsFilter,
  StaffContactRequestsSort,
} from './contact-requests.types.js';

@ArgsType()
class StaffContactRequestsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor`).' })
  after?: string | null;

  @Field(() => StaffContactRequestsFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: StaffContactRequestsFilter | null;

  @Field(() => StaffContactRequestsSort, { nullable: true, description: 'Default: newest first.' })
  sort?: StaffContactRequestsSort | null;
}

@Resolver(() => StaffContactRequest)
export class ContactRequestsResolver {
  @Query(() => StaffContactRequestConnection, {
    description: 'Messages sent with the help center’s contact form (customer service and admins).',
  })
  async staffContactRequests(@Args() args: StaffContactRequestsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.contactRequests.list(args), StaffContactRequest.from);
  }

  @Query(() => StaffContactRequest, {
    nullable: true,
    description: 'One contact request by its ID (customer service and admins); null if there is none.',
  })
  async staffContactRequest(
    @Arg('id', () => ID, { description: 'The `StaffContactRequest.id`.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<StaffContactRequest | null> {
    const row = await ctx.services.contactRequests.find(id);
    return row ? StaffContactRequest.from(row) : null;
  }

  @Mutation(() => ResolveContactRequestPayload, {
    description:
      'Marks an open contact request handled, with an optional internal note (customer service, admins).',
  })
  async resolveContactRequest(
    @Arg('input', () => ResolveContactRequestInput, {
      description: 'The request; each field is described on ResolveContactRequestInput.',
    })
    input: ResolveContactRequestInput,
    @Ctx() ctx: Context,
  ): Promise<ResolveContactRequestPayload> {
    const r = await ctx.services.contactRequests.resolve(input);
    return Object.assign(new ResolveContactRequestPayload(), {
      contactRequest: r.contactRequest ? StaffContactRequest.from(r.contactRequest) : null,
      userErrors: r.userErrors,
    });
  }
}
