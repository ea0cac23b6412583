import 'reflect-metadata';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isInputObjectType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { describe, expect, test } from 'vitest';
import { createSchema } from '../../src/graphql/schema.js';
import { ALL_ENTRIES } from './entries/index.js';
import { isStaffQuery, PUBLIC_QUERIES, STAFF_QUERIES } from './queries.js';
import { ACTORS, storeACase } from './types.js';

const schema = await createSchema();
const fieldsOf = (type: GraphQLObjectType | null | undefined) => Object.values(type?.getFields() ?? {});

function requiresId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (!isNonNullType(type)) return false;
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'ID';
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => requiresId(f.type, seen));
}
const takesAnObject = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => requiresId(a.type));

describe('permission matrix completeness', () => {
  const byName = new Map(ALL_ENTRIES.map((e) => [e.operation, e]));

  test('every Mutation field has an entry', () => {
    const missing = fieldsOf(schema.getMutationType())
      .map((f) => f.name)
      .filter((name) => byName.get(name)?.kind !== 'mutation');
    expect(
      missing,
      'mutations without a permission-matrix entry (see test/permission-matrix/README.md)',
    ).toEqual([]);
  });

  test('every Query field is classified, and every staff query has an entry', () => {
    const queries = fieldsOf(schema.getQueryType()).map((f) => f.name);
    const unclassified = queries.filter((name) => !isStaffQuery(name) && !(name in PUBLIC_QUERIES));
    expect(unclassified, 'Query fields in neither STAFF_QUERIES nor PUBLIC_QUERIES (queries.ts)').toEqual([]);
    const both = queries.filter((name) => isStaffQuery(name) && name in PUBLIC_QUERIES);
    expect(both, 'Query fields classified as staff and public').toEqual([]);
    const missing = queries.filter((name) => isStaffQuery(name) && byName.get(name)?.kind !== 'query');
    expect(missing, 'staff queries without a permission-matrix entry').toEqual([]);
    const stale = [...STAFF_QUERIES, ...Object.keys(PUBLIC_QUERIES)].filter(
      (name) => !queries.includes(name),
    );
    expect(stale, 'queries.ts lists fields the schema does not have').toEqual([]);
  });

  test('entries are well-formed: one per operation, existing fields, every actor, A and B for objects', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const entry of ALL_ENTRIES) {
      if (seen.has(entry.operation)) problems.push(`${entry.operation}: more than one entry`);
      seen.add(entry.operation);
      const root = entry.kind === 'mutation' ? schema.getMutationType() : schema.getQueryType();
      const field = root?.getFields()[entry.operation];
      if (!field) {
        problems.push(`${entry.operation}: no ${entry.kind} field of that name`);
        continue;
      }
      if (!entry.cases.length) problems.push(`${entry.operation}: no cases`);
      for (const c of entry.cases) {
        const missing = ACTORS.filter((a) => !(a in c.expect));
        if (missing.length) problems.push(`${entry.operation}: a case without ${missing.join(', ')}`);
        if (entry.kind === 'mutation' && storeACase(c) && c.frozenA === undefined) {
          problems.push(
            `${entry.operation}: a case where staffA changes store A's data needs frozenA (README.md, "Safe freeze")`,
          );
        }
      }
      const targets = new Set(entry.cases.map((c) => c.target));
      // An operation with a required ID (directly or in its input) needs a case for target A and one for B,
      // unless merchant staff are refused it outright (FORBIDDEN whatever the object) or the entry says why one
      // is enough (`singleTarget`).
      const staffRefusedOutright = entry.cases.every((c) => c.expect.staffA === 'FORBIDDEN');
      if (
        takesAnObject(field) &&
        !staffRefusedOutright &&
        !entry.singleTarget &&
        !(targets.has('A') && targets.has('B'))
      ) {
        problems.push(
          `${entry.operation}: takes an object (required ID) but has no case for both targets A and B (or a singleTarget reason)`,
        );
      }
    }
    expect(problems).toEqual([]);
  });
});
