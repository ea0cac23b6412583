import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { hashToken } from '../accounts/session.service.js';
import { requireRole } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { generateApiKeySecret, VISIBLE_PREFIX_LENGTH } from './api-keys.auth.js';
import { API_KEY_SCOPES, isApiKeyScope } from './scopes.js';

export type CreateApiKeyErrorCode =
  | 'INVALID_NAME'
  | 'INVALID_SCOPES'
  | 'INVALID_EXPIRY'
  | 'TOO_MANY_KEYS'
  | 'ACCOUNT_RESTRICTED';
export type RevokeApiKeyErrorCode = 'NOT_FOUND' | 'ALREADY_REVOKED';

type UserErr<C> = { code: C; message: string; field: string[] | null };

export interface CreateApiKeyResult {
  apiKey: ApiKeyEntity | null;
  secret: string | null;
  userErrors: UserErr<CreateApiKeyErrorCode>[];
}

export interface RevokeApiKeyResult {
  apiKey: ApiKeyEntity | null;
  userErrors: UserErr<RevokeApiKeyErrorCode>[];
}

export type ApiKeyState = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

export interface ApiKeysFilter {
  state?: ApiKeyState | null;
  /** Admins: only this store's keys (global id); `platformOnly` for the platform's own keys. */
  merchantId?: string | null;
  platformOnly?: boolean | null;
  /** Part of the name or the visible prefix. */
  query?: string | null;
}

export const MAX_NAME_LENGTH = 120;
/** Active (unrevoked, unexpired) keys per store, and for the platform. */
export const MAX_ACTIVE_KEYS = 25;
const MAX_EXPIRY_MS = 3 * 366 * 86_400_000;

export function apiKeyState(row: ApiKeyEntity, now = new Date()): ApiKeyState {
  if (row.revokedAt) return 'REVOKED';
  if (row.expiresAt && row.expiresAt <= now) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * API keys (README.md): merchant store owners create and revoke their store's keys (every staff member of the
 * store sees them); admins create platform keys and see and revoke every key. Sessions only (scope map).
 */
