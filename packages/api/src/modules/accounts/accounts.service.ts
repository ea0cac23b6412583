import type { EntityManager } from '@mikro-orm/postgresql';
import { type Locale, MAX_LINE_QUANTITY } from '@marketplace/core';
import { PublicError } from '../../graphql/errors.js';
import { userError } from '../../graphql/errors.js';
import { CartEntity, CartLineEntity } from '../cart/cart.entity.js';
import { verifyPassword } from './password.js';
import { SessionEntity } from './session.entity.js';
import { openSession } from './session.service.js';
import { UserEntity } from './user.entity.js';
import type { LoginErrorCode } from './accounts.types.js';
import type { Viewer } from './viewer.js';

export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly sessionTtlDays: number,
  ) {}

  me(): Promise<UserEntity | null> {
    return this.viewer ? this.em.findOne(UserEntity, { id: this.viewer.userId }) : Promise.resolve(null);
  }

  /** Unknown email, wrong password and disabled account fail identically (and take as long). */
  async login(input: { email: string; password: string; cartToken?: string | null }) {
    const email = input.email.trim().toLowerCase();
    const user = email.length <= 320 ? await this.em.findOne(UserEntity, { email }) : null;
    const valid = await verifyPassword(user?.passwordHash ?? null, input.password.slice(0, 1024));
    if (!user || !valid || user.status !== 'ACTIVE') {
      return {
        user: null,
        token: null,
        expiresAt: null,
        userErrors: [
          userError<LoginErrorCode>('INVALID_CREDENTIALS', 'Email or password is incorrect.', ['input']),
        ],
      };
    }
    return this.em.transactional(async (em) => {
      const { token, session } = openSession(em, user, this.sessionTtlDays);
      if (input.cartToken) await mergeGuestCart(em, input.cartToken, user);
      await em.flush();
      return { user, token, expiresAt: session.expiresAt, userErrors: [] };
    });
  }

  /** Remembers the signed-in account's language (used for its emails and as the UI default). */
  async setPreferredLocale(locale: Locale): Promise<UserEntity> {
    if (!this.viewer) throw new PublicError('UNAUTHENTICATED', 'Sign in first.');
    const user = await this.em.findOneOrFail(UserEntity, { id: this.viewer.userId });
    user.locale = locale;
    await this.em.flush();
    return user;
  }

  async logout(): Promise<boolean> {
    if (!this.viewer) return false;
    const updated = await this.em.nativeUpdate(
      SessionEntity,
      { id: this.viewer.sessionId, revokedAt: null },
      { revokedAt: new Date() },
    );
    return updated > 0;
  }
}

/** Moves a guest cart's lines into the shopper's cart (quantities add up, capped at the line maximum). */
async function mergeGuestCart(em: EntityManager, token: string, user: UserEntity): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(token)) return;
  const guest = await em.findOne(CartEntity, { token: token.toLowerCase(), user: null });
  if (!guest) return;
  const cart = await em.findOne(CartEntity, { user });
  if (!cart) {
    // The guest cart simply becomes the shopper's.
    guest.user = user;
    return;
  }
  const [guestLines, ownLines] = await Promise.all([
    em.find(CartLineEntity, { cart: guest }, { populate: ['variant'] }),
    em.find(CartLineEntity, { cart }),
  ]);
  for (const line of guestLines) {
    const own = ownLines.find((l) => l.variant.id === line.variant.id);
    const stock = line.variant.stock;
    const cap = stock === null ? MAX_LINE_QUANTITY : Math.min(MAX_LINE_QUANTITY, stock);
    if (own) own.quantity = Math.max(1, Math.min(cap, own.quantity + line.quantity));
    else if (cap > 0)
      em.create(CartLineEntity, { cart, variant: line.variant, quantity: Math.min(cap, line.quantity) });
  }
  em.remove(guest);
}
