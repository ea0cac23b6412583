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
import { mapConnection, toGlobalId } from '../../graphql/relay.js';
import { Order } from '../orders/orders.types.js';
import type { PaymentRefundEntity } from '../payments/payment.entity.js';
import { PaymentRefund } from '../payments/payments.types.js';
import { StaffMerchant } from '../platform-admin/merchants-admin.types.js';
import type { ClaimResult } from './claims.service.js';
import {
  Claim,
  ClaimAffectedUser,
  ClaimCompensation,
  ClaimConnection,
  DecideClaimInput,
  DecideClaimPayload,
  DeleteMerchantAccountInput,
  DeleteMerchantAccountPayload,
  FileClaimInput,
  FileClaimPayload,
  FreezeMerchantInput,
  FreezeMerchantPayload,
  moneyOf,
  SafeFreeze,
  SafeFreezeEffects,
  StaffClaimsFilter,
  UnfreezeMerchantInput,
  UnfreezeMerchantPayload,
} from './safe-freeze.types.js';

const refundOf = (r: PaymentRefundEntity) => PaymentRefund.from(r, r.order?.number ?? null);

@ArgsType()
class StaffClaimsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;

  @Field(() => StaffClaimsFilter, {
    nullable: true,
    description: 'What to show (default: all, newest first).',
  })
  filter?: StaffClaimsFilter | null;
}

