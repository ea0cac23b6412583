import type { EntityManager } from '@mikro-orm/postgresql';

/** Unknown coupon codes a shopper may try within the window; then every coupon attempt is refused. */
export const COUPON_GUESS_LIMIT = 10;
export const COUPON_GUESS_WINDOW_MINUTES = 15;

// Namespace of the per-shopper advisory lock (sign-in throttle 7301/7302, order keys 7311/7312).
const SHOPPER_LOCK = 7_321;

/**
 * Decides whether a shopper may try `code` (normalised) now, and records it when no coupon has it. Under a
 * per-shopper advisory lock, in its own transaction: the record stays when the checkout is refused (that
 * is the point), and a parallel burst cannot get more unknown codes looked up than the limit. Past the
 * limit every code is refused, known ones too, so the limit cannot be used to tell codes apart.
 */
export async function reserveCouponAttempt(
  em: EntityManager,
  userId: number,
  code: string,
): Promise<{ allowed: boolean }> {
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?, ?)', [SHOPPER_LOCK, userId]);
    const [row] = await tx.execute<{ failures: number; known: boolean }[]>(
      `select (select count(*)::int from coupon_attempt
                where user_id = ? and created_at > now() - make_interval(mins => ?)) as failures,
              exists (select 1 from coupon where code = ?) as known`,
      [userId, COUPON_GUESS_WINDOW_MINUTES, code],
    );
    if ((row?.failures ?? 0) >= COUPON_GUESS_LIMIT) return { allowed: false };
    if (!row?.known) {
      await tx.execute('insert into coupon_attempt (user_id, code) values (?, ?)', [
        userId,
        code.slice(0, 64),
      ]);
    }
    return { allowed: true };
  });
}
