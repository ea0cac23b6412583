import type { Locale, UserRole } from '@marketplace/core';

/** Who is making the request, resolved once from the session cookie or bearer token. */
export interface Viewer {
  userId: number;
  sessionId: number;
  role: UserRole;
  merchantId: number | null;
  locale: Locale;
}
