import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { isCapabilityAction } from '@marketplace/core';
import type { Context } from '../../graphql/context.js';
import { PublicError } from '../../graphql/errors.js';
import { type CapabilityRefused, CapabilityRefusal, requireCapability } from './capabilities.service.js';
import { MUTATION_CAPABILITIES } from './mutation-capabilities.js';

/**
 * userError codes that say "your standing does not allow this", in order of preference. `ACCOUNT_RESTRICTED` is
 * the code of issue 6; the two others are older payloads' names for a store that may not change its data.
 */
export const RESTRICTION_CODES = ['ACCOUNT_RESTRICTED', 'MERCHANT_FROZEN', 'MERCHANT_RESTRICTED'] as const;

/** A refusal that reaches the client as a top-level error (payloads without a restriction code, queries). */
export class CapabilityForbiddenError extends PublicError {
  constructor(refused: CapabilityRefused) {
    super('FORBIDDEN', refused.message);
    Object.assign(this.extensions, {
      reason: 'ACCOUNT_RESTRICTED',
      action: refused.action,
      subject: refused.subject,
      kind: refused.kind,
      endsAt: refused.endsAt?.toISOString() ?? null,
    });
  }
}

/** How a mutation answers a refusal in its payload: the userError code and the empty value of its other fields. */
export interface PayloadRefusal {
  /** Internal value of the payload's restriction code. */
  code: unknown;
  /** Non-null list fields answer [] (e.g. "the shipped orders; empty when refused"); nullable fields null. */
  empty: Record<string, unknown>;
}

/**
 * The payload form of a refusal, or null when the payload cannot say it (no restriction code, or a non-null
 * field that is not a list) and the answer is top-level.
 */
export function payloadRefusalOf(type: GraphQLOutputType): PayloadRefusal | null {
  const payload = getNullableType(type);
  if (!isObjectType(payload)) return null;
  const fields = payload.getFields();
  const userErrors = fields.userErrors;
  if (!userErrors) return null;
  const empty: Record<string, unknown> = {};
  for (const f of Object.values(fields)) {
    if (f.name === 'userErrors' || !isNonNullType(f.type)) continue;
    if (!isListType(f.type.ofType)) return null;
    empty[f.name] = [];
  }
  const error = getNamedType(userErrors.type);
  if (!isObjectType(error)) return null;
  const code = error.getFields().code;
  const codeType = code ? getNamedType(code.type) : null;
  if (!codeType || !isEnumType(codeType)) return null;
  for (const name of RESTRICTION_CODES) {
    const value = codeType.getValue(name);
    if (value) return { code: value.value, empty };
  }
  return null;
}

/** Kept for the tests: the restriction code a payload answers with, or null (top-level). */
export function restrictionCodeOf(type: GraphQLOutputType): unknown {
  return payloadRefusalOf(type)?.code ?? null;
}

function answer(shape: PayloadRefusal | null, refused: CapabilityRefused): unknown {
  if (shape === null) throw new CapabilityForbiddenError(refused);
  return { ...shape.empty, userErrors: [{ code: shape.code, message: refused.message, field: null }] };
}

// biome-ignore lint/suspicious/noExplicitAny: graphql-js field resolvers are untyped here.
type AnyField = GraphQLField<unknown, Context, any>;

function guardMutation(field: AnyField): void {
  const declared = MUTATION_CAPABILITIES[field.name];
  const action = declared !== undefined && isCapabilityAction(declared) ? declared : null;
  const shape = payloadRefusalOf(field.type);
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = async (source, args, ctx, info) => {
    try {
      if (action && ctx.viewer) await requireCapability(ctx.em, ctx.viewer, action);
      return await resolve(source, args, ctx, info);
    } catch (error) {
      if (error instanceof CapabilityRefusal) return answer(shape, error.refused);
      throw error;
    }
  };
}

function guardQuery(field: AnyField): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = async (source, args, ctx, info) => {
    try {
      return await resolve(source, args, ctx, info);
    } catch (error) {
      if (error instanceof CapabilityRefusal) throw new CapabilityForbiddenError(error.refused);
      throw error;
    }
  };
}

/**
 * Applies the capability check to every Mutation field (`MUTATION_CAPABILITIES`) and turns a `CapabilityRefusal`
 * thrown by a service (`requireCapability`) into the answer described in README.md. Called once on the built schema.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) guardMutation(field);
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) guardQuery(field);
  return schema;
}
