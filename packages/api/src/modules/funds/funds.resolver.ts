import { merchantCanBeSettled } from '@marketplace/core';
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
import { Merchant } from '../catalog/catalog.types.js';
import type { FundsView } from './funds-queries.js';
import {
  FundsOverviewFilter,
  FundsOverviewSort,
  LedgerEntriesFilter,
  LedgerEntriesSort,
  LedgerEntry,
  LedgerEntryConnection,
  MerchantFunds,
  MerchantFundsConnection,
  MerchantPayoutsFilter,
  Payout,
  PayoutConnection,
  PayoutsFilter,
  PayoutsSort,
  SettleMerchantFundsInput,
  SettleMerchantFundsPayload,
} from './funds.types.js';

@ArgsType()
class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}

@ArgsType()
class LedgerEntriesArgs extends PageArgs {
  @Field(() => LedgerEntriesFilter, { nullable: true, description: 'Narrows the entries.' })
  filter?: LedgerEntriesFilter | null;

  @Field(() => LedgerEntriesSort, { nullable: true, description: 'Default: newest first.' })
  sort?: LedgerEntriesSort | null;
}

@ArgsType()
class FundsOverviewArgs extends PageArgs {
  @Field(() => FundsOverviewFilter, { nullable: true, description: 'Narrows the stores.' })
  filter?: FundsOverviewFilter | null;

  @Field(() => FundsOverviewSort, { nullable: true, description: 'Default: most available first.' })
  sort?: FundsOverviewSort | null;
}

@ArgsType()
class StaffPayoutsArgs extends PageArgs {
  @Field(() => PayoutsFilter, { nullable: true, description: 'Narrows the payouts.' })
  filter?: PayoutsFilter | null;

  @Field(() => PayoutsSort, { nullable: true, description: 'Default: newest first.' })
  sort?: PayoutsSort | null;
}

@ArgsType()
class MerchantPayoutsArgs extends PageArgs {
  @Field(() => MerchantPayoutsFilter, { nullable: true, description: 'Narrows the payouts.' })
  filter?: MerchantPayoutsFilter | null;

  @Field(() => PayoutsSort, { nullable: true, description: 'Default: newest first.' })
  sort?: PayoutsSort | null;
}

function fundsOf(view: FundsView): MerchantFunds {
  return MerchantFunds.from(view, merchantCanBeSettled(view.merchant.status));
}

@Resolver(() => MerchantFunds)
export class FundsResolver {
  @Query(() => MerchantFunds, {
    nullable: true,
    description:
      'A store’s funds: merchant staff their own store’s (`merchantId` may be omitted; another store is null), admins any store’s.',
  })
  async merchantFunds(
    @Arg('merchantId', () => ID, { nullable: true, description: 'The store; default: the viewer’s own.' })
    merchantId: string | null,
    @Ctx() ctx: Context,
  ): Promise<MerchantFunds | null> {
    const view = await ctx.services.funds.funds(merchantId);
    return view ? fundsOf(view) : null;
  }

  @Query(() => MerchantFundsConnection, {
    description: 'Every store with its balances, for settlements (platform admins).',
  })
  async staffFundsOverview(@Args() args: FundsOverviewArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.funds.overview(args), fundsOf);
  }

  @Query(() => PayoutConnection, {
    description: 'Payouts of every store, newest first unless sorted otherwise (platform admins).',
  })
  async staffPayouts(@Args() args: StaffPayoutsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.funds.allPayouts(args), Payout.from);
  }

  @Mutation(() => SettleMerchantFundsPayload, {
    description:
      'Pays out a store’s available funds (platform admins): a payout record and its ledger entry; the store’s staff are emailed.',
  })
  async settleMerchantFunds(
    @Arg('input', () => SettleMerchantFundsInput, {
      description: 'The request; each field is described on SettleMerchantFundsInput.',
    })
    input: SettleMerchantFundsInput,
    @Ctx() ctx: Context,
  ): Promise<SettleMerchantFundsPayload> {
    const r = await ctx.services.funds.settle(input);
    return Object.assign(new SettleMerchantFundsPayload(), {
      payout: r.payout ? Payout.from(r.payout) : null,
      funds: r.funds ? fundsOf(r.funds) : null,
      userErrors: r.userErrors,
    });
  }

  @FieldResolver(() => Merchant, { description: 'The store.' })
  merchant(@Root() f: MerchantFunds): Merchant {
    return Merchant.from(f.view.merchant);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the viewer may settle this store now (an admin, a settleable store, funds available).',
  })
  viewerCanSettle(@Root() f: MerchantFunds, @Ctx() ctx: Context): boolean {
    return ctx.services.funds.canSettle(f.view);
  }

  @FieldResolver(() => LedgerEntryConnection, { description: 'The ledger behind the balances.' })
  async ledgerEntries(@Root() f: MerchantFunds, @Args() args: LedgerEntriesArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.funds.ledger(f.view.merchant.id, args), LedgerEntry.from);
  }

  @FieldResolver(() => PayoutConnection, {
    description: 'The store’s payouts, newest first unless sorted otherwise.',
  })
  async payouts(@Root() f: MerchantFunds, @Args() args: MerchantPayoutsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.funds.merchantPayouts(f.view.merchant.id, args), Payout.from);
  }
}

@Resolver(() => Payout)
export class PayoutResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Email of the admin who recorded the payout; null unless the viewer is an admin.',
  })
  createdByEmail(@Root() p: Payout, @Ctx() ctx: Context): string | null {
    return ctx.services.funds.isAdmin() ? (p.row.createdBy?.email ?? null) : null;
  }
}
