import { execFile as execFileCb } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT } from '../../src/config.js';

/**
 * pg_dump / pg_restore for the backup test. pg_dump refuses a server of a newer major version, and
 * the embedded server is PostgreSQL 18 while Debian bookworm ships client 15 (sid's client 18 needs a
 * newer glibc). So, in this order: PG_CLIENT_BIN_DIR; a pg_dump on PATH or in /usr/lib/postgresql/N/bin
 * that is new enough (e.g. PGDG's postgresql-client-18); a build cached by an earlier run; else the
 * client programs are built once from the PostgreSQL source tarball (Debian's mirror of the upstream
 * release, SHA-256 checked) into node_modules/.cache — about a minute on two cores. The build needs a
 * C compiler, make and perl; bison, flex and m4 are fetched as .deb files with apt-get into the cache
 * when missing (no root needed, nothing installed system-wide).
 */

const execFile = promisify(execFileCb);

export interface PgClientTools {
  pgDump: string;
  pgRestore: string;
  version: string;
}

const CACHE_DIR =
  process.env.PG_CLIENT_CACHE_DIR ?? path.join(REPO_ROOT, 'node_modules', '.cache', 'marketplace-pg-client');
const DEBIAN_MIRROR = process.env.PG_SOURCE_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
const COMPLETE_MARKER = '.complete';

/** The tarball used while it is in Debian's pool; when it has been superseded, sid's index names the current one. */
const PINNED_SOURCES: Record<number, { version: string; file: string; sha256: string }> = {
  18: {
    version: '18.6',
    file: 'pool/main/p/postgresql-18/postgresql-18_18.6.orig.tar.bz2',
    sha256: '555610c24d53e4316da5b7d3fc25c279d96856d5e0e23ee308c328c5fa881d9f',
  },
};

type Log = (message: string) => void;

export async function pgClientTools(serverMajor: number, log: Log = () => undefined): Promise<PgClientTools> {
  for (const dir of await candidateDirs()) {
    const found = await usable(dir, serverMajor);
    if (found) return found;
  }
  const dir = await buildFromSource(serverMajor, log);
  const built = await usable(dir, serverMajor);
  if (!built) throw new Error(`the pg_dump built in ${dir} does not run`);
  return built;
}

async function candidateDirs(): Promise<string[]> {
  const dirs: string[] = [];
  if (process.env.PG_CLIENT_BIN_DIR) dirs.push(process.env.PG_CLIENT_BIN_DIR);
  for (const p of (process.env.PATH ?? '').split(path.delimiter)) if (p) dirs.push(p);
  for (const root of ['/usr/lib/postgresql', CACHE_DIR]) {
    const names = existsSync(root) ? await readdir(root) : [];
    const versions = names.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    for (const name of versions) {
      if (root === CACHE_DIR && !existsSync(path.join(root, name, COMPLETE_MARKER))) continue;
      dirs.push(path.join(root, name, 'bin'));
    }
  }
  return dirs;
}

async function usable(dir: string, serverMajor: number): Promise<PgClientTools | null> {
  const pgDump = path.join(dir, 'pg_dump');
  const pgRestore = path.join(dir, 'pg_restore');
  if (!existsSync(pgDump) || !existsSync(pgRestore)) return null;
  try {
    const versions = await Promise.all(
      [pgDump, pgRestore].map(async (bin) => (await execFile(bin, ['--version'])).stdout.trim()),
    );
    const parsed = versions.map((v) => /\(PostgreSQL\) (\d+)(\.\d+)?/.exec(v));
    if (parsed.some((m) => !m || Number(m[1]) < serverMajor)) return null;
    return { pgDump, pgRestore, version: versions[0]! };
  } catch {
    return null;
  }
}

async function buildFromSource(major: number, log: Log): Promise<string> {
  const source = await findSource(major, log);
  const prefix = path.join(CACHE_DIR, `postgresql-${source.version}`);
  // One builder per prefix (two test runs at once): the other waits for its result.
  const lock = `${prefix}.building`;
  await mkdir(CACHE_DIR, { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (existsSync(path.join(prefix, COMPLETE_MARKER))) return path.join(prefix, 'bin');
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 30 * 60_000) await rm(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 2000));
    }
  }
  await rm(prefix, { recursive: true, force: true });
  const work = await mkdtemp(path.join(os.tmpdir(), 'mp-pg-build-'));
  try {
    const tarball = path.join(work, 'postgresql.tar.bz2');
    await writeFile(tarball, source.data);
    await run('tar', ['xjf', tarball, '-C', work], work);
    const srcDir = path.join(work, (await readdir(work)).find((n) => n.startsWith('postgresql-'))!);
    const env = { ...process.env, ...(await parserGenerators(log)) };
    const zlib = existsSync('/usr/include/zlib.h') ? '--with-zlib' : '--without-zlib';
    log(`building pg_dump ${source.version} from source into ${prefix}`);
    const jobs = String(Math.max(1, Math.min(4, os.availableParallelism())));
    await run(
      './configure',
      [`--prefix=${prefix}`, '--without-readline', '--without-icu', '--without-openssl', zlib],
      srcDir,
      env,
    );
    // One make per directory, dependencies first: a parallel make of pg_dump alone races — its
    // sub-makes build the backend's generated headers and src/common from two places at once
    // (seen in CI: "ar: keywords_shlib.o: No such file or directory").
    await run('make', ['-C', 'src/backend', 'generated-headers'], srcDir, env);
    for (const dir of ['src/port', 'src/common', 'src/interfaces/libpq', 'src/fe_utils', 'src/bin/pg_dump']) {
      await run('make', [`-j${jobs}`, '-C', dir], srcDir, env);
    }
    await run('make', ['-C', 'src/bin/pg_dump', 'install'], srcDir, env);
    // The programs find this libpq through their rpath (the prefix), not the system's older one.
    await run('make', ['-C', 'src/interfaces/libpq', 'install'], srcDir, env);
    await writeFile(path.join(prefix, COMPLETE_MARKER), `${source.version}\n`);
    return path.join(prefix, 'bin');
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(lock, { recursive: true, force: true });
  }
}

