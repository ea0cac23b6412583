import { paths } from '../../app/paths.js';

/** Pages that make no sense to return to after signing in. */
const AUTH_PAGES: readonly string[] = [
  paths.signIn.path,
  paths.register.path,
  paths.forgotPassword.path,
  paths.resetPassword.path,
];

/**
 * Where to go after signing in: the `next` parameter only when it is a path on this site (never
 * `//evil.example`, `/\evil.example`, a full URL or `javascript:`), and not an auth page.
 */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (!next || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters make a URL ambiguous
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  const pathname = next.split(/[?#]/, 1)[0] ?? '';
  return AUTH_PAGES.includes(pathname) ? fallback : next;
}
