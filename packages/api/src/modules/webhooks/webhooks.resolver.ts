import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection } from '../../graphql/relay.js';
import { webhookBody } from './webhook-delivery.js';
import type { WebhookDeliveryEntity } from './webhook.entity.js';
import {
  CreateWebhookSubscriptionInput,
  CreateWebhookSubscriptionPayload,
  DeleteWebhookSubscriptionInput,
  DeleteWebhookSubscriptionPayload,
  ReplayWebhookDeliveryInput,
  ReplayWebhookDeliveryPayload,
  toWireName,
  UpdateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionPayload,
  WebhookDeliveriesFilter,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookSubscription,
  WebhookSubscriptionConnection,
  type WebhookUserError,
} from './webhooks.types.js';

@ArgsType()
class WebhookSubscriptionsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}

@ArgsType()
class WebhookDeliveriesArgs {
  @Field(() => ID, { description: 'The subscription whose delivery log to read.' })
  subscriptionId!: string;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => WebhookDeliveriesFilter, { nullable: true, description: 'Narrows the log.' })
  filter?: WebhookDeliveriesFilter | null;
}

export const deliveryOf = (row: WebhookDeliveryEntity) =>
  WebhookDelivery.from(
    row,
    webhookBody({ ...row.event, public_id: row.event.publicId, created_at: row.event.createdAt }),
  );

const wire = (events: string[] | null | undefined) => (events == null ? events : events.map(toWireName));

@Resolver()
export class WebhooksResolver {
  @Query(() => WebhookSubscriptionConnection, {
    description:
      'Webhook subscriptions the viewer owns: merchant staff their store’s, admins the platform-wide ones (oldest first).',
  })
  async webhookSubscriptions(@Args() args: WebhookSubscriptionsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.webhooks.subscriptions(args), WebhookSubscription.from);
  }

  @Query(() => WebhookSubscription, {
    nullable: true,
    description: 'One of the viewer’s webhook subscriptions, or null.',
  })
  async webhookSubscription(
    @Arg('id', () => ID, { description: 'The subscription.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    const row = await ctx.services.webhooks.subscription(id);
    return row ? WebhookSubscription.from(row) : null;
  }

  @Query(() => WebhookDeliveryConnection, {
    nullable: true,
    description:
      'The delivery log of one of the viewer’s subscriptions, newest first; null when it is not theirs.',
  })
  async webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @Ctx() ctx: Context) {
    const filter = args.filter
      ? {
          state: args.filter.state,
          eventType: args.filter.eventType ? toWireName(args.filter.eventType) : null,
        }
      : null;
    const c = await ctx.services.webhooks.deliveries({ ...args, filter });
    return c ? mapConnection(c, deliveryOf) : null;
  }

  @Mutation(() => CreateWebhookSubscriptionPayload, {
    description:
      'Subscribes an endpoint to events: merchant staff for their store’s events, admins for every store’s. The signing secret is returned once.',
  })
  async createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput, {
      description: 'Endpoint URL, events and note of the new subscription.',
    })
    input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.webhooks.create({ ...input, events: wire(input.events) });
    return Object.assign(new CreateWebhookSubscriptionPayload(), {
      subscription: r.subscription ? WebhookSubscription.from(r.subscription) : null,
      secret: r.secret ?? null,
      userErrors: r.userErrors as WebhookUserError[],
    });
  }

  @Mutation(() => UpdateWebhookSubscriptionPayload, {
    description: 'Changes the URL, events, note or enabled state of one of the viewer’s subscriptions.',
  })
  async updateWebhookSubscription(
    @Arg('input', () => UpdateWebhookSubscriptionInput, {
      description: 'The subscription and the fields to change.',
    })
    input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.webhooks.update({ ...input, events: wire(input.events) });
    return Object.assign(new UpdateWebhookSubscriptionPayload(), {
      subscription: r.subscription ? WebhookSubscription.from(r.subscription) : null,
      userErrors: r.userErrors as WebhookUserError[],
    });
  }

  @Mutation(() => DeleteWebhookSubscriptionPayload, {
    description:
      'Deletes one of the viewer’s subscriptions with its delivery log; pending retries are dropped.',
  })
  async deleteWebhookSubscription(
    @Arg('input', () => DeleteWebhookSubscriptionInput, { description: 'The subscription to delete.' })
    input: DeleteWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.webhooks.delete(input.subscriptionId);
    return Object.assign(new DeleteWebhookSubscriptionPayload(), {
      deletedSubscriptionId: r.deletedId ?? null,
      userErrors: r.userErrors as WebhookUserError[],
    });
  }

  @Mutation(() => ReplayWebhookDeliveryPayload, {
    description: 'Sends a finished delivery’s event again (a new delivery with the same event id).',
  })
  async replayWebhookDelivery(
    @Arg('input', () => ReplayWebhookDeliveryInput, { description: 'The delivery to send again.' })
    input: ReplayWebhookDeliveryInput,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.webhooks.replay(input.deliveryId);
    return Object.assign(new ReplayWebhookDeliveryPayload(), {
      delivery: r.delivery ? deliveryOf(r.delivery) : null,
      userErrors: r.userErrors as WebhookUserError[],
    });
  }
}
