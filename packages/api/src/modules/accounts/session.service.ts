import { createHash, randomBytes } from 'node:crypto';
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

/** Resolves the viewer of a token: an unknown, expired or revoked session, or a disabled account, is a guest. */
export async function viewerForToken(em: EntityManager, token: string | null): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  const session = await em.findOne(
    SessionEntity,
    { tokenHash: hashToken(token), revokedAt: null, expiresAt: { $gt: new Date() } },
    { populate: ['user'] },
  );
  if (!session || !SIGN_IN_STATUSES.includes(session.user.status)) return null;
  const user = session.user;
  return {
    userId: user.id,
    sessionId: session.id,
    role: user.role,
    merchantId: user.merchant?.id ?? null,
    locale: user.locale,
  };
}
