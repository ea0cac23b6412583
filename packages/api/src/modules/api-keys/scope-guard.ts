import { defaultFieldResolver, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { PublicError } from '../../graphql/errors.js';
import { decodeGlobalId } from '../../graphql/relay.js';
import {
  keyAllows,
  MUTATION_SCOPES,
  NODE_TYPE_SCOPES,
  QUERY_SCOPES,
  type ScopeRequirement,
} from './scopes.js';

/** A key without the scope a root field needs (or any key on a session-only field). */
export class ApiKeyScopeError extends PublicError {
  constructor(field: string, requirement: ScopeRequirement | undefined) {
    const required = requirement ?? 'session';
    super(
      'FORBIDDEN',
      required === 'session'
        ? `\`${field}\` cannot be used with an API key; sign in instead.`
        : `This API key lacks the \`${required}\` scope needed for \`${field}\`.`,
    );
    Object.assign(this.extensions, { reason: 'API_KEY_SCOPE', requiredScope: required });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: graphql-js field resolvers are untyped here.
type AnyField = GraphQLField<unknown, Context, any>;

function nodeAllowed(scopes: readonly string[], id: unknown): boolean {
  const key = decodeGlobalId(id);
  return key !== null && keyAllows(scopes, NODE_TYPE_SCOPES[key.type]);
}

function guard(field: AnyField, map: Readonly<Record<string, ScopeRequirement>>): void {
  const requirement = map[field.name];
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, ctx, info) => {
    const key = ctx.viewer?.apiKey;
    if (!key) return resolve(source, args, ctx, info);
    if (!keyAllows(key.scopes, requirement)) throw new ApiKeyScopeError(field.name, requirement);
    // Refetching by global id: the object's type decides (an Order node needs orders:read).
    if (field.name === 'node' && map === QUERY_SCOPES) {
      return nodeAllowed(key.scopes, args.id) ? resolve(source, args, ctx, info) : null;
    }
    if (field.name === 'nodes' && map === QUERY_SCOPES) {
      const ids: unknown[] = Array.isArray(args.ids) ? args.ids : [];
      return Promise.resolve(resolve(source, args, ctx, info)).then((rows: unknown) =>
        Array.isArray(rows) ? rows.map((row, i) => (nodeAllowed(key.scopes, ids[i]) ? row : null)) : rows,
      );
    }
    return resolve(source, args, ctx, info);
  };
}

/**
 * Applies the scope map (scopes.ts) to every Query and Mutation root field, for requests authenticated by an
 * API key only. Runs before the capability guard and the resolver; called once on the built schema.
 */
export function guardScopes(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) guard(field, QUERY_SCOPES);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {}))
    guard(field, MUTATION_SCOPES);
  return schema;
}
