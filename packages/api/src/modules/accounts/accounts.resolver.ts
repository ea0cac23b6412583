import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LocaleCode } from '../../graphql/locale.type.js';
import { Merchant } from '../catalog/catalog.types.js';
import {
  LoginInput,
  LoginPayload,
  LogoutPayload,
  RegisterInput,
  RegisterPayload,
  SetPreferredLocalePayload,
  UpdateProfileInput,
  UpdateProfilePayload,
  User,
} from './accounts.types.js';

@Resolver(() => User)
export class AccountsResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in account, or null for a guest.' })
  async viewer(@Ctx() ctx: Context): Promise<User | null> {
    const row = await ctx.services.accounts.me();
    return row ? User.from(row) : null;
  }

  @Mutation(() => LoginPayload, {
    description:
      'Signs in with email and password; merges a guest cart. Throttled per email and per network (TOO_MANY_ATTEMPTS).',
  })
  async login(
    @Arg('input', () => LoginInput, { description: 'The request; each field is described on LoginInput.' })
    input: LoginInput,
    @Ctx() ctx: Context,
  ): Promise<LoginPayload> {
    const result = await ctx.services.accounts.login(input, {
      ip: ctx.http.ip,
      cookieSession: ctx.http.sessionFromCookie === true,
    });
    if (result.token && result.expiresAt) ctx.http.setSessionCookie(result.token, result.expiresAt);
    return Object.assign(new LoginPayload(), {
      viewer: result.user ? User.from(result.user) : null,
      token: result.token,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => RegisterPayload, {
    description:
      'Creates a shopper account, signs it in (cookie and token, as `login`) and emails a link to verify the address.',
  })
  async register(
    @Arg('input', () => RegisterInput, {
      description: 'The request; each field is described on RegisterInput.',
    })
    input: RegisterInput,
    @Ctx() ctx: Context,
  ): Promise<RegisterPayload> {
    const result = await ctx.services.accounts.register(input, ctx.locale, {
      cookieSession: ctx.http.sessionFromCookie === true,
    });
    if (result.token && result.expiresAt) ctx.http.setSessionCookie(result.token, result.expiresAt);
    return Object.assign(new RegisterPayload(), {
      viewer: result.user ? User.from(result.user) : null,
      token: result.token,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => LogoutPayload, {
    description:
      'Ends the current session (server-side) and clears its cookie; `everywhere: true` ends every session of the account.',
  })
  async logout(
    @Arg('everywhere', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Also end every other session of the account (all devices).',
    })
    everywhere: boolean,
    @Ctx() ctx: Context,
  ): Promise<LogoutPayload> {
    const loggedOut = await ctx.services.accounts.logout(everywhere);
    ctx.http.clearSessionCookie();
    return Object.assign(new LogoutPayload(), { loggedOut });
  }

  @Mutation(() => UpdateProfilePayload, {
    description: 'Changes the signed-in account’s display name and phone.',
  })
  async updateProfile(
    @Arg('input', () => UpdateProfileInput, {
      description: 'The request; each field is described on UpdateProfileInput.',
    })
    input: UpdateProfileInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateProfilePayload> {
    const result = await ctx.services.accounts.updateProfile(input);
    return Object.assign(new UpdateProfilePayload(), {
      viewer: result.user ? User.from(result.user) : null,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => SetPreferredLocalePayload, { description: 'Sets the signed-in account’s language.' })
  async setPreferredLocale(
    @Arg('locale', () => LocaleCode, {
      description: 'The language for emails and the default of localized fields.',
    })
    locale: LocaleCode,
    @Ctx() ctx: Context,
  ): Promise<SetPreferredLocalePayload> {
    const user = await ctx.services.accounts.setPreferredLocale(locale);
    return Object.assign(new SetPreferredLocalePayload(), { viewer: User.from(user), userErrors: [] });
  }

  @FieldResolver(() => Merchant, {
    nullable: true,
    description: 'The store a merchant staff account works for.',
  })
  async merchant(@Root() user: User, @Ctx() ctx: Context): Promise<Merchant | null> {
    if (!user.row.merchant) return null;
    const row = await ctx.loaders.catalog.merchant.load(user.row.merchant.id);
    return row ? Merchant.from(row) : null;
  }
}
