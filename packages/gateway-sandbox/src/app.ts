import express, { type NextFunction, type Request, type Response } from 'express';
import { cardRouter } from './card/routes.js';
import type { SandboxContext } from './context.js';
import { approvalRouter } from './paypal/approval-routes.js';
import { paypalApiRouter } from './paypal/routes.js';
import { sandboxRouter } from './sandbox-routes.js';

/**
 * The sandbox's HTTP app. Access logs carry method, path (never the query string), status and
 * duration only: bodies, headers and query strings, where card data, tokens and credentials
 * travel, are never logged.
 */
export function createApp(ctx: SandboxContext, control: { reset(): void }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      ctx.logger.info(
        {
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        },
        'request',
      );
    });
    // Defaults for every response; pages that may be framed (the card field) override them.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  app.use(approvalRouter(ctx));
  app.use(paypalApiRouter(ctx));
  app.use(cardRouter(ctx));
  app.use(sandboxRouter(ctx, control));

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { status?: number; type?: string; message?: string } | undefined;
    if (e?.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid request body' });
      return;
    }
    ctx.logger.error({ error: e?.message ?? 'unknown' }, 'unhandled error');
    res
      .status(e?.status && e.status >= 400 && e.status < 600 ? e.status : 500)
      .json({ error: 'internal error' });
  });

  return app;
}
