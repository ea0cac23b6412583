import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { User } from './accounts.types.js';
import {
  Address,
  AddressInput,
  CreateAddressPayload,
  DeleteAddressPayload,
  SetDefaultAddressPayload,
  UpdateAddressPayload,
} from './address.types.js';

/** The viewer after an address-book change, so one round trip refreshes the whole list. */
async function viewerOf(ctx: Context): Promise<User | null> {
  const row = await ctx.services.accounts.me();
  return row ? User.from(row) : null;
}

@Resolver(() => User)
export class AddressResolver {
  @FieldResolver(() => [Address], { description: 'The address book: the default first, then the newest.' })
  async addresses(@Root() user: User, @Ctx() ctx: Context): Promise<Address[]> {
    // Only the account itself reads its addresses (staff tools get their own query when needed).
    if (ctx.viewer?.userId !== user.row.id) return [];
    return (await ctx.loaders.accounts.addressesByUser.load(user.row.id)).map(Address.from);
  }

  @FieldResolver(() => Address, { nullable: true, description: 'The default address, if there is any.' })
  async defaultAddress(@Root() user: User, @Ctx() ctx: Context): Promise<Address | null> {
    if (ctx.viewer?.userId !== user.row.id) return null;
    const rows = await ctx.loaders.accounts.addressesByUser.load(user.row.id);
    const row = rows.find((r) => r.isDefault);
    return row ? Address.from(row) : null;
  }

  @Mutation(() => CreateAddressPayload, {
    description:
      'Adds an address (at most 20). The first one, or one with `setAsDefault`, becomes the default.',
  })
  async createAddress(
    @Arg('input', () => AddressInput, {
      description: 'The request; each field is described on AddressInput.',
    })
    input: AddressInput,
    @Arg('setAsDefault', () => Boolean, {
      defaultValue: false,
      description: 'Make it the default shipping address.',
    })
    setAsDefault: boolean,
    @Ctx() ctx: Context,
  ): Promise<CreateAddressPayload> {
    const result = await ctx.services.addresses.create(input, setAsDefault);
    return Object.assign(new CreateAddressPayload(), {
      address: result.address ? Address.from(result.address) : null,
      viewer: result.address ? await viewerOf(ctx) : null,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => UpdateAddressPayload, {
    description: 'Replaces the fields of one of the viewer’s addresses.',
  })
  async updateAddress(
    @Arg('id', () => ID, { description: 'Global ID of one of the viewer’s addresses.' }) id: string,
    @Arg('input', () => AddressInput, {
      description: 'The request; each field is described on AddressInput.',
    })
    input: AddressInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateAddressPayload> {
    const result = await ctx.services.addresses.update(id, input);
    return Object.assign(new UpdateAddressPayload(), {
      address: result.address ? Address.from(result.address) : null,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => DeleteAddressPayload, {
    description:
      'Deletes one of the viewer’s addresses; if it was the default, the newest remaining one becomes it.',
  })
  async deleteAddress(
    @Arg('id', () => ID, { description: 'Global ID of one of the viewer’s addresses.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<DeleteAddressPayload> {
    const result = await ctx.services.addresses.delete(id);
    return Object.assign(new DeleteAddressPayload(), {
      deletedAddressId: result.deletedId,
      viewer: result.deletedId ? await viewerOf(ctx) : null,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => SetDefaultAddressPayload, {
    description: 'Makes one of the viewer’s addresses the default.',
  })
  async setDefaultAddress(
    @Arg('id', () => ID, { description: 'Global ID of one of the viewer’s addresses.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<SetDefaultAddressPayload> {
    const result = await ctx.services.addresses.setDefault(id);
    return Object.assign(new SetDefaultAddressPayload(), {
      address: result.address ? Address.from(result.address) : null,
      viewer: result.address ? await viewerOf(ctx) : null,
      userErrors: result.userErrors,
    });
  }
}
