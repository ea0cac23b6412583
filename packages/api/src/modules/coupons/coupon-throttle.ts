import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Unknown coupon codes allowed within the window per shopper account and per client address (several
 * accounts behind one address share the larger budget); past either, every coupon attempt is refused.
 */
export const COUPON_GUESS_LIMIT = { perShopper: 10, perAddress: 30 } as const;
export const COUPON_GUESS_WINDOW_MINUTES = 15;

// Namespaces of the advisory locks (sign-in throttle 7301/7302, order keys 7311/7312).
const SHOPPER_LOCK = 7_321;
const ADDRESS_LOCK = 7_322;

/**
 * Decides whether a shopper may try `code` (normalised) now, and records it when no coupon has it. Under
 * per-shopper then per-address advisory locks (always in that order, so two attempts never deadlock), in its
 * own transaction: the record stays when the checkout is refused (that is the point), and a parallel burst
 * cannot get more unknown codes looked up than the limit. Past the limit every code is refused, known ones
 * too, so the throttle cannot be used to tell real codes from guesses.
 */
export async function reserveCouponAttempt(
  em: EntityManager,
  who: { userId: number; ip: string },
  code: string,
): Promise<{ allowed: boolean }> {
  const ip = (who.ip || 'unknown').slice(0, 64);
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?, ?)', [SHOPPER_LOCK, who.userId]);
    await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [ADDRESS_LOCK, ip]);
    const [row] = await tx.execute<{ by_shopper: number; by_address: number; known: boolean }[]>(
      `select count(*) filter (where user_id = ?)::int as by_shopper,
              count(*) filter (where ip = ?)::int as by_address,
              exists (select 1 from coupon where code = ?) as known
       from coupon_attempt where created_at > now() - make_interval(mins => ?) and (user_id = ? or ip = ?)`,
      [who.userId, ip, code, COUPON_GUESS_WINDOW_MINUTES, who.userId, ip],
    );
    if (
      (row?.by_shopper ?? 0) >= COUPON_GUESS_LIMIT.perShopper ||
      (row?.by_address ?? 0) >= COUPON_GUESS_LIMIT.perAddress
    ) {
      return { allowed: false };
    }
    if (!row?.known) {
      await tx.execute('insert into coupon_attempt (user_id, ip, code) values (?, ?, ?)', [
        who.userId,
        ip,
        code.slice(0, 64),
      ]);
    }
    return { allowed: true };
  });
}
