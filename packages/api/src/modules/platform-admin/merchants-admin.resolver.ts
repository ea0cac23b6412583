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
import { mapConnection } from '../../graphql/relay.js';
import { User } from '../accounts/accounts.types.js';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import {
  CreateMerchantInput,
  CreateMerchantPayload,
  MerchantStats,
  MerchantStatusChange,
  MerchantStatusPayload,
  StaffMerchant,
  StaffMerchantConnection,
  StaffMerchantsFilter,
  StaffMerchantsSort,
  UpdateMerchantInput,
  UpdateMerchantPayload,
} from './merchants-admin.types.js';

@ArgsType()
class StaffMerchantsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;

  @Field(() => StaffMerchantsFilter, { nullable: true, description: 'What to show.' })
  filter?: StaffMerchantsFilter | null;

  @Field(() => StaffMerchantsSort, { nullable: true, description: 'Default: newest first.' })
  sort?: StaffMerchantsSort | null;
}

const merchantOrNull = (row: MerchantEntity | null) => (row ? StaffMerchant.from(row) : null);

@Resolver(() => StaffMerchant)
export class MerchantsAdminResolver {
  @Query(() => StaffMerchantConnection, {
    description:
      'Stores for the merchants page: admins and customer service see all; merchant staff only their own.',
  })
  async staffMerchants(@Args() args: StaffMerchantsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.merchantsAdmin.listStaffMerchants(args), StaffMerchant.from);
  }

  @Query(() => StaffMerchant, {
    nullable: true,
    description: 'One store: any for platform staff, only their own for merchant staff (otherwise null).',
  })
  async staffMerchant(
    @Arg('id', () => ID, { description: 'The store’s global ID.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<StaffMerchant | null> {
    return merchantOrNull(await ctx.services.merchantsAdmin.findStaffMerchant(id));
  }

  @Mutation(() => CreateMerchantPayload, {
    description:
      'Creates an ACTIVE store and its owner account, who gets an invitation email (admins only; one transaction).',
  })
  async createMerchant(
    @Arg('input', () => CreateMerchantInput, {
      description: 'The request; each field is described on CreateMerchantInput.',
    })
    input: CreateMerchantInput,
    @Ctx() ctx: Context,
  ): Promise<CreateMerchantPayload> {
    const r = await ctx.services.merchantsAdmin.createMerchant(input);
    return Object.assign(new CreateMerchantPayload(), {
      merchant: merchantOrNull(r.merchant),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => UpdateMerchantPayload, {
    description:
      'Changes a store’s names and descriptions: admins any store; its owner their own while it may edit (not frozen or disabled).',
  })
  async updateMerchant(
    @Arg('id', () => ID, { description: 'The store’s global ID.' }) id: string,
    @Arg('input', () => UpdateMerchantInput, {
      description: 'The request; each field is described on UpdateMerchantInput.',
    })
    input: UpdateMerchantInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateMerchantPayload> {
    const r = await ctx.services.merchantsAdmin.updateMerchant(id, input);
    return Object.assign(new UpdateMerchantPayload(), {
      merchant: merchantOrNull(r.merchant),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => MerchantStatusPayload, {
    description:
      'Closes a store (admins): its listings leave the storefront and its unpaid orders close; refused while paid orders are open.',
  })
  async disableMerchant(
    @Arg('id', () => ID, { description: 'The store’s global ID.' }) id: string,
    @Arg('reason', { description: 'Why (1–500 characters); recorded.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<MerchantStatusPayload> {
    const r = await ctx.services.merchantsAdmin.disableMerchant(id, reason);
    return Object.assign(new MerchantStatusPayload(), {
      merchant: merchantOrNull(r.merchant),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => MerchantStatusPayload, {
    description: 'Opens a disabled store again (admins); its published listings are back on sale.',
  })
  async enableMerchant(
    @Arg('id', () => ID, { description: 'The store’s global ID.' }) id: string,
    @Arg('reason', { description: 'Why (1–500 characters); recorded.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<MerchantStatusPayload> {
    const r = await ctx.services.merchantsAdmin.enableMerchant(id, reason);
    return Object.assign(new MerchantStatusPayload(), {
      merchant: merchantOrNull(r.merchant),
      userErrors: r.userErrors,
    });
  }

  @FieldResolver(() => MerchantStats, { description: 'Products, orders per status and team size.' })
  async stats(@Root() m: StaffMerchant, @Ctx() ctx: Context): Promise<MerchantStats> {
    return Object.assign(new MerchantStats(), await ctx.services.merchantsAdmin.stats(m.row));
  }

  @FieldResolver(() => [MerchantStatusChange], {
    description: 'Disables and enables of the store, newest first (empty for merchant staff).',
  })
  async statusHistory(@Root() m: StaffMerchant, @Ctx() ctx: Context): Promise<MerchantStatusChange[]> {
    return (await ctx.services.merchantsAdmin.statusHistory(m.row)).map(MerchantStatusChange.from);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The store’s owner account.' })
  async owner(@Root() m: StaffMerchant, @Ctx() ctx: Context): Promise<User | null> {
    const row = await ctx.services.merchantsAdmin.owner(m.row);
    return row ? User.from(row) : null;
  }
}
