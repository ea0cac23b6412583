#!/usr/bin/env node
// The README's two commands land here: `npm start` and `npm test`.
// Runs on any Node >= 20 with npm: it fetches the pinned pnpm through npx, installs the
// workspace (which brings Node 24 from the npm registry), then hands over to pnpm, whose
// scripts run on that Node 24.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = 'pnpm@10.34.9';
const mode = process.argv[2];
if (mode !== 'start' && mode !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}

const quietNpm = { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' };

function pnpm(args, { mayFail = false } = {}) {
  const result = spawnSync('npx', ['-y', PNPM, ...args], { cwd: root, stdio: 'inherit', env: quietNpm });
  if (result.status !== 0 && !mayFail) process.exit(result.status ?? 1);
  return result.status ?? 1;
}

/** Adds up the JSON reports every vitest run writes (see vitest.shared.ts). */
function testSummary() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const pkg of readdirSync(path.join(root, 'packages'))) {
    const file = path.join(root, 'packages', pkg, '.test-results', 'vitest.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  return { passed, failed, skipped };
}

function step(text) {
  console.log(`\n\u25b6 ${text}`);
}

/** Browser tests drive Debian's Chromium; install it when missing and we may (root with apt). */
function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(wanted)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Chromium not found at ${wanted}. Install Debian's "chromium" package (or set CHROMIUM_PATH) and run again.`,
    );
    process.exit(1);
  }
  step('installing Chromium for the browser tests (apt-get install chromium)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

const started = Date.now();
step(`installing dependencies (${PNPM})`);
pnpm(['install', ...(existsSync(path.join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [])]);

if (mode === 'test') {
  ensureChromium();
  step(
    'running every test (turbo: schema check, typecheck, lint, unit + API tests, build, browser journeys)',
  );
  for (const pkg of readdirSync(path.join(root, 'packages'))) {
    rmSync(path.join(root, 'packages', pkg, '.test-results'), { recursive: true, force: true });
  }
  const status = pnpm(['run', 'test:all'], { mayFail: true });
  const { passed, failed, skipped } = testSummary();
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${status === 0 ? 'All checks passed' : 'Checks FAILED'} in ${seconds} s.`);
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (status !== 0 || failed > 0 || passed === 0) process.exit(status || 1);
} else {
  step('starting API, storefront and admin (Ctrl-C stops everything, including the database)');
  // Ctrl-C reaches every process of the terminal's group; wait for the children to finish cleanly.
  const child = spawn('npx', ['-y', PNPM, 'run', 'dev'], { cwd: root, stdio: 'inherit', env: quietNpm });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
