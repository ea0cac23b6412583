import 'reflect-metadata';
import { describe, expect, test } from 'vitest';
import { createSchema } from '../../src/graphql/schema.js';
import { FUZZ_GROUPS } from './groups.js';

const schema = await createSchema();

describe('fuzz coverage', () => {
  test('every Mutation field of the built schema is fuzzed, once', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    const fuzzed = Object.values(FUZZ_GROUPS).flat();
    const missing = mutations.filter((m) => !fuzzed.includes(m));
    expect(missing, 'mutations without fuzz coverage: add them to test/fuzz/groups.ts').toEqual([]);
    const stale = fuzzed.filter((m) => !mutations.includes(m));
    expect(stale, 'groups.ts names mutations the schema does not have').toEqual([]);
    expect(fuzzed.length, 'a mutation in more than one group').toBe(new Set(fuzzed).size);
  });
});
