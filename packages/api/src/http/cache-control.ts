import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Context } from '../graphql/context.js';

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

/** The root field names an operation selects (through fragments), or null if any selection is not a plain field. */
function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const names: string[] = [];
  const visit = (selections: readonly SelectionNode[], seen: Set<string>): boolean => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) names.push(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (!visit(s.selectionSet.selections, seen)) return false;
      } else {
        const fragment = fragments.get(s.name.value);
        if (!fragment || seen.has(s.name.value)) return false;
        if (!visit(fragment.selectionSet.selections, new Set([...seen, s.name.value]))) return false;
      }
    }
    return true;
  };
  return visit(operation.selectionSet.selections, new Set()) ? names : null;
}

/**
 * HTTP caching of GraphQL responses, decided once per document (no per-field hooks, so nothing
 * wraps the schema's resolvers; Apollo's own cache-control plugin is disabled in app.ts):
 * - an anonymous `GET` query (no cookie, no Authorization) whose root fields are all public
 *   catalog/help content and whose answer has no errors is `public, max-age=…`
 *   (`Vary: Accept-Language, Origin`); any other root field makes it `no-store`;
 * - anything sent with credentials or answered for a viewer is `private, no-store`;
 * - `POST` (and so every mutation: Apollo refuses mutations over `GET`) is `no-store`.
 */
export function httpCacheHeadersPlugin(maxAgeSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const isGet = request.http?.method === 'GET';
      const anonymous = anonymousGet(request);
      let publicContent = false;
      return {
        async didResolveOperation({ operation, document }) {
          if (!anonymous || maxAgeSeconds <= 0 || operation?.operation !== 'query') return;
          const roots = rootFieldNames(operation, document);
          publicContent = roots !== null && roots.every((name) => PUBLIC_CACHE_ROOT_FIELDS.has(name));
        },
        async willSendResponse({ response, contextValue }) {
          const h = response.http.headers;
          if ((isGet && !anonymous) || contextValue.viewer) {
            h.set('cache-control', 'private, no-store');
          } else if (!isGet) {
            h.set('cache-control', 'no-store');
          } else {
            const clean = response.body.kind === 'single' && !response.body.singleResult.errors;
            h.set('cache-control', publicContent && clean ? `public, max-age=${maxAgeSeconds}` : 'no-store');
            h.set('vary', 'Accept-Language, Origin');
          }
        },
      };
    },
  };
}
