import type { Locale, Standing, UserRole } from '@marketplace/core';

/** Who is making the request, resolved once from the session cookie or bearer token. */
export interface Viewer {
  userId: number;
  sessionId: number;
  role: UserRole;
  merchantId: number | null;
  locale: Locale;
  /**
   * Present when the request is authenticated by an API key (`Authorization: Bearer mk_…`, see
   * modules/api-keys/README.md): the viewer is then the key's creator (their CURRENT role, store and standing,
   * resolved on every request), restricted further by `scopes`. `sessionId` is 0 for key requests.
   */
  apiKey?: { id: number; scopes: string[]; merchantId: number | null };
  /**
   * The account's and its store's status as read with the session at the start of this request (one
   * statement with the query budget); the capability check of this request uses it instead of reading
   * them again, unless it must lock the store or checks another store.
   */
  standing?: Standing;
}
