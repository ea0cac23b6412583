import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LocaleCode, localized } from '../../graphql/locale.type.js';
import {
  ContactRequest,
  HelpArticle,
  SubmitContactRequestInput,
  SubmitContactRequestPayload,
} from './help.types.js';

const localeArg = {
  nullable: true,
  description: 'Language; defaults to the list query’s, then the viewer’s or the request’s.',
} as const;

@Resolver(() => HelpArticle)
export class HelpResolver {
  @Query(() => [HelpArticle], { description: 'The published help-center articles, in help-center order.' })
  async helpArticles(
    @Arg('locale', () => LocaleCode, {
      nullable: true,
      description: 'Default language of the articles’ text fields.',
    })
    locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): Promise<HelpArticle[]> {
    return (await ctx.services.help.listArticles()).map((row) => HelpArticle.from(row, locale));
  }

  @Query(() => HelpArticle, { nullable: true, description: 'A published help-center article by its slug.' })
  async helpArticle(
    @Arg('slug', () => String, { description: 'The article’s URL slug.' }) slug: string,
    @Ctx() ctx: Context,
  ): Promise<HelpArticle | null> {
    const row = await ctx.services.help.findArticle(slug);
    return row ? HelpArticle.from(row) : null;
  }

  @Mutation(() => SubmitContactRequestPayload, {
    description:
      'Sends a message to customer service (guests and shoppers); the sender gets an acknowledgement email.',
  })
  async submitContactRequest(
    @Arg('input', () => SubmitContactRequestInput, {
      description: 'The request; each field is described on SubmitContactRequestInput.',
    })
    input: SubmitContactRequestInput,
    @Ctx() ctx: Context,
  ): Promise<SubmitContactRequestPayload> {
    const result = await ctx.services.help.submitContactRequest(input, {
      ip: ctx.http.ip,
      locale: ctx.locale,
    });
    return Object.assign(new SubmitContactRequestPayload(), {
      contactRequest: result.contactRequest ? ContactRequest.from(result.contactRequest) : null,
      userErrors: result.userErrors,
    });
  }

  @FieldResolver(() => String, { description: 'Title.' })
  title(
    @Root() a: HelpArticle,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): string {
    return localized(a.row.titleEn, a.row.titleZh, locale ?? a.locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'One or two sentences saying what the article answers.' })
  summary(
    @Root() a: HelpArticle,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): string {
    return localized(a.row.summaryEn, a.row.summaryZh, locale ?? a.locale ?? ctx.locale);
  }

  @FieldResolver(() => String, {
    description:
      'Plain text, never HTML: blocks separated by a blank line; a block of `- ` lines is a bullet list, of `1. ` lines a numbered list; a line starting with `## ` is a subheading.',
  })
  body(
    @Root() a: HelpArticle,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ): string {
    return localized(a.row.bodyEn, a.row.bodyZh, locale ?? a.locale ?? ctx.locale);
  }
}
