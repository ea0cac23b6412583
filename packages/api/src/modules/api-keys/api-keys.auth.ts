import { randomBytes } from 'node:crypto';
import { capabilityFor } from '@marketplace/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import { hashToken } from '../accounts/session.service.js';
import type { Viewer } from '../accounts/viewer.js';
import { ApiKeyEntity } from './api-key.entity.js';

/** Every API key secret starts with this; a bearer value without it is a session token. */
export const API_KEY_PREFIX = 'mk_live_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Visible characters kept in the row (`mk_live_` + 6). */
export const VISIBLE_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;
/** last_used_at is written at most this often per key. */
export const LAST_USED_GRANULARITY_MS = 60_000;

/** A new secret: `mk_live_` + 43 base62 characters (≈ 256 bits), rejection-sampled so every character is uniform. */
export function generateApiKeySecret(): string {
  let out = '';
  while (out.length < 43) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && out.length < 43) out += BASE62[byte % 62];
    }
  }
  return API_KEY_PREFIX + out;
}

export function isApiKeyToken(token: string): boolean {
  return token.startsWith('mk_');
}

export type ApiKeyRefusalReason =
  | 'API_KEY_INVALID'
  | 'API_KEY_REVOKED'
  | 'API_KEY_EXPIRED'
  | 'API_KEY_CREATOR_INACTIVE'
  | 'API_KEY_CREATOR_CHANGED'
  | 'API_KEY_STORE_DELETED';

const MESSAGES: Record<ApiKeyRefusalReason, string> = {
  API_KEY_INVALID: 'This API key is not valid.',
  API_KEY_REVOKED: 'This API key has been revoked.',
  API_KEY_EXPIRED: 'This API key has expired.',
  API_KEY_CREATOR_INACTIVE: 'The account that created this API key can no longer use the API.',
  API_KEY_CREATOR_CHANGED: 'The account that created this API key no longer belongs to its store or role.',
  API_KEY_STORE_DELETED: 'The store of this API key has been deleted.',
};

export type ApiKeyResolution =
  | { ok: true; viewer: Viewer }
  | { ok: false; reason: ApiKeyRefusalReason; message: string };

function refuse(reason: ApiKeyRefusalReason): ApiKeyResolution {
  return { ok: false, reason, message: MESSAGES[reason] };
}

/**
 * The viewer of an API key: its creator as they are NOW, restricted by the key's scopes; or why the key is
 * refused. Also records the use (at most once a minute per key).
 */
export async function resolveApiKeyViewer(em: EntityManager, token: string): Promise<ApiKeyResolution> {
  if (token.length > 200) return refuse('API_KEY_INVALID');
  const key = await em.findOne(
    ApiKeyEntity,
    { tokenHash: hashToken(token) },
    { populate: ['createdBy', 'createdBy.merchant', 'merchant'] },
  );
  if (!key) return refuse('API_KEY_INVALID');
  if (key.revokedAt) return refuse('API_KEY_REVOKED');
  const now = new Date();
  if (key.expiresAt && key.expiresAt <= now) return refuse('API_KEY_EXPIRED');
  const user = key.createdBy;
  const keyStore = key.merchant;
  if (keyStore?.status === 'DELETED') return refuse('API_KEY_STORE_DELETED');
  const userStore = user.merchant ?? null;
  const standing = { account: user.status, store: userStore?.status ?? null };
  if (!capabilityFor({ account: standing.account, store: null }, 'api.use').allowed) {
    return refuse('API_KEY_CREATOR_INACTIVE');
  }
  if (userStore?.status === 'DELETED') return refuse('API_KEY_STORE_DELETED');
  // A store key belongs to staff of that store; a platform key to an admin. Anything else: the creator moved.
  const stillFits = keyStore
    ? user.role === 'MERCHANT_STAFF' && userStore?.id === keyStore.id
    : user.role === 'ADMIN';
  if (!stillFits) return refuse('API_KEY_CREATOR_CHANGED');

  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    // Conditional, so concurrent requests write once; no read-modify-write of the entity.
    await em
      .getConnection()
      .execute(
        `update "api_key" set "last_used_at" = now() where "id" = ? and ("last_used_at" is null or "last_used_at" < now() - interval '1 minute')`,
        [key.id],
      );
  }
  return {
    ok: true,
    viewer: {
      userId: user.id,
      sessionId: 0,
      role: user.role,
      merchantId: userStore?.id ?? null,
      locale: user.locale,
      apiKey: { id: key.id, scopes: [...key.scopes], merchantId: keyStore?.id ?? null },
    },
  };
}

/**
 * Express middleware for /graphql: a `Bearer mk_…` header is resolved here; a refused key is answered 401 with
 * a GraphQL error body (no fallback to the cookie or a guest). The viewer is left in `res.locals.apiKeyViewer`.
 */
export function apiKeyAuthentication(emOf: () => EntityManager) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!token || !isApiKeyToken(token)) return next();
    try {
      const result = await resolveApiKeyViewer(emOf(), token);
      if (!result.ok) {
        res
          .status(401)
          .set('WWW-Authenticate', 'Bearer error="invalid_token"')
          .json({
            errors: [
              { message: result.message, extensions: { code: 'UNAUTHENTICATED', reason: result.reason } },
            ],
          });
        return;
      }
      res.locals.apiKeyViewer = result.viewer;
      next();
    } catch (error) {
      next(error);
    }
  };
}
