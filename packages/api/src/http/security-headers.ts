import type { NextFunction, Request, Response } from 'express';

/**
 * Security headers of the API (issue 9 §5). The API answers JSON, never a page of its own (GraphiQL sets
 * its own policy in graphiql.ts), so its policy forbids everything: a response opened as a document runs
 * nothing, loads nothing and cannot be framed.
 */
export const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Uploaded files under /media: even a file that a browser would sniff as HTML or SVG gets an opaque
 * origin (`sandbox`) with no script, style or subresource, and nosniff keeps its declared image type.
 */
export const MEDIA_CSP = "default-src 'none'; sandbox";

/** One year, the value HSTS preload lists ask for. Sent only on requests that came over TLS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * `TRUST_PROXY` → Express's `trust proxy` setting: which peers may tell us the client's address and
 * protocol (X-Forwarded-For / X-Forwarded-Proto). Default `loopback`: a TLS-terminating proxy on the same
 * host. `false` trusts nobody (the API faces the internet itself); a number trusts that many hops; anything
 * else is Express's list of addresses, CIDR ranges or the names loopback / linklocal / uniquelocal.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = (value ?? '').trim();
  if (v === '') return 'loopback';
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/**
 * Whether this request reached the platform over TLS: directly, or through a trusted proxy that said so
 * in X-Forwarded-Proto (Express's `req.secure` applies the `trust proxy` setting).
 */
export function cameOverTls(req: Request): boolean {
  return req.secure;
}

/** Headers on every API response; HSTS only when the request came over TLS (see `cameOverTls`). */
export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', API_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (cameOverTls(req)) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}

/** `setHeaders` of the static /media handler (and of the evidence handler). */
export function setMediaHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', MEDIA_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/**
 * Attributes of the session cookie: never readable by scripts, not sent on cross-site subrequests
 * (Lax still sends it on the top-level navigation back from PayPal's approval page), and Secure whenever
 * the browser talks TLS to us — always in production, where a plain-HTTP deployment is a mistake.
 */
export function sessionCookieAttributes(req: Request, nodeEnv: string) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: nodeEnv === 'production' || cameOverTls(req),
    path: '/',
  };
}
