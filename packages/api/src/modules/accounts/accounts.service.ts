import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  checkDisplayName,
  checkEmail,
  checkPassword,
  checkPhone,
  type Locale,
  normalizeEmail,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { sendAccountEmail } from './account-emails.js';
import { issueAccountToken } from './account-token.js';
import type { LoginErrorCode, RegisterErrorCode, UpdateProfileErrorCode } from './accounts.types.js';
import { requireViewer } from './authorization.js';
import { isCommonPassword } from './common-passwords.js';
import { mergeGuestCart } from './guest-cart-merge.js';
import { clearAccountAttempts, reserveLoginAttempt } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionEntity } from './session.entity.js';
import { openSession } from './session.service.js';
import { SIGN_IN_STATUSES, UserEntity } from './user.entity.js';
import type { Viewer } from './viewer.js';

export type AccountsConfig = Pick<Config, 'sessionTtlDays' | 'storefrontUrl'>;

type SignedIn = { user: UserEntity; token: string; expiresAt: Date };
type LoginError = ReturnType<typeof userError<LoginErrorCode>> & { retryAfterSeconds: number | null };
type RegisterError = ReturnType<typeof userError<RegisterErrorCode>>;
type ProfileError = ReturnType<typeof userError<UpdateProfileErrorCode>>;

export const verifyEmailLink = (config: AccountsConfig, token: string) =>
  `${config.storefrontUrl}/verify-email?token=${encodeURIComponent(token)}`;

