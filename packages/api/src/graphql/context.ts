import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@marketplace/core';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Viewer } from '../modules/accounts/viewer.js';
import type { Services } from './services.js';
import type { Loaders } from './loaders.js';

/** What the HTTP layer lets a resolver do to the response (session cookies only). */
export interface HttpScope {
  ip: string;
  /** Whether the request's session token came in the session cookie (a browser), not as a bearer token. */
  sessionFromCookie?: boolean;
  setSessionCookie(token: string, expires: Date): void;
  clearSessionCookie(): void;
}

/** Request scope: one forked EntityManager (identity map), the viewer, DataLoaders and services. */
export interface Context {
  requestId: string;
  em: EntityManager;
  viewer: Viewer | null;
  /**
   * A session token (cookie or bearer) not looked up yet: the query-limits plugin resolves it together
   * with the query budget in one statement and then sets `viewer`, `locale` and `services`
   * (graphql/limits/rate-budget.prelude.ts). Null once resolved, or when there is none.
   */
  sessionToken?: string | null;
  /** Language for localized fields when the query does not name one. */
  locale: Locale;
  config: Config;
  logger: Logger;
  http: HttpScope;
  loaders: Loaders;
  services: Services;
}
