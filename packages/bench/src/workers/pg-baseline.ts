/**
 * Baseline A, the database's limit for the catalog page: the API's own catalog SQL issued by a plain
 * `pg` loop, one client per "connection", as a named (prepared) statement, a random cursor each
 * time, for a fixed duration. Config as JSON on stdin; the result as one JSON line on stdout.
 */
import pg from 'pg';
import { type LoadResult, type PgBaselineConfig, percentile, readStdinJson } from './protocol.js';

const config = await readStdinJson<PgBaselineConfig>();
const clients = await Promise.all(
  Array.from({ length: config.connections }, async () => {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    return client;
  }),
);
const latencies: number[] = [];
let errors = 0;
let emptyPages = 0;
const errorSamples: string[] = [];
const started = performance.now();
const deadline = started + config.durationSec * 1000;

await Promise.all(
  clients.map(async (client, c) => {
    let i = c * 7919;
    while (performance.now() < deadline) {
      const values = config.params[i++ % config.params.length]!;
      const t0 = performance.now();
      try {
        const res = await client.query({ name: 'bench_catalog_page', text: config.sql, values });
        if (res.rowCount === 0) emptyPages++;
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(String(error));
      }
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
await Promise.all(clients.map((c) => c.end()));
latencies.sort((a, b) => a - b);
const out: LoadResult = {
  requests: latencies.length,
  durationSec: elapsed,
  rps: latencies.length / elapsed,
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
  errors,
  non2xx: 0,
  checked: latencies.length,
  invalid: emptyPages,
  invalidSamples: errorSamples,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
