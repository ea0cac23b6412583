import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { createSchema } from '../src/graphql/schema.js';
import { describeGaps } from './schema/descriptions.js';

// Every type, field, argument, input field and enum value has a description, and every deprecation a reason.
// Gaps that predate this rule are listed in schema/description-gaps.known.txt: the list may only shrink
// (a new gap fails; a fixed gap must be removed from the list). The goal is an empty file.
const KNOWN = new URL('./schema/description-gaps.known.txt', import.meta.url);

describe('schema descriptions', () => {
  test('no undocumented schema element beyond the shrinking list of known gaps', async () => {
    const gaps = describeGaps(await createSchema());
    const known = (await readFile(KNOWN, 'utf8'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const newGaps = gaps.filter((g) => !known.includes(g));
    expect(newGaps, 'add a description (and a deprecation reason) to each of these').toEqual([]);
    const fixed = known.filter((k) => !gaps.includes(k));
    expect(fixed, 'documented now: remove these lines from test/schema/description-gaps.known.txt').toEqual(
      [],
    );
  });

  test('the walk finds undocumented elements of every kind', async () => {
    const { buildSchema } = await import('graphql');
    const schema = buildSchema(`
      """Documented."""
      type Query {
        a(x: Int): T
        "Documented." b: E @deprecated
      }
      type T { "Documented." f: Int }
      enum E { ONE "Documented." TWO }
      "Documented." input I { g: Int }
      "Documented." type U { "Documented." h(i: I "Documented." j: Int): Int }
    `);
    expect(describeGaps(schema).sort()).toEqual(
      [
        'Query.a',
        'Query.a(x:)',
        'Query.b (deprecated without a reason)',
        'T',
        'E',
        'E.ONE',
        'I.g',
        'U.h(i:)',
      ].sort(),
    );
  });
});
