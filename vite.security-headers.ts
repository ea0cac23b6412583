import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Security headers of the two SPAs (issue 9 §5), shared by packages/storefront and packages/admin.
 *
 * Production (a build served by `vite preview` or any static host — see the SPAs' READMEs for what the
 * host must send): no inline script or style at all, so the policy is `'self'` only. `vite build` emits
 * only external scripts and stylesheets, and React applies `style` props through the CSSOM, which CSP
 * does not restrict.
 *
 * Development (`vite` dev server): Vite injects an inline module (React Fast Refresh preamble) and
 * `<style>` elements for CSS imports. Instead of `'unsafe-inline'`, every HTML answer gets a fresh nonce:
 * Vite writes `html.cspNonce` (a placeholder) on each tag and in `<meta property="csp-nonce">` (which its
 * client reads for the `<style>` elements it adds), and the middleware below swaps the placeholder for a
 * per-request random value that the response's header also carries.
 */
export interface SpaPolicyOptions {
  /** Origins the SPA may show in an iframe (the card gateway's hosted field); none by default. */
  frameSrc?: readonly string[];
}

function policy(opts: SpaPolicyOptions, nonce: string | null): string {
  const inline = nonce ? ` 'nonce-${nonce}'` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Development: Vite's HMR websocket.
    `connect-src 'self'${nonce ? ' ws: wss:' : ''}`,
    `frame-src ${opts.frameSrc?.length ? opts.frameSrc.join(' ') : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The Content-Security-Policy a production build is served with. */
export function productionCsp(opts: SpaPolicyOptions = {}): string {
  return policy(opts, null);
}

/**
 * Every header a production build needs besides CSP. HSTS is for the TLS front (the static host or
 * proxy in front of it), never for plain-HTTP development and preview servers.
 */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Reset-password and order-key links carry secrets in their URL: never send it to another site.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function productionHeaders(opts: SpaPolicyOptions = {}): Record<string, string> {
  return { 'Content-Security-Policy': productionCsp(opts), ...STATIC_SECURITY_HEADERS };
}

/** Same length as a nonce (18 random bytes in base64), so Content-Length stays right after the swap. */
const NONCE_PLACEHOLDER = 'mpCspNoncePlaceholder000';

function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/** Dev server: a fresh nonce per response, written into the HTML Vite built with the placeholder. */
function devHeaders(opts: SpaPolicyOptions) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const nonce = randomBytes(18).toString('base64');
    res.setHeader('Content-Security-Policy', policy(opts, nonce));
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
    if (wantsHtml(req)) {
      // A 304 would reuse a page whose nonce no longer matches the header.
      delete req.headers['if-none-match'];
      res.setHeader('Cache-Control', 'no-store');
    }
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (type.startsWith('text/html') && chunk !== undefined && typeof chunk !== 'function') {
        const text = Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
        if (text.includes(NONCE_PLACEHOLDER)) {
          const swapped = text.replaceAll(NONCE_PLACEHOLDER, nonce);
          return end(Buffer.isBuffer(chunk) ? Buffer.from(swapped, 'utf8') : swapped, ...rest);
        }
      }
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    next();
  };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type Server = { middlewares: { use(fn: Middleware): unknown } };

/** A Vite plugin, typed structurally: this file sits outside the SPA packages that depend on vite. */
export function securityHeadersPlugin(opts: SpaPolicyOptions = {}) {
  return {
    name: 'marketplace:security-headers',
    config(_config: unknown, env: { command: 'build' | 'serve'; isPreview?: boolean }) {
      if (env.command === 'serve' && !env.isPreview) return { html: { cspNonce: NONCE_PLACEHOLDER } };
      return undefined;
    },
    configureServer(server: Server) {
      server.middlewares.use(devHeaders(opts));
    },
    configurePreviewServer(server: Server) {
      const headers = productionHeaders(opts);
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}