export class ApiKeysService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  /** Who may manage keys: the store's owner (their store) or an admin (the platform). */
  private async manager(
    em: EntityManager,
  ): Promise<{ viewer: Viewer; user: UserEntity; merchantId: number | null }> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF', 'ADMIN');
    const user = await em.findOneOrFail(UserEntity, { id: viewer.userId });
    if (viewer.role === 'MERCHANT_STAFF' && (user.merchantRole !== 'OWNER' || viewer.merchantId === null)) {
      throw new PublicError('FORBIDDEN', 'Only the store owner manages API keys.');
    }
    return { viewer, user, merchantId: viewer.role === 'ADMIN' ? null : viewer.merchantId };
  }

  async create(input: {
    name: string;
    scopes: string[];
    expiresAt?: Date | null;
  }): Promise<CreateApiKeyResult> {
    return inTransaction(this.em, async (tx) => {
      const { user, merchantId } = await this.manager(tx);
      const fail = (code: CreateApiKeyErrorCode, message: string, field: string[] | null) => {
        throw new Refusal<CreateApiKeyResult>({
          apiKey: null,
          secret: null,
          userErrors: [userError(code, message, field)],
        });
      };
      const name = (input.name ?? '').trim();
      if (name.length < 1 || name.length > MAX_NAME_LENGTH) {
        fail('INVALID_NAME', `Give the key a name of 1–${MAX_NAME_LENGTH} characters.`, ['input', 'name']);
      }
      const scopes = [...new Set(input.scopes ?? [])];
      if (scopes.length === 0 || !scopes.every(isApiKeyScope)) {
        fail('INVALID_SCOPES', `Choose one or more of: ${API_KEY_SCOPES.join(', ')}.`, ['input', 'scopes']);
      }
      const now = Date.now();
      const expiresAt = input.expiresAt ?? null;
      if (
        expiresAt &&
        (Number.isNaN(expiresAt.getTime()) ||
          expiresAt.getTime() <= now ||
          expiresAt.getTime() > now + MAX_EXPIRY_MS)
      ) {
        fail('INVALID_EXPIRY', 'The expiry must be in the future and within three years.', [
          'input',
          'expiresAt',
        ]);
      }
      // Serialises key creation per store (or for the platform) so the limit holds under concurrency.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`api_key:${merchantId ?? 'platform'}`]);
      const [count] = await tx.execute<{ n: number }[]>(
        `select count(*)::int as n from api_key where ${merchantId === null ? 'merchant_id is null' : 'merchant_id = ?'}
           and revoked_at is null and (expires_at is null or expires_at > now())`,
        merchantId === null ? [] : [merchantId],
      );
      if ((count?.n ?? 0) >= MAX_ACTIVE_KEYS) {
        fail('TOO_MANY_KEYS', `At most ${MAX_ACTIVE_KEYS} active keys; revoke one first.`, null);
      }
      const secret = generateApiKeySecret();
      const row = tx.create(ApiKeyEntity, {
        name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH),
        scopes: API_KEY_SCOPES.filter((s) => scopes.includes(s)),
        createdBy: user,
        merchant: merchantId === null ? null : tx.getReference(MerchantEntity, merchantId),
        expiresAt,
      });
      await tx.flush();
      return { apiKey: row, secret, userErrors: [] };
    });
  }

  async revoke(input: { id: string }): Promise<RevokeApiKeyResult> {
    return inTransaction(this.em, async (tx) => {
      const { user, merchantId, viewer } = await this.manager(tx);
      const notFound = () =>
        new Refusal<RevokeApiKeyResult>({
          apiKey: null,
          userErrors: [userError('NOT_FOUND', 'There is no API key with this ID.', ['input', 'id'])],
        });
      const id = fromGlobalId(input.id, 'ApiKey');
      if (id === null) throw notFound();
      const [locked] = await tx.execute<{ id: number }[]>('select id from api_key where id = ? for update', [
        id,
      ]);
      if (!locked) throw notFound();
      const row = await tx.findOneOrFail(
        ApiKeyEntity,
        { id },
        { populate: ['createdBy', 'merchant', 'revokedBy'], refresh: true },
      );
      if (viewer.role !== 'ADMIN' && row.merchant?.id !== merchantId) throw notFound();
      if (row.revokedAt) {
        throw new Refusal<RevokeApiKeyResult>({
          apiKey: null,
          userErrors: [userError('ALREADY_REVOKED', 'This key is already revoked.', ['input', 'id'])],
        });
      }
      row.revokedAt = new Date();
      row.revokedBy = user;
      await tx.flush();
      return { apiKey: row, userErrors: [] };
    });
  }

  /** Keys the viewer may see: own store's (merchant staff), all (admins); newest first, keyset pagination. */
  async list(args: {
    first: number;
    after?: string | null;
    filter?: ApiKeysFilter | null;
  }): Promise<ConnectionShape<ApiKeyEntity>> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF', 'ADMIN');
    const first = Math.min(Math.max(args.first, 0), 100);
    const filter = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    if (viewer.role === 'MERCHANT_STAFF') {
      if (viewer.merchantId === null) throw new PublicError('FORBIDDEN', 'You are not allowed to do this.');
      where.push('k.merchant_id = ?');
      params.push(viewer.merchantId);
    } else if (filter.platformOnly) {
      where.push('k.merchant_id is null');
    } else if (filter.merchantId) {
      const m = fromGlobalId(filter.merchantId, 'Merchant');
      if (m === null) throw new PublicError('BAD_USER_INPUT', 'Unknown merchant.');
      where.push('k.merchant_id = ?');
      params.push(m);
    }
    if (filter.state === 'REVOKED') where.push('k.revoked_at is not null');
    else if (filter.state === 'EXPIRED') where.push('k.revoked_at is null and k.expires_at <= now()');
    else if (filter.state === 'ACTIVE')
      where.push('k.revoked_at is null and (k.expires_at is null or k.expires_at > now())');
    else if (filter.state) throw new PublicError('BAD_USER_INPUT', 'Unknown state.');
    const query = filter.query?.trim().slice(0, 120);
    if (query) {
      const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push('(k.name ilike ? or k.prefix ilike ?)');
      params.push(like, like);
    }
    const countWhere = [...where];
    const countParams = [...params];
    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      if (key?.length !== 1 || typeof key[0] !== 'number')
        throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
      where.push('k.id < ?');
      params.push(key[0]);
    }
    params.push(first + 1);
    const sqlWhere = (w: string[]) => (w.length ? `where ${w.join(' and ')}` : '');
    const rows = await this.em.execute<{ id: number }[]>(
      `select k.id from api_key k ${sqlWhere(where)} order by k.id desc limit ?`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const entities = ids.length
      ? await this.em.find(
          ApiKeyEntity,
          { id: { $in: ids } },
          { populate: ['createdBy', 'merchant', 'revokedBy'] },
        )
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    return toConnection(
      ids.map((id) => byId.get(id)!),
      first,
      {
        hasPrevious: key !== null,
        cursorOf: (r) => encodeCursor([r.id]),
        map: (r) => r,
        count: async () => {
          const [c] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from api_key k ${sqlWhere(countWhere)}`,
            countParams,
          );
          return c?.n ?? 0;
        },
      },
    );
  }
}
