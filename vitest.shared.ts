/**
 * Every package's vitest run also writes a JSON report; `npm test` adds them up into one
 * closing "N passed, N failed" line.
 */
export const reporters: ['default', ['json', { outputFile: string }]] = [
  'default',
  ['json', { outputFile: '.test-results/vitest.json' }],
];