async function findSource(major: number, log: Log): Promise<{ version: string; data: Buffer }> {
  const pinned = PINNED_SOURCES[major];
  if (pinned) {
    const data = await download(`${DEBIAN_MIRROR}/${pinned.file}`);
    if (data) return { version: pinned.version, data: checked(data, pinned.sha256, pinned.file) };
    log(`${pinned.file} is no longer on the mirror: looking up the current release`);
  }
  // Debian unstable's source index: the current postgresql-<major> upstream tarball and its checksum.
  const index = await download(`${DEBIAN_MIRROR}/dists/sid/main/source/Sources.gz`);
  if (!index) throw new Error('cannot download the Debian source index to find the PostgreSQL source');
  const paragraph = gunzipSync(index)
    .toString('utf8')
    .split('\n\n')
    .find((p) => p.startsWith(`Package: postgresql-${major}\n`));
  const directory = /^Directory: (.+)$/m.exec(paragraph ?? '')?.[1];
  const sums = /^Checksums-Sha256:\n((?: .+\n?)+)/m.exec(paragraph ?? '')?.[1] ?? '';
  const orig = / ([0-9a-f]{64}) \d+ (postgresql-\d+_([\d.]+)\.orig\.tar\.bz2)/.exec(sums);
  if (!directory || !orig) throw new Error(`no postgresql-${major} source in Debian's index`);
  const data = await download(`${DEBIAN_MIRROR}/${directory}/${orig[2]}`);
  if (!data) throw new Error(`cannot download ${orig[2]}`);
  return { version: orig[3]!, data: checked(data, orig[1]!, orig[2]!) };
}

function checked(data: Buffer, sha256: string, name: string): Buffer {
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== sha256) throw new Error(`${name}: SHA-256 ${actual}, expected ${sha256}`);
  return data;
}

async function download(url: string): Promise<Buffer | null> {
  const res = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** bison, flex and m4 (a tarball build generates the parsers): from PATH, else unpacked from the distribution's .debs. */
async function parserGenerators(log: Log): Promise<Record<string, string>> {
  const missing = [];
  for (const tool of ['bison', 'flex', 'm4']) if (!(await onPath(tool))) missing.push(tool);
  if (missing.length === 0) return {};
  const root = path.join(CACHE_DIR, 'build-tools');
  const bin = path.join(root, 'usr', 'bin');
  if (!missing.every((t) => existsSync(path.join(bin, t)))) {
    if (!(await onPath('apt-get')) || !(await onPath('dpkg-deb'))) {
      throw new Error(
        `building pg_dump needs ${missing.join(', ')}: install them (apt-get install bison flex) or set PG_CLIENT_BIN_DIR to a PostgreSQL ≥ server client`,
      );
    }
    log(`fetching ${missing.join(', ')} with apt-get download (into ${root})`);
    const state = path.join(root, 'apt');
    await mkdir(path.join(state, 'lists', 'partial'), { recursive: true });
    await mkdir(path.join(state, 'cache', 'archives', 'partial'), { recursive: true });
    const debs = path.join(root, 'debs');
    await mkdir(debs, { recursive: true });
    const apt = [
      '-o',
      `Dir::State::Lists=${path.join(state, 'lists')}`,
      '-o',
      `Dir::Cache=${path.join(state, 'cache')}`,
      '-o',
      'Debug::NoLocking=1',
    ];
    await run('apt-get', [...apt, '-qq', 'update'], debs);
    await run('apt-get', [...apt, '-qq', 'download', ...missing], debs);
    for (const deb of await readdir(debs)) {
      if (deb.endsWith('.deb')) await run('dpkg-deb', ['-x', path.join(debs, deb), root], debs);
    }
  }
  const env: Record<string, string> = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
  if (missing.includes('m4')) env.M4 = path.join(bin, 'm4');
  if (missing.includes('bison')) env.BISON_PKGDATADIR = path.join(root, 'usr', 'share', 'bison');
  return env;
}

async function onPath(tool: string): Promise<boolean> {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && existsSync(path.join(dir, tool)));
}

async function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  try {
    await execFile(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    const tail = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}: ${e.message}\n${tail}`);
  }
}
