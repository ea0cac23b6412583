import { expect } from 'vitest';
import { FUZZ_GROUPS } from './groups.js';
import { fuzzMutation, test } from './harness.js';
import { RUNS_PER_MUTATION } from './settings.js';

// Group a of the fuzzed mutations (see README.md): fixed seeds, so a failure replays.
for (const name of FUZZ_GROUPS.a) {
  test(`fuzz ${name}`, async ({ fuzz }) => {
    const stats = await fuzzMutation(fuzz, name, RUNS_PER_MUTATION);
    // Calls must reach the use case, not only bounce off variable coercion.
    expect(stats.executed, `${name}: calls that ran the resolver`).toBeGreaterThanOrEqual(
      RUNS_PER_MUTATION / 3,
    );
  });
}
