/**
 * Load generator process: autocannon against one GraphQL endpoint, a request body picked at random
 * per request (e.g. a random catalog cursor), every response checked for a 2xx status and one in
 * `validateEvery` parsed and checked for `errors`/missing `data`. Config as JSON on stdin; the result
 * as one JSON line on stdout.
 */
import autocannon from 'autocannon';
import { readStdinJson, type HttpLoadConfig, type LoadResult } from './protocol.js';

const config = await readStdinJson<HttpLoadConfig>();
const bodies = config.bodies;
let pick = 0;
let checked = 0;
let invalid = 0;
let responses = 0;
const samples: string[] = [];

const result = await autocannon({
  url: config.url,
  connections: config.connections,
  duration: config.durationSec,
  timeout: 10,
  requests: [
    {
      method: 'POST',
      path: config.path ?? '/graphql',
      headers: { 'content-type': 'application/json', ...config.headers },
      setupRequest: (req) => {
        // Random, but spread: a cheap LCG walk over the precomputed bodies.
        pick = (pick * 1103515245 + 12345 + Math.floor(Math.random() * 7)) % 2147483648;
        return { ...req, body: bodies[pick % bodies.length] };
      },
      onResponse: (status, body) => {
        responses++;
        if (status < 200 || status > 299) return; // counted by autocannon as non2xx
        if (responses % config.validateEvery !== 0) return;
        checked++;
        try {
          const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
          if (parsed.errors || parsed.data == null) {
            invalid++;
            if (samples.length < 3) samples.push(body.slice(0, 500));
          }
        } catch {
          invalid++;
          if (samples.length < 3) samples.push(body.slice(0, 500));
        }
      },
    },
  ],
});

const out: LoadResult = {
  requests: result.requests.total,
  durationSec: result.duration,
  rps: result.requests.total / result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  mean: result.latency.mean,
  errors: result.errors + result.timeouts,
  non2xx: result.non2xx,
  checked,
  invalid,
  invalidSamples: samples,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