@Resolver()
export class SafeFreezeResolver {
  @Mutation(() => FreezeMerchantPayload, {
    description:
      'Safe-freezes a store (admins only), all in one transaction: listings unpublished, activities and coupons cancelled, unpaid orders CLOSED, paid unshipped orders FAILED with full refunds through the gateway, pending and available money FROZEN; staff notified. A store already frozen: ALREADY_FROZEN and nothing changes.',
  })
  async freezeMerchant(
    @Arg('input', () => FreezeMerchantInput, {
      description: 'The request; each field is described on FreezeMerchantInput.',
    })
    input: FreezeMerchantInput,
    @Ctx() ctx: Context,
  ): Promise<FreezeMerchantPayload> {
    const r = await ctx.services.safeFreeze.freeze(input);
    return Object.assign(new FreezeMerchantPayload(), {
      merchant: r.merchant ? StaffMerchant.from(r.merchant) : null,
      effects: r.freeze ? SafeFreezeEffects.from(r.freeze) : null,
      refunds: r.refunds.map(refundOf),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => UnfreezeMerchantPayload, {
    description:
      'Lifts a store’s safe freeze (admins only; refused while a claim is open): frozen money goes back to the buckets it came from, the status returns to ACTIVE (or GENERAL_FROZEN while a general freeze runs); listings stay unpublished.',
  })
  async unfreezeMerchant(
    @Arg('input', () => UnfreezeMerchantInput, {
      description: 'The request; each field is described on UnfreezeMerchantInput.',
    })
    input: UnfreezeMerchantInput,
    @Ctx() ctx: Context,
  ): Promise<UnfreezeMerchantPayload> {
    const r = await ctx.services.safeFreeze.unfreeze(input);
    const currency = ctx.config.currency;
    return Object.assign(new UnfreezeMerchantPayload(), {
      merchant: r.merchant ? StaffMerchant.from(r.merchant) : null,
      releasedToPending: r.merchant ? moneyOf(r.toPendingMinor, currency) : null,
      releasedToAvailable: r.merchant ? moneyOf(r.toAvailableMinor, currency) : null,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => DeleteMerchantAccountPayload, {
    description:
      'Deletes a safe-frozen store’s account for good (admins only): only with no open claim and no money left (frozen, pending and available all zero, no refund under way). Its staff accounts are closed and signed out, its reviews cancelled; its history stays readable to platform staff.',
  })
  async deleteMerchantAccount(
    @Arg('input', () => DeleteMerchantAccountInput, {
      description: 'The request; each field is described on DeleteMerchantAccountInput.',
    })
    input: DeleteMerchantAccountInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteMerchantAccountPayload> {
    const r = await ctx.services.safeFreeze.deleteAccount(input);
    return Object.assign(new DeleteMerchantAccountPayload(), {
      merchant: r.merchant ? StaffMerchant.from(r.merchant) : null,
      closedStaffAccountCount: r.closedStaffAccounts,
      revokedSessionCount: r.revokedSessions,
      cancelledReviewCount: r.cancelledReviews,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => FileClaimPayload, {
    description:
      'Files a claim against a store for affected users (admins only); the store is safe-frozen in the same transaction if it is not yet, and cannot be unfrozen while the claim is open.',
  })
  async fileClaim(
    @Arg('input', () => FileClaimInput, {
      description: 'The request; each field is described on FileClaimInput.',
    })
    input: FileClaimInput,
    @Ctx() ctx: Context,
  ): Promise<FileClaimPayload> {
    const r = await ctx.services.claims.file(input);
    return Object.assign(new FileClaimPayload(), {
      claim: r.claim ? Claim.from(r.claim) : null,
      freezeEffects: r.freeze ? SafeFreezeEffects.from(r.freeze) : null,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => DecideClaimPayload, {
    description:
      'Decides and closes an open claim (admins only); COMPENSATED pays the given amounts back to the orders’ shoppers as gateway refunds out of the store’s frozen funds.',
  })
  async decideClaim(
    @Arg('input', () => DecideClaimInput, {
      description: 'The request; each field is described on DecideClaimInput.',
    })
    input: DecideClaimInput,
    @Ctx() ctx: Context,
  ): Promise<DecideClaimPayload> {
    const r: ClaimResult = await ctx.services.claims.decide(input);
    return Object.assign(new DecideClaimPayload(), {
      claim: r.claim ? Claim.from(r.claim) : null,
      refunds: r.refunds.map(refundOf),
      userErrors: r.userErrors,
    });
  }

  @Query(() => ClaimConnection, {
    description: 'Claims, newest first (admins and customer service).',
  })
  async staffClaims(@Args() args: StaffClaimsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.claims.list(args), Claim.from);
  }

  @Query(() => Claim, {
    nullable: true,
    description: 'One claim (admins and customer service); null if unknown.',
  })
  async staffClaim(
    @Arg('id', () => ID, { description: 'The claim’s global ID.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Claim | null> {
    const row = await ctx.services.claims.find(id);
    return row ? Claim.from(row) : null;
  }
}

@Resolver(() => Claim)
export class ClaimFieldsResolver {
  @FieldResolver(() => [Order], { description: 'The orders the claim is about.' })
  async orders(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Order[]> {
    return (await ctx.services.claims.ordersOfClaim(claim.row)).map(Order.from);
  }

  @FieldResolver(() => [ClaimAffectedUser], { description: 'The users the claim is filed for.' })
  async affectedUsers(@Root() claim: Claim, @Ctx() ctx: Context): Promise<ClaimAffectedUser[]> {
    return (await ctx.services.claims.usersOfClaim(claim.row)).map((u) =>
      Object.assign(new ClaimAffectedUser(), {
        id: toGlobalId('User', u.id),
        email: u.email,
        displayName: u.displayName,
      }),
    );
  }

  @FieldResolver(() => [ClaimCompensation], { description: 'What the decision paid back, per order.' })
  async compensations(@Root() claim: Claim, @Ctx() ctx: Context): Promise<ClaimCompensation[]> {
    return (await ctx.services.claims.compensationsOf(claim.row)).map((c) =>
      Object.assign(new ClaimCompensation(), {
        order: Order.from(c.order),
        amount: moneyOf(c.amountMinor, c.currency),
        refund: PaymentRefund.from(c.refund, c.order.number),
      }),
    );
  }
}

@Resolver(() => StaffMerchant)
export class StaffMerchantSafeFreezeResolver {
  @FieldResolver(() => SafeFreeze, {
    nullable: true,
    description:
      'The safe freeze in force (platform staff only; null when not frozen or for merchant staff).',
  })
  async activeSafeFreeze(@Root() merchant: StaffMerchant, @Ctx() ctx: Context): Promise<SafeFreeze | null> {
    const row = await ctx.services.safeFreeze.activeFreeze(merchant.row.id);
    return row ? SafeFreeze.from(row) : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Open claims against the store (platform staff only; null for merchant staff).',
  })
  async openClaimCount(@Root() merchant: StaffMerchant, @Ctx() ctx: Context): Promise<number | null> {
    return ctx.services.safeFreeze.openClaims(merchant.row.id);
  }
}
