import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkEmail, checkPassword } from '@marketplace/core';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { enqueue } from '../../jobs/job-queue.js';
import { sendAccountEmail } from './account-emails.js';
import { AccountTokenEntity } from './account-token.entity.js';
import { findUsableToken, issueAccountToken, retireTokens } from './account-token.js';
import type {
  ChangePasswordErrorCode,
  ResendVerificationEmailErrorCode,
  ResetPasswordErrorCode,
  VerifyEmailErrorCode,
} from './account-security.types.js';
import { type AccountsConfig, verifyEmailLink } from './accounts.service.js';
import { requireViewer } from './authorization.js';
import { isCommonPassword } from './common-passwords.js';
import { clearAccountAttempts, reserveLoginAttempt } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionEntity } from './session.entity.js';
import { openSession } from './session.service.js';
import { UserEntity } from './user.entity.js';
import type { Viewer } from './viewer.js';

export const SEND_PASSWORD_RESET = 'accounts.send-password-reset';
/** One verification or reset email per account per minute at most. */
export const EMAIL_INTERVAL_SECONDS = 60;

const TOKEN_MESSAGES = {
  INVALID_TOKEN: 'This link is not valid or has already been used.',
  EXPIRED_TOKEN: 'This link has expired. Ask for a new one.',
} as const;

export const resetPasswordLink = (config: AccountsConfig, token: string) =>
  `${config.storefrontUrl}/reset-password?token=${encodeURIComponent(token)}`;

type Err<C extends string> = ReturnType<typeof userError<C>>;

