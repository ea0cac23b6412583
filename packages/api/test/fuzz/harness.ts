import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isLeafType,
  isObjectType,
  isRequiredArgument,
} from 'graphql';
import { expect } from 'vitest';
import { createSchema } from '../../src/graphql/schema.js';
import type { TestApi } from '../harness.js';
import { sessionFor } from '../permission-matrix/support.js';
import { test as matrixTest } from '../permission-matrix/runner.js';
import { type ArgContext, variablesOf } from './arbitraries.js';
import { changedTables, fingerprint, othersFingerprint } from './fingerprint.js';
import { buildWorld, FUZZ_VIEWERS, type FuzzWorld } from './world.js';

export const schema = await createSchema();

/**
 * Top-level error codes a mutation may answer with: authentication, authorization, throttling, and the
 * refusals of graphql-js / Apollo / the document limits before anything runs. INTERNAL_SERVER_ERROR is a bug.
 */
export const KNOWN_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'THROTTLED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ATTEMPT_FIELDS',
]);

/** The selection of a payload: its scalars, `id`/`__typename` of its objects, every userError field. */
export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values((named as GraphQLObjectType).getFields())) {
    if (f.args.some(isRequiredArgument)) continue;
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) {
      if (depth === 0 || f.name === 'id' || f.name === 'code' || f.name === 'message' || f.name === 'field') {
        parts.push(f.name);
      }
    } else if (depth === 0 && isObjectType(inner)) {
      parts.push(`${f.name} ${selectionOf(f.type, depth + 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

export type FuzzOperation = 'mutation' | 'query';

/** The document calling one root field with every argument as a variable of its declared type. */
export function documentOf(
  field: GraphQLField<unknown, unknown>,
  operation: FuzzOperation = 'mutation',
): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${operation} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(field.type)} }`;
}

/** The matrix API (sandbox, no job worker: only the calls change the database) plus the fuzz world. */
export const test = matrixTest.extend('fuzz', { scope: 'file' }, async ({ matrix }) => buildWorld(matrix));

export interface FuzzStats {
  runs: number;
  /** Calls that got past variable coercion (the resolver ran). */
  executed: number;
  rejected: number;
}

async function post(api: TestApi, query: string, variables: unknown, token: string | null): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: Omit<Answer, 'status'>;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `not JSON (${res.status}): ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, ...body };
}

/** A fixed seed per mutation; FUZZ_SEED (any text) explores other sequences locally. */
const seedOf = (name: string) =>
  createHash('sha256')
    .update(`${name}${process.env.FUZZ_SEED ?? ''}`)
    .digest()
    .readInt32LE(0);
const clip = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
};

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
}

/**
 * The checks of one call (see README.md, "What every call must satisfy"); returns whether it was rejected.
 * `tables` and `others` are the before/after fingerprints of every table and of what the viewer must never touch.
 */
function checkAnswer(
  where: string,
  operation: FuzzOperation,
  name: string,
  res: Answer,
  logged: Record<string, unknown>[],
  tables: [Record<string, string>, Record<string, string>],
  others: [Record<string, string>, Record<string, string>],
): boolean {
  expect(res.status, `${where}: HTTP ${res.status} ${clip(res.errors)}`).toBeLessThan(500);
  const serverErrors = logged.filter((l) => Number(l.level) >= 50).map((l) => clip(l).slice(0, 400));
  expect(serverErrors, `${where}: error logged`).toEqual([]);
  const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  const unknown = codes.filter((c) => !KNOWN_ERROR_CODES.has(c));
  expect(unknown, `${where}: unexpected top-level errors ${clip(res.errors)}`).toEqual([]);
  const payload = res.data?.[name] as
    | { userErrors?: { code?: string; message?: string }[] }
    | null
    | undefined;
  if (!res.errors?.length) {
    // A mutation always answers its payload; a query may answer null (not found, not visible).
    if (operation === 'mutation') expect(payload, `${where}: no payload and no error`).toBeTruthy();
    else expect(res.data && name in res.data, `${where}: no field and no error`).toBe(true);
  }
  const userErrors = payload?.userErrors ?? [];
  for (const e of userErrors) {
    expect(e.code, `${where}: userError without code`).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(e.message, `${where}: userError without message`).toBeTruthy();
  }
  expect(changedTables(...others), `${where}: changed rows this viewer must never change`).toEqual([]);
  const rejected = Boolean(res.errors?.length) || userErrors.length > 0;
  if (operation === 'query') {
    // Reading never writes, whatever the answer.
    expect(changedTables(...tables), `${where}: a query changed data`).toEqual([]);
  } else if (rejected) {
    const why = clip(res.errors ?? userErrors);
    expect(changedTables(...tables), `${where}: rejected (${why}) but changed`).toEqual([]);
  }
  return rejected;
}

/**
 * Fuzzes one mutation: `numRuns` calls with generated arguments as a random viewer (fixed seed per mutation),
 * each checked by `checkAnswer`. A failure stops the run (no shrinking: calls are not replayable on a
 * database the earlier calls changed); fast-check reports the counterexample and the seed.
 */
export function fuzzMutation(world: FuzzWorld, name: string, numRuns: number): Promise<FuzzStats> {
  return fuzzField(world, 'mutation', name, numRuns);
}

/** `fuzzMutation` for a Query field: the same calls and checks, and no query may change any data. */
export function fuzzQuery(world: FuzzWorld, name: string, numRuns: number): Promise<FuzzStats> {
  return fuzzField(world, 'query', name, numRuns);
}

async function fuzzField(
  world: FuzzWorld,
  operation: FuzzOperation,
  name: string,
  numRuns: number,
): Promise<FuzzStats> {
  const root = operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const field = root?.getFields()[name];
  if (!field) throw new Error(`no ${operation} ${name}`);
  const api = world.ctx.api;
  const query = documentOf(field, operation);
  const argCtx: ArgContext = { mutation: name, pool: world.pool, hints: world.hints };
  const stats: FuzzStats = { runs: 0, executed: 0, rejected: 0 };
  const viewer = fc.constantFrom(...FUZZ_VIEWERS);
  await fc.assert(
    fc.asyncProperty(viewer, variablesOf(field.args, argCtx), async (who, variables) => {
      stats.runs += 1;
      // A fresh session per call: an earlier accepted logout or password change must not turn the
      // viewer into a guest for the rest of the run.
      const token = who === 'guest' ? null : await sessionFor(api, world.userIds[who]);
      const logFrom = api.logs.length;
      const before = await fingerprint(api);
      const othersBefore = await othersFingerprint(api, who, world, name);
      const res = await post(api, query, variables, token);
      const tables: [Record<string, string>, Record<string, string>] = [before, await fingerprint(api)];
      const others: [Record<string, string>, Record<string, string>] = [
        othersBefore,
        await othersFingerprint(api, who, world, name),
      ];
      const where = `${name} as ${who} with ${clip(variables)}`;
      if (process.env.FUZZ_DEBUG)
        console.log(where, '→', res.status, clip(res.errors ?? res.data).slice(0, 300));
      if (res.data || res.errors?.some((e) => e.path)) stats.executed += 1;
      if (checkAnswer(where, operation, name, res, api.logs.slice(logFrom), tables, others)) {
        stats.rejected += 1;
      }
    }),
    { seed: seedOf(`${operation === 'query' ? 'query:' : ''}${name}`), numRuns, endOnFailure: true },
  );
  return stats;
}
