import { createHash, randomBytes } from 'node:crypto';
import {
  type AccountStatus,
  type Locale,
  MERCHANT_STATUSES,
  type MerchantStatus,
  type UserRole,
} from '@marketplace/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SessionEntity } from './session.entity.js';
import { SIGN_IN_STATUSES, type UserEntity } from './user.entity.js';
import type { Viewer } from './viewer.js';

export const SESSION_COOKIE = 'mp_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a session and returns the secret token (shown once; only its hash is stored). */
export function openSession(
  em: EntityManager,
  user: UserEntity,
  ttlDays: number,
): { token: string; session: SessionEntity } {
  const token = randomBytes(32).toString('base64url');
  const session = em.create(SessionEntity, {
    tokenHash: hashToken(token),
    user,
    expiresAt: new Date(Date.now() + ttlDays * 86_400_000),
  });
  return { token, session };
}

/**
 * One row (or none) for a session token's hash: the viewer's columns, with the account's and its store's
 * status (their standing, so the capability check of the same request need not read them again). An
 * unknown, expired or revoked session, or an account that may not sign in, gives no row. Lean SQL: the
 * session is resolved on every request, so it is one indexed join and no entity hydration.
 */
export const SESSION_VIEWER_SQL = `select s.id as session_id, u.id as user_id, u.role, u.merchant_id, u.locale,
    u.status as account_status, m.status as store_status
  from session s join user_account u on u.id = s.user_id left join merchant m on m.id = u.merchant_id
  where s.token_hash = ? and s.revoked_at is null and s.expires_at > now()
    and u.status in (${SIGN_IN_STATUSES.map((st) => `'${st}'`).join(', ')})`;

export interface SessionViewerRow {
  session_id: number;
  user_id: number;
  role: UserRole;
  merchant_id: number | null;
  locale: Locale;
  account_status: AccountStatus;
  store_status: MerchantStatus | null;
}

/** The statement and parameters that find a token's session (null: not a possible session token). */
export function sessionLookup(token: string | null): { sql: string; params: unknown[] } | null {
  if (!token || token.length > 200) return null;
  return { sql: SESSION_VIEWER_SQL, params: [hashToken(token)] };
}

export function viewerFromSessionRow(row: SessionViewerRow): Viewer {
  return {
    userId: Number(row.user_id),
    sessionId: Number(row.session_id),
    role: row.role,
    merchantId: row.merchant_id === null ? null : Number(row.merchant_id),
    locale: row.locale,
    standing: {
      account: row.account_status,
      // As loadStanding: no store row is no store; an unknown status counts as the strongest sanction.
      store:
        row.merchant_id === null || row.store_status === null
          ? null
          : (MERCHANT_STATUSES as readonly string[]).includes(row.store_status)
            ? row.store_status
            : 'DELETED',
    },
  };
}

/** Resolves the viewer of a token: an unknown, expired or revoked session, or a disabled account, is a guest. */
export async function viewerForToken(em: EntityManager, token: string | null): Promise<Viewer | null> {
  const lookup = sessionLookup(token);
  if (!lookup) return null;
  const [row] = await em.execute<SessionViewerRow[]>(lookup.sql, lookup.params);
  return row ? viewerFromSessionRow(row) : null;
}