/** Proving the email address, and changing or recovering the password. */
export class AccountSecurityService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: AccountsConfig,
  ) {}

  /** Marks the link's account verified; using a link of an already verified account changes nothing. */
  async verifyEmail(
    token: string,
  ): Promise<{ verified: boolean; user: UserEntity | null; userErrors: Err<VerifyEmailErrorCode>[] }> {
    return inTransaction(this.em, async (em) => {
      const found = await findUsableToken(em, token, 'VERIFY_EMAIL');
      if (!found.ok) {
        const { problem } = found;
        return {
          verified: false,
          user: null,
          userErrors: [userError(problem, TOKEN_MESSAGES[problem], ['token'])],
        };
      }
      const { row } = found;
      row.usedAt = new Date();
      row.user.emailVerifiedAt ??= new Date();
      await em.flush();
      return { verified: true, user: row.user, userErrors: [] };
    });
  }

  async resendVerificationEmail(): Promise<{
    sent: boolean;
    userErrors: (Err<ResendVerificationEmailErrorCode> & { retryAfterSeconds: number | null })[];
  }> {
    const viewer = requireViewer(this.viewer);
    return inTransaction(this.em, async (em) => {
      // Locking the account serialises two clicks: only one of them sends.
      const user = await em.findOneOrFail(
        UserEntity,
        { id: viewer.userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (user.emailVerifiedAt) {
        return {
          sent: false,
          userErrors: [
            {
              ...userError('ALREADY_VERIFIED', 'Your email address is already verified.'),
              retryAfterSeconds: null,
            },
          ],
        };
      }
      const wait = await secondsUntilNextEmail(em, user, 'VERIFY_EMAIL');
      if (wait > 0) {
        return {
          sent: false,
          userErrors: [
            {
              ...userError('TOO_SOON', `An email was just sent. You can ask for another in ${wait} seconds.`),
              retryAfterSeconds: wait,
            },
          ],
        };
      }
      const token = issueAccountToken(em, user, 'VERIFY_EMAIL');
      await sendAccountEmail(em, user, {
        template: 'accounts.verify-email',
        link: verifyEmailLink(this.config, token),
      });
      return { sent: true, userErrors: [] };
    });
  }

  /**
   * Answers the same for every well-formed address. The lookup and the email happen in a job, so
   * neither the answer nor its timing tells whether an account exists.
   */
  async requestPasswordReset(
    rawEmail: string,
  ): Promise<{ requested: boolean; userErrors: Err<'INVALID_EMAIL'>[] }> {
    const email = checkEmail(rawEmail);
    if (!email.ok) {
      return { requested: false, userErrors: [userError('INVALID_EMAIL', email.error.message, ['email'])] };
    }
    await this.em.transactional((em) =>
      // A repeated request while one is pending replaces it (same job key): one email, not many.
      enqueue(em, SEND_PASSWORD_RESET, { email: email.value }, { jobKey: `password-reset:${email.value}` }),
    );
    return { requested: true, userErrors: [] };
  }

  /** Sets a new password with an emailed link; every session of the account ends. */
  async resetPassword(
    token: string,
    newPassword: string,
  ): Promise<{ reset: boolean; userErrors: Err<ResetPasswordErrorCode>[] }> {
    return inTransaction(this.em, async (em) => {
      const found = await findUsableToken(em, token, 'RESET_PASSWORD');
      if (!found.ok) {
        const { problem } = found;
        return { reset: false, userErrors: [userError(problem, TOKEN_MESSAGES[problem], ['token'])] };
      }
      const { row } = found;
      const { user } = row;
      const password = checkPassword(newPassword, { email: user.email, isCommon: isCommonPassword });
      if (!password.ok) {
        // Nothing changes and the link stays usable for a better password.
        throw new Refusal({
          reset: false,
          userErrors: [userError('WEAK_PASSWORD', password.error.message, ['newPassword'])],
        });
      }
      user.passwordHash = await hashPassword(password.value);
      row.usedAt = new Date();
      // Receiving the link proves the address too.
      user.emailVerifiedAt ??= new Date();
      await retireTokens(em, user, 'RESET_PASSWORD');
      await em.nativeUpdate(SessionEntity, { user, revokedAt: null }, { revokedAt: new Date() });
      await clearAccountAttempts(em, user.email);
      await sendAccountEmail(em, user, {
        template: 'accounts.password-changed',
        at: new Date(),
        everywhere: true,
        resetLink: `${this.config.storefrontUrl}/forgot-password`,
      });
      await em.flush();
      return { reset: true, userErrors: [] };
    });
  }

  /**
   * Needs the current password (throttled like sign-in). Every session of the account ends, this one
   * included; this client gets a new session (rotation: a session id never outlives a password change).
   */
  async changePassword(
    input: { currentPassword: string; newPassword: string },
    client: { ip: string },
  ): Promise<{
    user: UserEntity | null;
    session?: { token: string; expiresAt: Date };
    userErrors: (Err<ChangePasswordErrorCode> & { retryAfterSeconds: number | null })[];
  }> {
    const viewer = requireViewer(this.viewer);
    const refuse = (
      code: ChangePasswordErrorCode,
      message: string,
      field: string,
      retryAfterSeconds: number | null = null,
    ) => ({
      user: null,
      userErrors: [{ ...userError(code, message, [field]), retryAfterSeconds }],
    });
    const user = await this.em.findOneOrFail(UserEntity, { id: viewer.userId });
    const password = checkPassword(input.newPassword, { email: user.email, isCommon: isCommonPassword });
    if (!password.ok) return refuse('WEAK_PASSWORD', password.error.message, 'newPassword');

    const throttle = await reserveLoginAttempt(this.em, { email: user.email, ip: client.ip });
    if (!throttle.allowed) {
      return refuse(
        'TOO_MANY_ATTEMPTS',
        'Too many wrong passwords. Try again later.',
        'currentPassword',
        throttle.retryAfterSeconds,
      );
    }
    if (!(await verifyPassword(user.passwordHash, input.currentPassword.slice(0, 1024)))) {
      return refuse('WRONG_PASSWORD', 'Your current password is not right.', 'currentPassword');
    }
    await clearAccountAttempts(this.em, user.email);
    if (input.newPassword === input.currentPassword) {
      return refuse('SAME_PASSWORD', 'Choose a password different from the current one.', 'newPassword');
    }
    const passwordHash = await hashPassword(password.value);
    return inTransaction(this.em, async (em) => {
      const fresh = await em.findOneOrFail(UserEntity, { id: viewer.userId });
      fresh.passwordHash = passwordHash;
      await retireTokens(em, fresh, 'RESET_PASSWORD');
      await em.nativeUpdate(SessionEntity, { user: fresh, revokedAt: null }, { revokedAt: new Date() });
      const { token, session } = openSession(em, fresh, this.config.sessionTtlDays);
      await sendAccountEmail(em, fresh, {
        template: 'accounts.password-changed',
        at: new Date(),
        everywhere: false,
        resetLink: `${this.config.storefrontUrl}/forgot-password`,
      });
      await em.flush();
      return { user: fresh, session: { token, expiresAt: session.expiresAt }, userErrors: [] };
    });
  }
}

/** Seconds until another email of this kind may go to the account (0: now). */
export async function secondsUntilNextEmail(
  em: EntityManager,
  user: UserEntity,
  purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD',
): Promise<number> {
  const last = await em.findOne(AccountTokenEntity, { user, purpose }, { orderBy: { createdAt: 'desc' } });
  if (!last) return 0;
  const elapsed = (Date.now() - last.createdAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(EMAIL_INTERVAL_SECONDS - elapsed));
}
