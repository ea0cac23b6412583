import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, Kind, visit } from 'graphql';
import type { Context } from './context.js';
import { PublicError } from './errors.js';

// With the u flag, a surrogate pair is one code point: \p{Cs} matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * False for text no column can store: U+0000 (PostgreSQL text refuses it) and lone UTF-16 surrogates (not
 * Unicode; a json column refuses them, a text column silently turns them into U+FFFD).
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

function variablesStorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (depth > 64 || value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((v) => variablesStorable(v, depth + 1));
  return Object.entries(value).every(([k, v]) => isStorableText(k) && variablesStorable(v, depth + 1));
}

function literalsStorable(document: DocumentNode): boolean {
  let ok = true;
  visit(document, {
    [Kind.STRING](node) {
      if (!isStorableText(node.value)) ok = false;
    },
  });
  return ok;
}

class UnstorableTextError extends PublicError {
  constructor() {
    super('BAD_USER_INPUT', 'Text must be valid Unicode without NUL characters.');
    Object.assign(this.extensions, { http: { status: 400 } });
  }
}

/**
 * Refuses, before anything executes, an operation whose variables or string literals hold text no column
 * can store — instead of a database error deep inside a use case (found by the mutation fuzzer).
 */
export function textInputPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          if (!variablesStorable(request.variables ?? {}) || !literalsStorable(document)) {
            throw new UnstorableTextError();
          }
        },
      };
    },
  };
}
