import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection } from '../../graphql/relay.js';
import type { HelpArticleEntity } from './help-article.entity.js';
import {
  HelpArticleInput,
  HelpArticlePayload,
  StaffHelpArticle,
  StaffHelpArticleConnection,
  StaffHelpArticlesFilter,
  StaffHelpArticlesSort,
} from './help-admin.types.js';

@ArgsType()
class StaffHelpArticlesArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;

  @Field(() => StaffHelpArticlesFilter, { nullable: true, description: 'What to show.' })
  filter?: StaffHelpArticlesFilter | null;

  @Field(() => StaffHelpArticlesSort, {
    nullable: true,
    description: 'Default: help-center order (the storefront’s).',
  })
  sort?: StaffHelpArticlesSort | null;
}

const payload = (r: { article: HelpArticleEntity | null; userErrors: HelpArticlePayload['userErrors'] }) =>
  Object.assign(new HelpArticlePayload(), {
    article: r.article ? StaffHelpArticle.from(r.article) : null,
    userErrors: r.userErrors,
  });

@Resolver(() => StaffHelpArticle)
export class HelpAdminResolver {
  @Query(() => StaffHelpArticleConnection, {
    description:
      'Every help-center article, drafts included, in help-center order unless sorted otherwise (admins only).',
  })
  async staffHelpArticles(@Args() args: StaffHelpArticlesArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.helpAdmin.list(args), StaffHelpArticle.from);
  }

  @Query(() => StaffHelpArticle, { nullable: true, description: 'One article for the editor (admins only).' })
  async staffHelpArticle(
    @Arg('id', () => ID, { description: 'The article’s global ID.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<StaffHelpArticle | null> {
    const row = await ctx.services.helpAdmin.find(id);
    return row ? StaffHelpArticle.from(row) : null;
  }

  @Mutation(() => HelpArticlePayload, {
    description: 'Creates an unpublished draft (admins only); slug, topic and one title are required.',
  })
  async createHelpArticle(
    @Arg('input', () => HelpArticleInput, {
      description: 'The request; each field is described on HelpArticleInput.',
    })
    input: HelpArticleInput,
    @Ctx() ctx: Context,
  ): Promise<HelpArticlePayload> {
    return payload(await ctx.services.helpAdmin.create({ ...input, slug: input.slug ?? '' }));
  }

  @Mutation(() => HelpArticlePayload, {
    description:
      'Changes the given fields (admins only); a published article must stay complete in both languages.',
  })
  async updateHelpArticle(
    @Arg('id', () => ID, { description: 'The article’s global ID.' }) id: string,
    @Arg('input', () => HelpArticleInput, {
      description: 'The request; each field is described on HelpArticleInput.',
    })
    input: HelpArticleInput,
    @Ctx() ctx: Context,
  ): Promise<HelpArticlePayload> {
    return payload(await ctx.services.helpAdmin.update(id, input));
  }

  @Mutation(() => HelpArticlePayload, {
    description: 'Shows the article in the help center (admins only); needs every field in both languages.',
  })
  async publishHelpArticle(
    @Arg('id', () => ID, { description: 'The article’s global ID.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<HelpArticlePayload> {
    return payload(await ctx.services.helpAdmin.setPublished(id, true));
  }

  @Mutation(() => HelpArticlePayload, {
    description: 'Takes the article out of the help center (admins only).',
  })
  async unpublishHelpArticle(
    @Arg('id', () => ID, { description: 'The article’s global ID.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<HelpArticlePayload> {
    return payload(await ctx.services.helpAdmin.setPublished(id, false));
  }
}
