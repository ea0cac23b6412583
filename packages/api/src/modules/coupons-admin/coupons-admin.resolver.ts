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
import { Merchant } from '../catalog/catalog.types.js';
import type { CouponEntity } from '../coupons/coupon.entity.js';
import type { CouponResult } from './coupons-admin.service.js';
import {
  Coupon,
  CouponConnection,
  CouponIdInput,
  CreateCouponInput,
  CreateCouponPayload,
  DeactivateCouponPayload,
  ReactivateCouponPayload,
  StaffCouponsFilter,
  StaffCouponsSort,
  UpdateCouponInput,
  UpdateCouponPayload,
} from './coupons-admin.types.js';

@ArgsType()
class StaffCouponsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => StaffCouponsFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: StaffCouponsFilter | null;

  @Field(() => StaffCouponsSort, { nullable: true, description: 'Default: newest first.' })
  sort?: StaffCouponsSort | null;
}

@Resolver(() => Coupon)
export class CouponsAdminResolver {
  @Query(() => CouponConnection, {
    description:
      'Coupons in the management center: merchant staff see their store’s; customer service and admins every coupon.',
  })
  async staffCoupons(@Args() args: StaffCouponsArgs, @Ctx() ctx: Context) {
    const service = ctx.services.couponsAdmin;
    const now = new Date();
    return mapConnection(await service.list(args), (row) => Coupon.from(row, service.stateOf(row, now)));
  }

  @Query(() => Coupon, { nullable: true, description: 'One coupon in the staff member’s scope, or null.' })
  async staffCoupon(@Arg('id', () => ID, { description: 'The coupon.' }) id: string, @Ctx() ctx: Context) {
    const row = await ctx.services.couponsAdmin.find(id);
    return row ? Coupon.from(row, ctx.services.couponsAdmin.stateOf(row)) : null;
  }

  @Mutation(() => CreateCouponPayload, {
    description:
      'Creates a coupon: a store coupon for merchant staff (their store), a platform coupon for admins.',
  })
  async createCoupon(
    @Arg('input', () => CreateCouponInput, {
      description: 'The request; each field is described on CreateCouponInput.',
    })
    input: CreateCouponInput,
    @Ctx() ctx: Context,
  ) {
    return payload(new CreateCouponPayload(), await ctx.services.couponsAdmin.create(input), ctx);
  }

  @Mutation(() => UpdateCouponPayload, {
    description: 'Changes a coupon (merchant staff: their store’s; admins: platform coupons).',
  })
  async updateCoupon(
    @Arg('input', () => UpdateCouponInput, {
      description: 'The request; each field is described on UpdateCouponInput.',
    })
    input: UpdateCouponInput,
    @Ctx() ctx: Context,
  ) {
    return payload(new UpdateCouponPayload(), await ctx.services.couponsAdmin.update(input), ctx);
  }

  @Mutation(() => DeactivateCouponPayload, {
    description: 'Stops a coupon from being used (merchant staff: their store’s; admins: any coupon).',
  })
  async deactivateCoupon(
    @Arg('input', () => CouponIdInput, {
      description: 'The request; each field is described on CouponIdInput.',
    })
    input: CouponIdInput,
    @Ctx() ctx: Context,
  ) {
    return payload(
      new DeactivateCouponPayload(),
      await ctx.services.couponsAdmin.deactivate(input.couponId),
      ctx,
    );
  }

  @Mutation(() => ReactivateCouponPayload, {
    description:
      'Makes a deactivated coupon usable again (merchant staff: their store’s; admins: platform coupons).',
  })
  async reactivateCoupon(
    @Arg('input', () => CouponIdInput, {
      description: 'The request; each field is described on CouponIdInput.',
    })
    input: CouponIdInput,
    @Ctx() ctx: Context,
  ) {
    return payload(
      new ReactivateCouponPayload(),
      await ctx.services.couponsAdmin.reactivate(input.couponId),
      ctx,
    );
  }

  @FieldResolver(() => Merchant, {
    nullable: true,
    description: 'The store of a store coupon; null for platform coupons.',
  })
  async merchant(@Root() c: Coupon, @Ctx() ctx: Context): Promise<Merchant | null> {
    if (!c.row.merchant) return null;
    const row = await ctx.loaders.catalog.merchant.load(c.row.merchant.id);
    return row ? Merchant.from(row) : null;
  }

  @FieldResolver(() => String, { description: 'The description in the requested language.' })
  description(
    @Root() c: Coupon,
    @Arg('locale', () => LocaleCode, { nullable: true, description: 'Language; defaults to the viewer’s.' })
    locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): string {
    return localized(c.row.descriptionEn, c.row.descriptionZh, locale ?? ctx.locale);
  }

  @FieldResolver(() => Int, {
    description:
      'Redemptions ever recorded, including uses given back by closed orders. After the first, code, kind and value are fixed.',
  })
  redemptionCount(@Root() c: Coupon, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.couponsAdmin.redemptionCount(c.row);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit and reactivate this coupon.' })
  viewerCanEdit(@Root() c: Coupon, @Ctx() ctx: Context): boolean {
    return ctx.services.couponsAdmin.canEdit(c.row);
  }
}

function payload<P extends { coupon: Coupon | null; userErrors: unknown[] }>(
  target: P,
  result: CouponResult,
  ctx: Context,
): P {
  const row: CouponEntity | null = result.coupon;
  target.coupon = row ? Coupon.from(row, ctx.services.couponsAdmin.stateOf(row)) : null;
  target.userErrors = result.userErrors;
  return target;
}
