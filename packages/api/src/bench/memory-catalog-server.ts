/**
 * Baseline of `pnpm bench`: the GraphQL server's own limit. The same schema, compiled execution,
 * Express/Apollo pipeline and response formatting as the API, but the catalog is loaded ONCE at
 * start and every request is answered from memory — no statement per request (no session lookup,
 * no query budget, no catalog query). The gap between this and the API is what the database
 * round trips cost.
 *
 * Env: DATABASE_URL (read once at start), API_PORT (default 4099).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { loadConfig } from '../config.js';
import { initOrm } from '../db/orm.js';
import { compiledExecutionGateway } from '../graphql/compiled-execution.js';
import type { Context } from '../graphql/context.js';
import { formatError } from '../graphql/errors.js';
import { createLoaders } from '../graphql/loaders.js';
import { decodeCursor, encodeCursor, toConnection } from '../graphql/relay.js';
import { createSchema } from '../graphql/schema.js';
import { createServices } from '../graphql/services.js';
import { httpCacheHeadersPlugin } from '../http/cache-control.js';
import { createLogger } from '../logger.js';
import type { ProductView } from '../modules/catalog/catalog.rows.js';
import { CatalogService, type ProductFilter } from '../modules/catalog/catalog.service.js';

const config = loadConfig();
const logger = createLogger('warn');
const orm = await initOrm({ clientUrl: config.databaseUrl ?? '', poolMax: 2 });

// The whole visible catalog, newest first, read once through the API's own page statement.
const all: ProductView[] = [];
const loader = new CatalogService(orm.em.fork());
for (let after: string | null = null; ; ) {
  const page = await loader.listProducts({ first: 100, after }, new Date());
  all.push(...page.nodes);
  if (!page.pageInfo.hasNextPage) break;
  after = page.pageInfo.endCursor;
}
const position = new Map(all.map((v, i) => [v.product.id, i]));
const byHandle = new Map(all.map((v) => [v.product.handle, v]));

/** The catalog service's read methods, answered from the snapshot (unfiltered pages and lookups). */
const memoryCatalog = {
  async listProducts(filter: ProductFilter) {
    const afterId = filter.after ? Number(decodeCursor(filter.after)?.[0]) : null;
    let start = 0;
    if (afterId !== null) {
      const at = position.get(afterId);
      start = at === undefined ? all.findIndex((v) => v.product.id < afterId) : at + 1;
      if (start < 0) start = all.length;
    }
    const rows = all.slice(start, start + filter.first + 1);
    return toConnection(rows, filter.first, {
      hasPrevious: afterId !== null,
      cursorOf: (v) => encodeCursor([v.product.id]),
      map: (v) => v,
      count: async () => all.length,
    });
  },
  async findVisibleProduct(by: { id?: string | null; handle?: string | null }) {
    return by.handle ? (byHandle.get(by.handle) ?? null) : null;
  },
};

const schema = await createSchema();
const httpServer = createServer();
const apollo = new ApolloServer<Context>({
  gateway: compiledExecutionGateway(schema),
  formatError,
  includeStacktraceInErrorResponses: false,
  csrfPrevention: true,
  plugins: [
    ApolloServerPluginCacheControlDisabled(),
    httpCacheHeadersPlugin(config.publicCacheMaxAgeSeconds),
  ],
});
await apollo.start();

const app = express();
app.disable('x-powered-by');
app.use(
  '/graphql',
  express.json({ limit: '1mb' }),
  expressMiddleware(apollo, {
    context: async ({ req }): Promise<Context> => {
      const em = orm.em.fork();
      const services = createServices(em, null, config);
      Object.assign(services.catalog, memoryCatalog);
      return {
        requestId: randomUUID(),
        em,
        viewer: null,
        locale: 'en',
        config,
        logger,
        http: { ip: req.ip ?? '', setSessionCookie() {}, clearSessionCookie() {} },
        loaders: createLoaders(em),
        services,
      };
    },
  }),
);
httpServer.on('request', app);
const port = Number(process.env.API_PORT ?? 4099);
httpServer.listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'memory catalog server ready', port, products: all.length }));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    httpServer.close();
    void apollo
      .stop()
      .then(() => orm.close())
      .finally(() => process.exit(0));
  });
}
