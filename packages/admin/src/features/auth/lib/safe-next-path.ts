import { paths } from '../../../app/paths';

// Any origin works as a base: only whether the parsed URL stays on it matters.
const BASE = 'https://admin.invalid';

/**
 * Where to go after signing in, from the untrusted `next` query parameter. Only a path on this origin
 * is allowed (`/orders?page=2#top`); absolute URLs, protocol-relative `//host`, backslash tricks,
 * control characters and the login page itself fall back to the dashboard.
 */
export function safeNextPath(
  raw: string | null | undefined,
  fallback: string = paths.home.getHref(),
): string {
  if (!raw || raw.length > 2048 || !raw.startsWith('/')) return fallback;
  // Browsers treat `\` as `/` and drop tabs and newlines, which turns `/\evil.com` into `//evil.com`.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse to a protocol-relative path: `/a/..//evil.com` → `//evil.com`.
  if (path.startsWith('//')) return fallback;
  if (url.pathname === paths.auth.login.path) return fallback;
  return path;
}
