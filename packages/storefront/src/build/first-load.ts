/**
 * First-load JavaScript of a page, computed from Vite's build manifest (`build.manifest: true`):
 * the entry chunk of index.html, every chunk it imports statically (Vite modulepreloads those),
 * and the lazily loaded route modules the page needs before it can render, with their own static
 * imports. Sizes are gzip (level 6, as Vite reports them); each chunk is counted once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One entry of `.vite/manifest.json` (the fields used here). */
export type ManifestChunk = {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
export type Manifest = Record<string, ManifestChunk>;

export type ChunkSize = {
  file: string;
  /** Why it is loaded: `entry`, `static import` or `lazy: <module>`. */
  reason: string;
  bytes: number;
  gzipBytes: number;
};

export type FirstLoad = {
  chunks: ChunkSize[];
  css: ChunkSize[];
  totalBytes: number;
  totalGzipBytes: number;
  cssGzipBytes: number;
};

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 6 }).length;
}

/**
 * @param lazyModules source paths (manifest keys, e.g. `src/app/routes/product-list.tsx`) of the
 *   lazily imported modules the page waits for; each must be a dynamic entry of the build.
 */
export function computeFirstLoad(
  manifest: Manifest,
  outDir: string,
  lazyModules: readonly string[],
  entryKey = 'index.html',
): FirstLoad {
  const seen = new Map<string, string>();
  const cssSeen = new Map<string, string>();
  const visit = (key: string, reason: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (seen.has(key)) return;
    seen.set(key, reason);
    for (const css of chunk.css ?? []) if (!cssSeen.has(css)) cssSeen.set(css, reason);
    for (const imported of chunk.imports ?? [])
      visit(imported, reason === 'entry' ? 'static import' : reason);
  };
  const entry = manifest[entryKey];
  if (!entry?.isEntry) throw new Error(`${entryKey} is not an entry of the build`);
  visit(entryKey, 'entry');
  for (const lazy of lazyModules) {
    const chunk = manifest[lazy];
    if (!chunk?.isDynamicEntry) throw new Error(`${lazy} is not a lazily loaded module of the build`);
    visit(lazy, `lazy: ${lazy}`);
  }

  const measure = (file: string, reason: string): ChunkSize => {
    const content = readFileSync(path.join(outDir, file));
    return { file, reason, bytes: content.length, gzipBytes: gzipSize(content) };
  };
  const chunks = [...seen].map(([key, reason]) => measure(manifest[key]?.file ?? key, reason));
  const css = [...cssSeen].map(([file, reason]) => measure(file, reason));
  const sum = (items: ChunkSize[], field: 'bytes' | 'gzipBytes') =>
    items.reduce((total, item) => total + item[field], 0);
  return {
    chunks: chunks.sort((a, b) => b.gzipBytes - a.gzipBytes),
    css: css.sort((a, b) => b.gzipBytes - a.gzipBytes),
    totalBytes: sum(chunks, 'bytes'),
    totalGzipBytes: sum(chunks, 'gzipBytes'),
    cssGzipBytes: sum(css, 'gzipBytes'),
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;

/** A table for the test output: one line per chunk, largest first, then the totals. */
export function formatFirstLoad(title: string, load: FirstLoad): string {
  const width = Math.max(...load.chunks.map((chunk) => chunk.file.length), 10);
  const lines = load.chunks.map(
    (chunk) =>
      `  ${chunk.file.padEnd(width)}  ${kb(chunk.bytes).padStart(10)}  ${kb(chunk.gzipBytes).padStart(9)} gzip  ${chunk.reason}`,
  );
  return [
    `${title}`,
    ...lines,
    `  ${'JavaScript total'.padEnd(width)}  ${kb(load.totalBytes).padStart(10)}  ${kb(load.totalGzipBytes).padStart(9)} gzip`,
    `  ${'(CSS, not counted)'.padEnd(width)}  ${''.padStart(10)}  ${kb(load.cssGzipBytes).padStart(9)} gzip`,
  ].join('\n');
}
