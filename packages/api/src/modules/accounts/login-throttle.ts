import type { EntityManager } from '@mikro-orm/postgresql';

/** Sign-in throttling limits: failed attempts allowed within the window, per account and per client IP. */
export const LOGIN_THROTTLE = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perIp: 30,
} as const;

// Namespaces of the two-key advisory locks, so an email and an IP never share a lock.
const ACCOUNT_LOCK = 7_301;
const IP_LOCK = 7_302;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts this attempt BEFORE the password is checked, so parallel guesses cannot all slip through
 * while the first ones are still being verified: under per-email and per-IP advisory locks (taken
 * in that order, so two attempts never deadlock) it refuses when the window already holds the
 * limit of unsuccessful attempts, and otherwise records one. `clearAccountAttempts` removes the
 * account's records after a success. Refused attempts are not recorded, so waiting always helps.
 */
export async function reserveLoginAttempt(
  em: EntityManager,
  key: { email: string; ip: string },
): Promise<ThrottleDecision> {
  const email = key.email.slice(0, 320);
  const ip = (key.ip || 'unknown').slice(0, 64);
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [ACCOUNT_LOCK, email]);
    await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [IP_LOCK, ip]);
    // The Nth most recent attempt inside the window (N = limit) decides: until it leaves the
    // window, the limit is reached. Its age tells how long to wait.
    const [row] = await tx.execute<{ account_wait: number | null; ip_wait: number | null }[]>(
      `select
         (select ceil(extract(epoch from created_at + make_interval(secs => ?) - now()))::int
            from login_attempt where email = ? and created_at > now() - make_interval(secs => ?)
            order by created_at desc offset ? limit 1) as account_wait,
         (select ceil(extract(epoch from created_at + make_interval(secs => ?) - now()))::int
            from login_attempt where ip = ? and created_at > now() - make_interval(secs => ?)
            order by created_at desc offset ? limit 1) as ip_wait`,
      [
        LOGIN_THROTTLE.windowSeconds,
        email,
        LOGIN_THROTTLE.windowSeconds,
        LOGIN_THROTTLE.perAccount - 1,
        LOGIN_THROTTLE.windowSeconds,
        ip,
        LOGIN_THROTTLE.windowSeconds,
        LOGIN_THROTTLE.perIp - 1,
      ],
    );
    const wait = Math.max(row?.account_wait ?? 0, row?.ip_wait ?? 0);
    if (row?.account_wait != null || row?.ip_wait != null) {
      return { allowed: false, retryAfterSeconds: Math.max(1, wait) };
    }
    await tx.execute('insert into login_attempt (email, ip) values (?, ?)', [email, ip]);
    return { allowed: true };
  });
}

/** A successful sign-in (or a password reset) forgives the account's failed attempts. */
export async function clearAccountAttempts(em: EntityManager, email: string): Promise<void> {
  await em.execute('delete from login_attempt where email = ?', [email.slice(0, 320)]);
}

/** Drops records older than any window that could still count them. */
export async function pruneLoginAttempts(em: EntityManager): Promise<number> {
  const result = await em.execute<{ affectedRows: number }>(
    `delete from login_attempt where created_at < now() - interval '1 day'`,
    [],
    'run',
  );
  return result.affectedRows ?? 0;
}
