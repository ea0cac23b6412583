import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountTokenEntity, type AccountTokenPurpose } from './account-token.entity.js';
import { hashToken } from './session.service.js';
import type { UserEntity } from './user.entity.js';

/** How long an emailed link works. */
export const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 48 * 3_600_000,
  RESET_PASSWORD: 3_600_000,
  INVITE: 7 * 86_400_000,
};

/** Creates a token and returns the secret (it goes into the email; only its hash is stored). */
export function issueAccountToken(em: EntityManager, user: UserEntity, purpose: AccountTokenPurpose): string {
  const token = randomBytes(32).toString('base64url');
  em.create(AccountTokenEntity, {
    user,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

export type TokenProblem = 'INVALID_TOKEN' | 'EXPIRED_TOKEN';

/**
 * The usable token row for this secret, locked until the transaction ends (two requests with one
 * token cannot both use it). Unknown, malformed, other-purpose and already-used tokens are all
 * INVALID_TOKEN; an unused one past its time is EXPIRED_TOKEN.
 */
export async function findUsableToken(
  em: EntityManager,
  token: string,
  purpose: AccountTokenPurpose,
): Promise<{ ok: true; row: AccountTokenEntity } | { ok: false; problem: TokenProblem }> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return { ok: false, problem: 'INVALID_TOKEN' };
  const row = await em.findOne(
    AccountTokenEntity,
    { tokenHash: hashToken(token), purpose },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!row || row.usedAt) return { ok: false, problem: 'INVALID_TOKEN' };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, problem: 'EXPIRED_TOKEN' };
  await em.populate(row, ['user']);
  return { ok: true, row };
}

/** Marks every other unused token of this purpose used, e.g. older reset links once the password changed. */
export async function retireTokens(
  em: EntityManager,
  user: UserEntity,
  purpose: AccountTokenPurpose,
): Promise<void> {
  await em.nativeUpdate(AccountTokenEntity, { user, purpose, usedAt: null }, { usedAt: new Date() });
}

/** Tokens that can no longer be used are kept a week (for support questions), then dropped. */
export async function pruneAccountTokens(em: EntityManager): Promise<number> {
  return em.nativeDelete(AccountTokenEntity, {
    $or: [
      { expiresAt: { $lt: new Date(Date.now() - 7 * 86_400_000) } },
      { usedAt: { $lt: new Date(Date.now() - 7 * 86_400_000) } },
    ],
  });
}
