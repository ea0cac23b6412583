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
import { Merchant, Product } from '../catalog/catalog.types.js';
import type { ActivityResult } from './activities.service.js';
import {
  Activity,
  ActivityConnection,
  CancelActivityInput,
  CancelActivityPayload,
  CreateActivityInput,
  CreateActivityPayload,
  StaffActivitiesFilter,
  StaffActivitiesSort,
  UpdateActivityInput,
  UpdateActivityPayload,
} from './activities.types.js';

@ArgsType()
class StaffActivitiesArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => StaffActivitiesFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: StaffActivitiesFilter | null;

  @Field(() => StaffActivitiesSort, { nullable: true, description: 'Default: newest first.' })
  sort?: StaffActivitiesSort | null;
}

const localeArg = {
  nullable: true,
  description: 'Language; defaults to the viewer’s or the request’s.',
} as const;

@Resolver(() => Activity)
export class ActivitiesResolver {
  @Query(() => ActivityConnection, {
    description:
      'Activities in the management center: merchant staff see their store’s; customer service and admins every store’s.',
  })
  async staffActivities(@Args() args: StaffActivitiesArgs, @Ctx() ctx: Context) {
    const now = new Date();
    return mapConnection(await ctx.services.activities.list(args), (row) => Activity.from(row, now));
  }

  @Query(() => Activity, {
    nullable: true,
    description: 'One activity in the staff member’s scope, or null.',
  })
  async staffActivity(
    @Arg('id', () => ID, { description: 'The activity.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    const row = await ctx.services.activities.find(id);
    return row ? Activity.from(row) : null;
  }

  @Mutation(() => CreateActivityPayload, {
    description: 'Creates an activity of the merchant staff member’s store.',
  })
  async createActivity(
    @Arg('input', () => CreateActivityInput, {
      description: 'The request; each field is described on CreateActivityInput.',
    })
    input: CreateActivityInput,
    @Ctx() ctx: Context,
  ) {
    return payload(new CreateActivityPayload(), await ctx.services.activities.create(input));
  }

  @Mutation(() => UpdateActivityPayload, {
    description: 'Changes a scheduled activity, or ends a running one early (merchant staff of its store).',
  })
  async updateActivity(
    @Arg('input', () => UpdateActivityInput, {
      description: 'The request; each field is described on UpdateActivityInput.',
    })
    input: UpdateActivityInput,
    @Ctx() ctx: Context,
  ) {
    return payload(new UpdateActivityPayload(), await ctx.services.activities.update(input));
  }

  @Mutation(() => CancelActivityPayload, {
    description: 'Cancels a scheduled or running activity (merchant staff of its store; admins any).',
  })
  async cancelActivity(
    @Arg('input', () => CancelActivityInput, {
      description: 'The request; each field is described on CancelActivityInput.',
    })
    input: CancelActivityInput,
    @Ctx() ctx: Context,
  ) {
    return payload(new CancelActivityPayload(), await ctx.services.activities.cancel(input.activityId));
  }

  @FieldResolver(() => String, { description: 'Name in the requested language.' })
  name(
    @Root() a: Activity,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(a.row.nameEn, a.row.nameZh, locale ?? ctx.locale);
  }

  @FieldResolver(() => Merchant, { description: 'The store running it.' })
  async merchant(@Root() a: Activity, @Ctx() ctx: Context): Promise<Merchant> {
    const row = await ctx.loaders.catalog.merchant.load(a.row.merchant.id);
    if (!row) throw new Error(`merchant ${a.row.merchant.id} missing`);
    return Merchant.from(row);
  }

  @FieldResolver(() => [Product], {
    nullable: true,
    description:
      'The products it covers when it does not cover the whole store; null for shoppers (staff see them in the management center).',
  })
  async products(@Root() a: Activity, @Ctx() ctx: Context): Promise<Product[] | null> {
    if (!ctx.services.activities.canSee(a.row)) return null;
    if (a.row.allProducts) return [];
    const ids = await ctx.loaders.activities.productIdsByActivity.load(a.row.id);
    return (await ctx.services.activities.productsOf(ids)).map(Product.from);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may change it (merchant staff of its store).',
  })
  viewerCanEdit(@Root() a: Activity, @Ctx() ctx: Context): boolean {
    return ctx.services.activities.canEdit(a.row);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may cancel it (its store’s staff, admins).',
  })
  viewerCanCancel(@Root() a: Activity, @Ctx() ctx: Context): boolean {
    return ctx.services.activities.canCancel(a.row);
  }
}

function payload<P extends { activity: Activity | null; userErrors: unknown[] }>(
  target: P,
  result: ActivityResult,
): P {
  target.activity = result.activity ? Activity.from(result.activity) : null;
  target.userErrors = result.userErrors;
  return target;
}
