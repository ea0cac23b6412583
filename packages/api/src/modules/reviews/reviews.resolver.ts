import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
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
import { Order } from '../orders/orders.types.js';
import type { ReviewEntity } from './review.entity.js';
import {
  CancelReviewInput,
  CancelReviewPayload,
  CreditScore,
  ReplyToReviewInput,
  ReplyToReviewPayload,
  Review,
  ReviewConnection,
  StaffReview,
  StaffReviewConnection,
  StaffReviewsFilter,
  WriteReviewInput,
  WriteReviewPayload,
} from './reviews.types.js';

@ArgsType()
class ReviewsArgs {
  @Field(() => Int, { defaultValue: 10, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor`).' })
  after?: string | null;
}

@ArgsType()
class StaffReviewsArgs extends ReviewsArgs {
  @Field(() => StaffReviewsFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: StaffReviewsFilter | null;
}

const localeArg = {
  nullable: true,
  description: 'Language; defaults to the viewer’s or the request’s.',
} as const;

function staff(row: ReviewEntity | null): StaffReview | null {
  return row ? StaffReview.from(row) : null;
}

@Resolver(() => Review)
export class ReviewsResolver {
  @Query(() => StaffReviewConnection, {
    description:
      'Reviews, newest first: merchant staff see their own store’s, customer service and admins every store’s.',
  })
  async staffReviews(@Args() args: StaffReviewsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.reviews.staffList(args), StaffReview.from);
  }

  @Mutation(() => WriteReviewPayload, {
    description:
      'Rates one of your completed orders (1–5 stars and a text), once per order. Refused under a general freeze.',
  })
  async writeReview(
    @Arg('input', () => WriteReviewInput, {
      description: 'The request; each field is described on WriteReviewInput.',
    })
    input: WriteReviewInput,
    @Ctx() ctx: Context,
  ): Promise<WriteReviewPayload> {
    const r = await ctx.services.reviews.write(input);
    return Object.assign(new WriteReviewPayload(), {
      review: r.review ? Review.from(r.review) : null,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => ReplyToReviewPayload, {
    description:
      'The rated store’s staff answer a review publicly; replying again replaces the reply. Refused under a general or safe freeze.',
  })
  async replyToReview(
    @Arg('input', () => ReplyToReviewInput, {
      description: 'The request; each field is described on ReplyToReviewInput.',
    })
    input: ReplyToReviewInput,
    @Ctx() ctx: Context,
  ): Promise<ReplyToReviewPayload> {
    const r = await ctx.services.reviews.reply(input);
    return Object.assign(new ReplyToReviewPayload(), { review: staff(r.review), userErrors: r.userErrors });
  }

  @Mutation(() => CancelReviewPayload, {
    description: 'Cancels a review with a reason (admins): hidden and no longer counted in the credit score.',
  })
  async cancelReview(
    @Arg('input', () => CancelReviewInput, {
      description: 'The request; each field is described on CancelReviewInput.',
    })
    input: CancelReviewInput,
    @Ctx() ctx: Context,
  ): Promise<CancelReviewPayload> {
    const r = await ctx.services.reviews.cancel(input);
    return Object.assign(new CancelReviewPayload(), { review: staff(r.review), userErrors: r.userErrors });
  }

  @FieldResolver(() => [String], { description: 'Titles of what was bought in the reviewed order.' })
  async items(
    @Root() review: Review,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): Promise<string[]> {
    const lines = await ctx.loaders.orders.linesByOrder.load(review.row.order.id);
    return lines.map((l) => localized(l.productTitleEn, l.productTitleZh, locale ?? ctx.locale));
  }
}

@Resolver(() => StaffReview)
export class StaffReviewResolver {
  @FieldResolver(() => Merchant, { description: 'The rated store.' })
  async merchant(@Root() review: StaffReview, @Ctx() ctx: Context): Promise<Merchant> {
    const row = await ctx.loaders.catalog.merchant.load(review.row.merchant.id);
    if (!row) throw new Error(`merchant ${review.row.merchant.id} missing`);
    return Merchant.from(row);
  }
}

@Resolver(() => Merchant)
export class MerchantReviewsResolver {
  @FieldResolver(() => CreditScore, {
    description: 'The store’s credit score from its published reviews (see `CreditScore`).',
  })
  async creditScore(@Root() m: Merchant, @Ctx() ctx: Context): Promise<CreditScore> {
    return CreditScore.from(await ctx.loaders.reviews.creditScoreByMerchant.load(m.row.id));
  }

  @FieldResolver(() => ReviewConnection, { description: 'The store’s published reviews, newest first.' })
  async reviews(@Root() m: Merchant, @Args() args: ReviewsArgs, @Ctx() ctx: Context) {
    return mapConnection(
      await ctx.services.reviews.merchantReviews(m.row.id, args.first, args.after),
      Review.from,
    );
  }
}

@Resolver(() => Product)
export class ProductReviewsResolver {
  @FieldResolver(() => ReviewConnection, {
    description: 'Published reviews of orders that included this product, newest first.',
  })
  async reviews(@Root() p: Product, @Args() args: ReviewsArgs, @Ctx() ctx: Context) {
    return mapConnection(
      await ctx.services.reviews.productReviews(p.row.id, args.first, args.after),
      Review.from,
    );
  }
}

@Resolver(() => Order)
export class OrderReviewResolver {
  @FieldResolver(() => Review, {
    nullable: true,
    description: 'Your review of this order (also when cancelled); null if you have not reviewed it.',
  })
  async review(@Root() o: Order, @Ctx() ctx: Context): Promise<Review | null> {
    if (ctx.viewer?.userId !== o.row.user.id) return null;
    const row = await ctx.loaders.reviews.reviewByOrder.load(o.row.id);
    return row ? Review.from(row) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether `writeReview` would accept a review of this order from you now (completed, not yet reviewed).',
  })
  async viewerCanReview(@Root() o: Order, @Ctx() ctx: Context): Promise<boolean> {
    if (ctx.viewer?.userId !== o.row.user.id || o.row.status !== 'COMPLETED') return false;
    return (await ctx.loaders.reviews.reviewByOrder.load(o.row.id)) === null;
  }
}
