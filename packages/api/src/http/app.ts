import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import compression from 'compression';
import { parseCookie, stringifySetCookie } from 'cookie';
import express, { type Request, type Response } from 'express';
import { parseLocale } from '@marketplace/core';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import { databaseUnavailablePlugin, isDatabaseUnavailable } from '../db/database-unavailable.js';
import { sqlTraceMiddleware } from '../db/sql-trace.js';
import type { Context } from '../graphql/context.js';
import { formatError, isExposedError } from '../graphql/errors.js';
import { compiledExecutionGateway } from '../graphql/compiled-execution.js';
import { createLoaders } from '../graphql/loaders.js';
import { queryLimitsPlugin } from '../graphql/limits/limits.plugin.js';
import { textInputPlugin } from '../graphql/text-input.plugin.js';
import { createSchema } from '../graphql/schema.js';
import { createServices } from '../graphql/services.js';
import type { Logger } from '../logger.js';
import { SESSION_COOKIE, viewerForToken } from '../modules/accounts/session.service.js';
import type { Viewer } from '../modules/accounts/viewer.js';
import { apiKeyAuthentication } from '../modules/api-keys/api-keys.auth.js';
import { mediaUploadHandler } from '../modules/catalog-admin/media-uploads.js';
import { paypalWebhookHandler } from '../modules/payments/payment-webhooks.js';
import { evidenceMediaHandler } from '../modules/penalties/evidence-media.js';
import { httpCacheHeadersPlugin } from './cache-control.js';
import { corsMiddleware } from './cors.js';
import { graphiqlRouter } from './graphiql.js';
import { securityHeaders, sessionCookieAttributes, setMediaHeaders } from './security-headers.js';

function bearerOrCookie(req: Request): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] ?? null;
}

/** Logs every unexpected error with the request id; the client sees only a masked message and the id. */
function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExposedError(error)) continue;
            const err = error.originalError ?? error;
            const facts = { err, requestId: contextValue.requestId, operationName, path: error.path };
            // An outage is not a bug: one warning per request, answered 503 (db/database-unavailable.ts).
            if (isDatabaseUnavailable(err)) logger.warn(facts, 'database unavailable');
            else logger.error(facts, 'unexpected error');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) {
            if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              (e.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}

export async function createApp(opts: { config: Config; orm: Orm; logger: Logger; httpServer: Server }) {
  const { config, orm, logger, httpServer } = opts;
  const schema = await createSchema();
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecutionGateway(schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.graphqlLimits.maxTokens },
    introspection: config.introspectionEnabled,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Cache-Control per document (http/cache-control.ts); Apollo's per-field plugin would wrap every resolver.
      ApolloServerPluginCacheControlDisabled(),
      httpCacheHeadersPlugin(config.publicCacheMaxAgeSeconds),
      errorLoggingPlugin(logger),
      databaseUnavailablePlugin(),
      queryLimitsPlugin(config),
      textInputPlugin(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Who may report the client's address and TLS (X-Forwarded-*): rate limits, HSTS, Secure cookies.
  app.set('trust proxy', config.trustProxy);
  app.use(compression());
  app.use(securityHeaders());

  app.use((req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          requestId,
          method: req.method,
          url: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });

  app.use(corsMiddleware(config.corsOrigins));
  if (config.graphiqlEnabled) app.use(graphiqlRouter());

  app.get('/health', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      res.status(503).json({ status: 'error', database: 'unreachable' });
    }
  });

  app.post(
    '/media/uploads',
    mediaUploadHandler({
      mediaDir: config.mediaDir,
      viewerOf: (req) => viewerForToken(orm.em.fork(), bearerOrCookie(req)),
    }),
  );

  // Before the static handler: violation evidence is served only to the parties allowed.
  app.use(
    '/media/evidence',
    evidenceMediaHandler({
      mediaDir: config.mediaDir,
      em: () => orm.em.fork(),
      viewerOf: (req, em) => viewerForToken(em, bearerOrCookie(req)),
      setHeaders: setMediaHeaders,
    }),
  );
  // Only product images are public: the static root is their directory, so no spelling of a path
  // (`/media//evidence/…`, `/media/%65vidence/…`) reaches another directory of MEDIA_DIR.
  app.use(
    '/media/products',
    express.static(path.join(config.mediaDir, 'products'), {
      fallthrough: false,
      index: false,
      maxAge: '1d',
      dotfiles: 'deny',
      setHeaders: setMediaHeaders,
    }),
  );

  // PayPal signs the exact bytes it sent: the body stays raw until the signature is verified.
  app.post(
    '/webhooks/paypal',
    express.raw({ type: () => true, limit: '256kb' }),
    paypalWebhookHandler({ orm, config, logger }),
  );

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    // Statement tracing (tests, SQL budgets): after the body parser, which loses the async context.
    ...(config.sqlTrace ? [sqlTraceMiddleware()] : []),
    apiKeyAuthentication(() => orm.em.fork()),
    expressMiddleware(apollo, {
      context: async ({ req, res }: { req: Request; res: Response }): Promise<Context> => {
        const em = orm.em.fork();
        // A `Bearer mk_…` API key was resolved (or refused with 401) by apiKeyAuthentication; it wins over a cookie.
        // A session token is looked up by the query-limits plugin together with the query budget, in one
        // statement, before anything executes (graphql/limits/rate-budget.prelude.ts).
        const viewer: Viewer | null = (res.locals.apiKeyViewer as Viewer | undefined) ?? null;
        const requestId = String(res.locals.requestId);
        return {
          requestId,
          em,
          viewer,
          sessionToken: viewer ? null : bearerOrCookie(req),
          locale: viewer?.locale ?? parseLocale(req.headers['accept-language']),
          config,
          logger: logger.child({ requestId }),
          http: {
            ip: req.ip ?? '',
            sessionFromCookie:
              !req.headers.authorization?.startsWith('Bearer ') && bearerOrCookie(req) !== null,
            setSessionCookie: (token, expires) =>
              res.append(
                'Set-Cookie',
                stringifySetCookie({
                  name: SESSION_COOKIE,
                  value: token,
                  ...sessionCookieAttributes(req, config.nodeEnv),
                  expires,
                }),
              ),
            clearSessionCookie: () =>
              res.append(
                'Set-Cookie',
                stringifySetCookie({
                  name: SESSION_COOKIE,
                  value: '',
                  ...sessionCookieAttributes(req, config.nodeEnv),
                  maxAge: 0,
                }),
              ),
          },
          loaders: createLoaders(em),
          services: createServices(em, viewer, config),
        };
      },
    }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  return { app, apollo };
}
