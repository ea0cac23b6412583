import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import type { ApiKeyEntity } from './api-key.entity.js';
import {
  type ApiKeyState as State,
  apiKeyState,
  type CreateApiKeyErrorCode as CreateCode,
  type RevokeApiKeyErrorCode as RevokeCode,
} from './api-keys.service.js';
import { API_KEY_SCOPE_DESCRIPTIONS, type ApiKeyScope as Scope } from './scopes.js';

export const ApiKeyScope = {
  CATALOG_READ: 'catalog:read',
  PRODUCTS_WRITE: 'products:write',
  ORDERS_READ: 'orders:read',
  ORDERS_WRITE: 'orders:write',
  FUNDS_READ: 'funds:read',
  WEBHOOKS_MANAGE: 'webhooks:manage',
} as const satisfies Record<string, Scope>;
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What an API key may do beyond public reading (never more than its creator’s role allows).',
  valuesConfig: Object.fromEntries(
    Object.entries(ApiKeyScope).map(([name, scope]) => [
      name,
      { description: `\`${scope}\`: ${API_KEY_SCOPE_DESCRIPTIONS[scope]}` },
    ]),
  ),
});

export const ApiKeyState = {
  ACTIVE: 'ACTIVE',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
} as const satisfies Record<State, State>;
registerEnumType(ApiKeyState, {
  name: 'ApiKeyState',
  description: 'Whether an API key still works.',
  valuesConfig: {
    ACTIVE: { description: 'Works (as long as its creator keeps their role and standing).' },
    REVOKED: { description: 'Revoked: refused for good.' },
    EXPIRED: { description: 'Past its expiry: refused.' },
  },
});

@ObjectType('ApiKey', {
  description:
    'An API key for `Authorization: Bearer …` (its secret is only shown once, when it is created).',
})
export class ApiKey {
  @Field(() => ID, { description: 'Opaque ID (for `revokeApiKey`).' })
  id!: string;

  @Field({ description: 'What the key is for, e.g. “ERP sync”.' })
  name!: string;

  @Field({ description: 'The first characters of the secret, e.g. `mk_live_AbC123`, to tell keys apart.' })
  prefix!: string;

  @Field(() => [ApiKeyScope], { description: 'What it may do.' })
  scopes!: Scope[];

  @Field(() => ApiKeyState, { description: 'Whether it still works.' })
  state!: State;

  @Field(() => ID, { nullable: true, description: 'The store it belongs to; null for a platform key.' })
  merchantId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the store it belongs to; null for a platform key.',
  })
  merchantName!: string | null;

  @Field({ description: 'Email of the account that created it (the key acts as that account).' })
  createdByEmail!: string;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops working; null for never.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Last request made with it (to the minute); null if never used.',
  })
  lastUsedAt!: Date | null;

  static from(row: ApiKeyEntity): ApiKey {
    return Object.assign(new ApiKey(), {
      id: toGlobalId('ApiKey', row.id),
      name: row.name,
      prefix: row.prefix,
      scopes: row.scopes as Scope[],
      state: apiKeyState(row),
      merchantId: row.merchant ? toGlobalId('Merchant', row.merchant.id) : null,
      merchantName: row.merchant?.nameEn ?? null,
      createdByEmail: row.createdBy.email,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      revokedAt: row.revokedAt,
      lastUsedAt: row.lastUsedAt,
    });
  }
}

export const { Connection: ApiKeyConnection } = connectionTypes(ApiKey, 'ApiKey');

@InputType('ApiKeysFilter', { description: 'Narrows `apiKeys`.' })
export class ApiKeysFilter {
  @Field(() => ApiKeyState, { nullable: true, description: 'Only keys in this state.' })
  state?: State | null;

  @Field(() => ID, { nullable: true, description: 'Admins: only this store’s keys.' })
  merchantId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Admins: only the platform’s own keys.' })
  platformOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or the visible prefix.' })
  query?: string | null;
}

export const CreateApiKeyErrorCode = {
  INVALID_NAME: 'INVALID_NAME',
  INVALID_SCOPES: 'INVALID_SCOPES',
  INVALID_EXPIRY: 'INVALID_EXPIRY',
  TOO_MANY_KEYS: 'TOO_MANY_KEYS',
  ACCOUNT_RESTRICTED: 'ACCOUNT_RESTRICTED',
} as const satisfies Record<CreateCode, CreateCode>;
registerEnumType(CreateApiKeyErrorCode, {
  name: 'CreateApiKeyErrorCode',
  description: 'Why `createApiKey` created nothing.',
  valuesConfig: {
    INVALID_NAME: { description: 'The name is empty or longer than 120 characters.' },
    INVALID_SCOPES: { description: 'No scope chosen.' },
    INVALID_EXPIRY: { description: 'The expiry is in the past or more than three years away.' },
    TOO_MANY_KEYS: { description: 'The store (or the platform) already has 25 active keys.' },
    ACCOUNT_RESTRICTED: {
      description: 'Your account’s or store’s standing does not allow new keys (e.g. a safe freeze).',
    },
  },
});

@ObjectType('CreateApiKeyUserError', {
  implements: BaseUserError,
  description: 'An expected reason `createApiKey` created nothing.',
})
export class CreateApiKeyUserError extends BaseUserError {
  @Field(() => CreateApiKeyErrorCode, { description: 'Machine-readable reason.' })
  code!: CreateCode;
}

@InputType('CreateApiKeyInput', { description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for (1–120 characters).' })
  name!: string;

  @Field(() => [ApiKeyScope], { description: 'What it may do (at least one).' })
  scopes!: Scope[];

  @Field(() => Date, {
    nullable: true,
    description: 'When it stops working (within three years); never if omitted.',
  })
  expiresAt?: Date | null;
}

@ObjectType('CreateApiKeyPayload', { description: 'Result of `createApiKey`.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The new key; null if refused.' })
  apiKey!: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The secret to send as `Authorization: Bearer …`. Shown only here, once: it is stored hashed.',
  })
  secret!: string | null;

  @Field(() => [CreateApiKeyUserError], { description: 'Why nothing was created; empty on success.' })
  userErrors!: CreateApiKeyUserError[];
}

export const RevokeApiKeyErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_REVOKED: 'ALREADY_REVOKED',
} as const satisfies Record<RevokeCode, RevokeCode>;
registerEnumType(RevokeApiKeyErrorCode, {
  name: 'RevokeApiKeyErrorCode',
  description: 'Why `revokeApiKey` changed nothing.',
  valuesConfig: {
    NOT_FOUND: { description: 'There is no key with this ID that you manage.' },
    ALREADY_REVOKED: { description: 'The key is already revoked.' },
  },
});

@ObjectType('RevokeApiKeyUserError', {
  implements: BaseUserError,
  description: 'An expected reason `revokeApiKey` changed nothing.',
})
export class RevokeApiKeyUserError extends BaseUserError {
  @Field(() => RevokeApiKeyErrorCode, { description: 'Machine-readable reason.' })
  code!: RevokeCode;
}

@InputType('RevokeApiKeyInput', { description: 'The key to revoke.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'The `ApiKey.id`.' })
  id!: string;
}

@ObjectType('RevokeApiKeyPayload', { description: 'Result of `revokeApiKey`.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The revoked key; null if refused.' })
  apiKey!: ApiKey | null;

  @Field(() => [RevokeApiKeyUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: RevokeApiKeyUserError[];
}
