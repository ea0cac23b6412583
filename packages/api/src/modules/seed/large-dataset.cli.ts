/**
 * Generates the large benchmark dataset into an already migrated database:
 *   DATABASE_URL=postgresql://… node --import @oxc-node/core/register src/modules/seed/large-dataset.cli.ts \
 *     [--merchants 100] [--products 10000] [--orders 100000] [--shoppers 200] [--seed 1] [--verbose]
 * Prints the summary (JSON) on stdout. The database is migrated by starting the API on it once.
 */
import { parseArgs } from 'node:util';
import { generateLargeDataset } from './large-dataset.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    merchants: { type: 'string', default: '100' },
    products: { type: 'string', default: '10000' },
    orders: { type: 'string', default: '100000' },
    shoppers: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    currency: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL or pass --database-url.');
  process.exit(2);
}
const int = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got ${v}`);
    process.exit(2);
  }
  return n;
};
const summary = await generateLargeDataset(databaseUrl, {
  merchants: int('merchants', values.merchants),
  products: int('products', values.products),
  orders: int('orders', values.orders),
  shoppers: int('shoppers', values.shoppers),
  seed: int('seed', values.seed),
  currency: values.currency ?? process.env.CURRENCY,
  ...(values.verbose
    ? { onStatement: (sql: string, ms: number) => console.error(`${ms.toFixed(0).padStart(7)} ms  ${sql}`) }
    : {}),
});
console.log(JSON.stringify(summary, null, 2));
