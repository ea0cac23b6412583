import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import {
  ChangePasswordPayload,
  RequestPasswordResetPayload,
  ResendVerificationEmailPayload,
  ResetPasswordPayload,
  VerifyEmailPayload,
} from './account-security.types.js';
import { User } from './accounts.types.js';

@Resolver()
export class AccountSecurityResolver {
  @Mutation(() => VerifyEmailPayload, {
    description:
      'Confirms an email address with the token from the verification link (single use, 48 hours).',
  })
  async verifyEmail(
    @Arg('token', () => String, { description: 'The token from the link in the email.' }) token: string,
    @Ctx() ctx: Context,
  ): Promise<VerifyEmailPayload> {
    const result = await ctx.services.accountSecurity.verifyEmail(token);
    const own = result.user && ctx.viewer?.userId === result.user.id;
    return Object.assign(new VerifyEmailPayload(), {
      emailVerified: result.verified,
      viewer: own && result.user ? User.from(result.user) : null,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => ResendVerificationEmailPayload, {
    description: 'Emails the signed-in account a new verification link (at most one a minute).',
  })
  async resendVerificationEmail(@Ctx() ctx: Context): Promise<ResendVerificationEmailPayload> {
    const result = await ctx.services.accountSecurity.resendVerificationEmail();
    return Object.assign(new ResendVerificationEmailPayload(), result);
  }

  @Mutation(() => RequestPasswordResetPayload, {
    description:
      'Emails a password reset link (1 hour, single use) if an account has this address. The answer is the same either way.',
  })
  async requestPasswordReset(
    @Arg('email', () => String, {
      description: 'The account’s email address; the answer is the same whether it exists or not.',
    })
    email: string,
    @Ctx() ctx: Context,
  ): Promise<RequestPasswordResetPayload> {
    const result = await ctx.services.accountSecurity.requestPasswordReset(email);
    return Object.assign(new RequestPasswordResetPayload(), result);
  }

  @Mutation(() => ResetPasswordPayload, {
    description: 'Sets a new password with the token from a reset link; signs the account out everywhere.',
  })
  async resetPassword(
    @Arg('token', () => String, { description: 'The token from the link in the email.' }) token: string,
    @Arg('newPassword', () => String, { description: 'The new password (at least 8 characters).' })
    newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<ResetPasswordPayload> {
    const result = await ctx.services.accountSecurity.resetPassword(token, newPassword);
    return Object.assign(new ResetPasswordPayload(), {
      passwordReset: result.reset,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => ChangePasswordPayload, {
    description:
      'Changes the signed-in account’s password. Every session of the account ends; this client continues with a new session (cookie and `token`).',
  })
  async changePassword(
    @Arg('currentPassword', () => String, {
      description: 'The current password, to confirm it is the account holder.',
    })
    currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password (at least 8 characters).' })
    newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<ChangePasswordPayload> {
    const result = await ctx.services.accountSecurity.changePassword(
      { currentPassword, newPassword },
      { ip: ctx.http.ip },
    );
    if (result.session) ctx.http.setSessionCookie(result.session.token, result.session.expiresAt);
    return Object.assign(new ChangePasswordPayload(), {
      viewer: result.user ? User.from(result.user) : null,
      token: result.session?.token ?? null,
      userErrors: result.userErrors,
    });
  }
}
