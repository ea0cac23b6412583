import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context.js';

/** What Apollo's cache-control plugin adds to `info` (its types live in @apollo/cache-control-types). */
interface CacheControlInfo {
  cacheControl: { setCacheHint(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void };
}

/**
 * Root query fields whose whole answer is public catalog/help content: the same for every anonymous caller
 * (only the Accept-Language locale changes it, hence `Vary: Accept-Language`).
 */
export const PUBLIC_CACHE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'categories',
  'helpArticle',
  'helpArticles',
  'product',
  'products',
]);

/** Whether a request may get public cache hints: a `GET` sent without any credentials. */
function anonymousGet(request: { http?: { method: string; headers: Map<string, string> } }): boolean {
  const headers = request.http?.headers;
  return request.http?.method === 'GET' && !headers?.get('authorization') && !headers?.get('cookie');
}

/**
 * HTTP caching of GraphQL responses, around Apollo's cache-control plugin:
 * `[publicCacheHintsPlugin(maxAge), ApolloServerPluginCacheControl({ defaultMaxAge: 0 }), httpCacheHeadersPlugin()]`
 * (Apollo calls `willResolveField` of the plugins in reverse order, `willSendResponse` in order).
 * - anonymous `GET` queries (no cookie, no Authorization) whose root fields are all public get cache hints
 *   `PUBLIC, maxAge` on every field below those roots, so Apollo computes `public, max-age=…`;
 *   any other field (hint-less, so max-age 0) makes the answer `no-store`;
 * - anything sent with credentials or answered for a viewer is `private, no-store`;
 * - `POST` (and so every mutation: Apollo refuses mutations over `GET`) is `no-store`.
 */
export function publicCacheHintsPlugin(maxAgeSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      if (!anonymousGet(request) || maxAgeSeconds <= 0) return;
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              let root = info.path;
              while (root.prev) root = root.prev;
              if (info.operation.operation === 'query' && PUBLIC_CACHE_ROOT_FIELDS.has(String(root.key))) {
                (info as unknown as CacheControlInfo).cacheControl.setCacheHint({
                  maxAge: maxAgeSeconds,
                  scope: 'PUBLIC',
                });
              }
            },
          };
        },
      };
    },
  };
}

/** The final `Cache-Control` header (see publicCacheHintsPlugin); registered after Apollo's plugin. */
export function httpCacheHeadersPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const isGet = request.http?.method === 'GET';
      const anonymous = anonymousGet(request);
      return {
        async willSendResponse({ response, contextValue }) {
          const h = response.http.headers;
          if ((isGet && !anonymous) || contextValue.viewer) {
            h.set('cache-control', 'private, no-store');
          } else if (!isGet) {
            h.set('cache-control', 'no-store');
          } else {
            const m = /^max-age=(\d+), public$/.exec(h.get('cache-control') ?? '');
            h.set('cache-control', m && Number(m[1]) > 0 ? `public, max-age=${m[1]}` : 'no-store');
            h.set('vary', 'Accept-Language, Origin');
          }
        },
      };
    },
  };
}
