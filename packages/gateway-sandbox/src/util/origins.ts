/**
 * Storefront origins allowed to embed the hosted card field and receive its messages.
 * A pattern is an exact origin (`https://shop.example`) or an origin with a wildcard port
 * (`http://localhost:*`), the two forms CSP `frame-ancestors` understands.
 */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  return patterns.some((pattern) => {
    if (pattern.endsWith(':*')) {
      const base = pattern.slice(0, -2);
      return `${url.protocol}//${url.hostname}` === base;
    }
    return pattern === origin;
  });
}

/** Validates one configured pattern; returns an error message or null. */
export function checkOriginPattern(pattern: string): string | null {
  const candidate = pattern.endsWith(':*') ? `${pattern.slice(0, -2)}:1` : pattern;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${pattern}: must be http(s)`;
    const expected = pattern.endsWith(':*') ? `${url.protocol}//${url.hostname}:1` : url.origin;
    if (expected !== candidate) return `${pattern}: must be an origin (scheme://host[:port]) without a path`;
    return null;
  } catch {
    return `${pattern}: not a valid origin`;
  }
}

export const DEFAULT_FRAME_ORIGINS = ['http://localhost:5173', 'http://localhost:*', 'http://127.0.0.1:*'];
