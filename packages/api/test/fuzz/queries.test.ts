import { expect } from 'vitest';
import { fuzzQuery, schema, test } from './harness.js';
import { RUNS_PER_MUTATION } from './settings.js';

// Every Query field of the built schema (a new one is fuzzed without being listed): the same hostile
// arguments and viewers as the mutations, the same answer checks, and no query may change any data.
for (const name of Object.keys(schema.getQueryType()!.getFields()).sort()) {
  test(`fuzz query ${name}`, async ({ fuzz }) => {
    const stats = await fuzzQuery(fuzz, name, RUNS_PER_MUTATION);
    // Calls must reach the resolver, not only bounce off variable coercion (5–12 of 12 do).
    expect(stats.executed, `${name}: calls that ran the resolver`).toBeGreaterThanOrEqual(
      RUNS_PER_MUTATION / 3,
    );
  });
}
