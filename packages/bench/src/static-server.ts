/**
 * Serves the storefront's production build the way a real deployment would, for Lighthouse:
 * gzip/brotli compression, long-lived immutable caching of the hashed files under /assets/,
 * `no-cache` for index.html, SPA fallback to index.html for every other path, and /graphql +
 * /media proxied to the API on the same origin (like the Vite dev proxy), so the session cookie
 * and relative media URLs work.
 */
import { once } from 'node:events';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

export type StorefrontServer = { url: string; close(): Promise<void> };

type Asset = {
  body: Buffer;
  gzip: Buffer | null;
  brotli: Buffer | null;
  contentType: string;
  cacheControl: string;
  etag: string;
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;
const PROXIED = /^\/(graphql|media)(\/|\?|$)/;

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const rel = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        // Vite's manifest directory is build metadata, not something to serve.
        return entry.name === '.vite' ? [] : listFiles(path.join(dir, entry.name), rel);
      }
      return [rel];
    }),
  );
  return nested.flat();
}

/** Everything is read and compressed once at start: the build is small and immutable. */
async function loadAssets(distDir: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  for (const rel of await listFiles(distDir)) {
    const body = await readFile(path.join(distDir, rel));
    const contentType = CONTENT_TYPES[path.extname(rel)] ?? 'application/octet-stream';
    // Source maps are only fetched by developer tools: not worth compressing at start.
    const compressible = COMPRESSIBLE.test(contentType) && body.length > 512 && !rel.endsWith('.map');
    const hashed = rel.startsWith('/assets/');
    const { mtimeMs } = await stat(path.join(distDir, rel));
    assets.set(rel, {
      body,
      gzip: compressible ? gzipSync(body, { level: 9 }) : null,
      brotli: compressible
        ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
        : null,
      contentType,
      cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: `"${body.length.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`,
    });
  }
  return assets;
}

function sendAsset(req: http.IncomingMessage, res: http.ServerResponse, asset: Asset, status = 200) {
  if (req.headers['if-none-match'] === asset.etag && status === 200) {
    res.writeHead(304, { etag: asset.etag, 'cache-control': asset.cacheControl });
    res.end();
    return;
  }
  const accept = String(req.headers['accept-encoding'] ?? '');
  let body = asset.body;
  const headers: http.OutgoingHttpHeaders = {
    'content-type': asset.contentType,
    'cache-control': asset.cacheControl,
    etag: asset.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (asset.brotli && /\bbr\b/.test(accept)) {
    body = asset.brotli;
    headers['content-encoding'] = 'br';
  } else if (asset.gzip && /\bgzip\b/.test(accept)) {
    body = asset.gzip;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function proxy(req: http.IncomingMessage, res: http.ServerResponse, api: URL) {
  const headers = { ...req.headers, host: api.host };
  const upstream = http.request(
    {
      protocol: api.protocol,
      hostname: api.hostname,
      port: api.port,
      method: req.method,
      path: req.url,
      headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`API unreachable: ${error.message}`);
  });
  req.pipe(upstream);
}

export async function startStorefrontServer(opts: {
  port: number;
  apiUrl: string;
  distDir: string;
}): Promise<StorefrontServer> {
  const api = new URL(opts.apiUrl);
  const assets = await loadAssets(opts.distDir);
  const index = assets.get('/index.html');
  if (!index) throw new Error(`no index.html in ${opts.distDir}: build the storefront first`);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://storefront');
    if (PROXIED.test(url.pathname)) {
      proxy(req, res, api);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    const asset = assets.get(pathname);
    if (asset) {
      sendAsset(req, res, asset);
      return;
    }
    // A missing hashed file is a real 404 (an old page asking for a replaced chunk), not a page.
    if (pathname.startsWith('/assets/')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      res.end('not found');
      return;
    }
    sendAsset(req, res, index);
  });
  // Lighthouse and the browser keep connections open; close() must not wait for them.
  server.keepAliveTimeout = 5_000;
  server.listen(opts.port, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
