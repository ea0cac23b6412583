import 'reflect-metadata';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { createSchema } from '../src/graphql/schema.js';
import { unintendedBreakingChanges } from '../src/schema/breaking-changes.js';

describe('schema compatibility', () => {
  test('no breaking change against schema.released.graphql unless listed as intended', async () => {
    expect(await unintendedBreakingChanges(await createSchema())).toEqual([]);
  });

  test('the check does catch a removed field and a newly required argument', async () => {
    const sdl = printSchema(lexicographicSortSchema(await createSchema()));
    const removed = /\n {2}"""[^"]*"""\n {2}categories: \[Category!\]!\n/;
    expect(sdl).toMatch(removed);
    const broken = buildSchema(
      sdl.replace(removed, '\n').replace(/\n {2}products\(\n/, '\n  products(\n    mustNow: String!\n'),
    );
    const found = await unintendedBreakingChanges(broken);
    expect(found.map((c) => c.path)).toContain('Query.categories');
    expect(found.some((c) => /mustNow/.test(c.path + c.message))).toBe(true);
  });
});