/** Sign-in, sign-out, registration and the profile of the signed-in account. */
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: AccountsConfig,
  ) {}

  me(): Promise<UserEntity | null> {
    return this.viewer ? this.em.findOne(UserEntity, { id: this.viewer.userId }) : Promise.resolve(null);
  }

  /**
   * Unknown email, wrong password and disabled account fail identically (and take as long).
   * Throttled per email and per client IP before the password is looked at.
   */
  async login(
    input: { email: string; password: string; cartToken?: string | null },
    client: { ip: string; cookieSession?: boolean },
  ): Promise<
    (SignedIn & { userErrors: [] }) | { user: null; token: null; expiresAt: null; userErrors: LoginError[] }
  > {
    const fail = (code: LoginErrorCode, message: string, retryAfterSeconds: number | null = null) => ({
      user: null,
      token: null,
      expiresAt: null,
      userErrors: [{ ...userError(code, message, ['input']), retryAfterSeconds }],
    });
    const email = normalizeEmail(input.email).slice(0, 320);
    const throttle = await reserveLoginAttempt(this.em, { email, ip: client.ip });
    if (!throttle.allowed) {
      const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
      return fail(
        'TOO_MANY_ATTEMPTS',
        `Too many unsuccessful sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        throttle.retryAfterSeconds,
      );
    }
    const user = await this.em.findOne(UserEntity, { email });
    const valid = await verifyPassword(user?.passwordHash ?? null, input.password.slice(0, 1024));
    if (!user || !valid || !SIGN_IN_STATUSES.includes(user.status)) {
      return fail('INVALID_CREDENTIALS', 'Email or password is incorrect.');
    }
    return this.em.transactional(async (em) => {
      await clearAccountAttempts(em, email);
      const signedIn = await this.signIn(em, user, input.cartToken, client.cookieSession);
      return { ...signedIn, userErrors: [] as [] };
    });
  }

  /** Creates a shopper, signs it in (like `login`) and emails a verification link, all or nothing. */
  async register(
    input: {
      email: string;
      password: string;
      displayName: string;
      phone?: string | null;
      locale?: Locale | null;
      cartToken?: string | null;
    },
    fallbackLocale: Locale,
    client: { cookieSession?: boolean } = {},
  ): Promise<
    | (SignedIn & { userErrors: [] })
    | { user: null; token: null; expiresAt: null; userErrors: RegisterError[] }
  > {
    const refused = (userErrors: RegisterError[]) => ({
      user: null,
      token: null,
      expiresAt: null,
      userErrors,
    });
    const email = checkEmail(input.email);
    const password = checkPassword(input.password, {
      email: email.ok ? email.value : input.email,
      isCommon: isCommonPassword,
    });
    const displayName = checkDisplayName(input.displayName);
    const phone = checkPhone(input.phone);
    const problems: RegisterError[] = [];
    if (!email.ok) problems.push(userError('INVALID_EMAIL', email.error.message, ['input', 'email']));
    if (!password.ok)
      problems.push(userError('WEAK_PASSWORD', password.error.message, ['input', 'password']));
    if (!displayName.ok) {
      problems.push(userError('INVALID_DISPLAY_NAME', displayName.error.message, ['input', 'displayName']));
    }
    if (!phone.ok) problems.push(userError('INVALID_PHONE', phone.error.message, ['input', 'phone']));
    if (!email.ok || !password.ok || !displayName.ok || !phone.ok) return refused(problems);

    const taken = () =>
      refused([
        userError('EMAIL_TAKEN', 'An account with this email address already exists.', ['input', 'email']),
      ]);
    if (await this.em.count(UserEntity, { email: email.value })) return taken();
    const passwordHash = await hashPassword(password.value);
    try {
      return await inTransaction(this.em, async (em) => {
        const user = em.create(UserEntity, {
          email: email.value,
          passwordHash,
          displayName: displayName.value,
          phone: phone.value,
          locale: input.locale ?? fallbackLocale,
          role: 'SHOPPER',
        });
        await em.flush();
        const token = issueAccountToken(em, user, 'VERIFY_EMAIL');
        await sendAccountEmail(em, user, {
          template: 'accounts.verify-email',
          link: verifyEmailLink(this.config, token),
        });
        const signedIn = await this.signIn(em, user, input.cartToken, client.cookieSession);
        return { ...signedIn, userErrors: [] as [] };
      });
    } catch (error) {
      // Two registrations of one address raced past the check above: the unique index decides.
      if (error instanceof UniqueConstraintViolationException) return taken();
      throw error;
    }
  }

  /**
   * Always a new session with a new random token: whatever session cookie or token came with the request
   * is never promoted (no session fixation). A session named by the request's **cookie** is revoked: the
   * new cookie replaces it in the browser, so signing in again, or as someone else, ends the previous
   * session instead of leaving it usable by whoever else holds it. A bearer client keeps its other tokens:
   * holding several is its own choice.
   */
  private async signIn(
    em: EntityManager,
    user: UserEntity,
    cartToken?: string | null,
    cookieSession = false,
  ): Promise<SignedIn> {
    if (cookieSession && this.viewer && !this.viewer.apiKey && this.viewer.sessionId > 0) {
      await em.nativeUpdate(
        SessionEntity,
        { id: this.viewer.sessionId, revokedAt: null },
        { revokedAt: new Date() },
      );
    }
    const { token, session } = openSession(em, user, this.config.sessionTtlDays);
    if (cartToken) await mergeGuestCart(em, cartToken, user);
    await em.flush();
    return { user, token, expiresAt: session.expiresAt };
  }

  async updateProfile(input: {
    displayName: string;
    phone?: string | null;
  }): Promise<{ user: UserEntity | null; userErrors: ProfileError[] }> {
    const viewer = requireViewer(this.viewer);
    const displayName = checkDisplayName(input.displayName);
    const phone = checkPhone(input.phone);
    const userErrors: ProfileError[] = [];
    if (!displayName.ok) {
      userErrors.push(userError('INVALID_DISPLAY_NAME', displayName.error.message, ['input', 'displayName']));
    }
    if (!phone.ok) userErrors.push(userError('INVALID_PHONE', phone.error.message, ['input', 'phone']));
    if (!displayName.ok || !phone.ok) return { user: null, userErrors };
    return inTransaction(this.em, async (em) => {
      const user = await em.findOneOrFail(UserEntity, { id: viewer.userId });
      user.displayName = displayName.value;
      // Omitted: unchanged; null or blank: removed.
      if (input.phone !== undefined) user.phone = phone.value;
      await em.flush();
      return { user, userErrors: [] };
    });
  }

  /** Remembers the signed-in account's language (used for its emails and as the UI default). */
  async setPreferredLocale(locale: Locale): Promise<UserEntity> {
    const viewer = requireViewer(this.viewer);
    const user = await this.em.findOneOrFail(UserEntity, { id: viewer.userId });
    user.locale = locale;
    await this.em.flush();
    return user;
  }

  /** Revokes this session, or with `everywhere` every session of the account (other devices too). */
  async logout(everywhere = false): Promise<boolean> {
    if (!this.viewer || this.viewer.apiKey) return false;
    const updated = await this.em.nativeUpdate(
      SessionEntity,
      everywhere
        ? { user: this.viewer.userId, revokedAt: null }
        : { id: this.viewer.sessionId, revokedAt: null },
      { revokedAt: new Date() },
    );
    return updated > 0;
  }
}
