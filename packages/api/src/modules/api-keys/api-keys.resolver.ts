import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection } from '../../graphql/relay.js';
import {
  ApiKey,
  ApiKeyConnection,
  ApiKeysFilter,
  CreateApiKeyInput,
  CreateApiKeyPayload,
  RevokeApiKeyInput,
  RevokeApiKeyPayload,
} from './api-keys.types.js';

@ArgsType()
class ApiKeysArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor`).' })
  after?: string | null;

  @Field(() => ApiKeysFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: ApiKeysFilter | null;
}

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  @Query(() => ApiKeyConnection, {
    description: 'API keys, newest first: merchant staff see their store’s, admins every key. Sessions only.',
  })
  async apiKeys(@Args() args: ApiKeysArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.apiKeys.list(args), ApiKey.from);
  }

  @Mutation(() => CreateApiKeyPayload, {
    description:
      'Creates an API key (the store owner for their store, admins for the platform). The secret is in the payload, once. Sessions only.',
  })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput, {
      description: 'Name, scopes and optional expiry of the new key.',
    })
    input: CreateApiKeyInput,
    @Ctx() ctx: Context,
  ): Promise<CreateApiKeyPayload> {
    const r = await ctx.services.apiKeys.create(input);
    return Object.assign(new CreateApiKeyPayload(), {
      apiKey: r.apiKey ? ApiKey.from(r.apiKey) : null,
      secret: r.secret,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => RevokeApiKeyPayload, {
    description:
      'Revokes an API key for good (the store owner for their store’s keys, admins any). Sessions only.',
  })
  async revokeApiKey(
    @Arg('input', () => RevokeApiKeyInput, { description: 'The key to revoke.' }) input: RevokeApiKeyInput,
    @Ctx() ctx: Context,
  ): Promise<RevokeApiKeyPayload> {
    const r = await ctx.services.apiKeys.revoke(input);
    return Object.assign(new RevokeApiKeyPayload(), {
      apiKey: r.apiKey ? ApiKey.from(r.apiKey) : null,
      userErrors: r.userErrors,
    });
  }
}
