import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { pickLang } from '../pages/approval.js';
import { cardFieldPage } from '../pages/card-field.js';
import { plainPage, sendPage } from '../pages/layout.js';
import type { StoredResponse } from '../util/idempotency.js';
import { esc, jsonForScript } from '../util/html.js';
import { originAllowed } from '../util/origins.js';
import { sleep } from '../util/time.js';
import { TEST_CARDS } from './cards.js';
import { CardApiError } from './store.js';

/** The origin the request was addressed to (the sandbox as the browser sees it). */
const ownOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? ''}`;

const tokenBody = z.object({
  number: z.string().max(32),
  exp_month: z.coerce.number().int(),
  exp_year: z.coerce.number().int(),
  cvc: z.string().max(8),
});

const chargeBody = z.object({
  token: z.string().min(1).max(64),
  amount: z.number().int().min(1).max(99_999_999_999),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code')
    .transform((c) => c.toUpperCase()),
  reference: z.string().max(255).optional(),
  description: z.string().max(1000).optional(),
});

const confirmBody = z.object({
  code: z.string().min(1).max(16),
  challenge_id: z.string().max(64).optional(),
});

const refundBody = z.object({
  amount: z.number().int().min(1).max(99_999_999_999).optional(),
  reason: z.string().max(255).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = issue.path.join('.');
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  throw new CardApiError(
    400,
    'invalid_request_error',
    missing ? 'parameter_missing' : 'parameter_invalid',
    missing ? `Missing required param: ${param}.` : `Invalid ${param}: ${issue.message}.`,
    { param },
  );
}

/** The card acquirer: hosted field, demo page, and the JSON API under /card/v1. */
export function cardRouter(ctx: SandboxContext): Router {
  const { card, opts } = ctx;
  const router = Router();
  /** The sandbox's own origin: as addressed by this request, or as configured (publicUrl behind a proxy). */
  const isSelf = (req: Request, origin: string) =>
    origin === ownOrigin(req) || origin === new URL(ctx.baseUrl()).origin;

  router.get('/card/field', (req, res) => {
    const pk = req.query.pk;
    const origin = req.query.origin;
    const error = (status: number, message: string) =>
      sendPage(res, status, (nonce) =>
        plainPage(nonce, 'Card field unavailable', `<h1>Card field unavailable</h1><p>${esc(message)}</p>`),
      );
    if (typeof pk !== 'string' || pk !== opts.card.publishableKey) {
      error(400, 'Unknown or missing publishable key (pk).');
      return;
    }
    if (
      typeof origin !== 'string' ||
      !(originAllowed(origin, opts.allowedFrameOrigins) || isSelf(req, origin))
    ) {
      error(403, 'The origin parameter must be one of the storefront origins allowed to embed this field.');
      return;
    }
    const lang = pickLang(undefined, req.headers['accept-language'], req.query.locale);
    sendPage(
      res,
      200,
      (nonce) =>
        cardFieldPage(nonce, {
          lang,
          publishableKey: pk,
          parentOrigin: origin,
          showButton: req.query.button !== 'false' && req.query.button !== '0',
        }),
      { frameAncestors: [origin] },
    );
  });

  router.get('/card/demo', (req, res) => {
    const origin = ownOrigin(req);
    const src = `/card/field?pk=${encodeURIComponent(opts.card.publishableKey)}&origin=${encodeURIComponent(origin)}`;
    sendPage(
      res,
      200,
      (nonce) =>
        plainPage(
          nonce,
          'Card field demo',
          `<h1>Hosted card field demo</h1>
<p class="muted">This page embeds <code>${esc(src)}</code> the way the storefront does and shows what the field posts to it.</p>
<div class="box"><iframe id="card-frame" class="card-frame" title="Card details" src="${esc(src)}"></iframe></div>
<p><button id="tokenize" type="button">Tokenize from the parent (postMessage)</button></p>
<p class="muted">Charge the token with the secret key (POST /card/v1/charges); one-time codes appear in the <a href="/sandbox/sms">SMS inbox</a>.</p>
<h2>Messages from the field</h2>
<pre id="messages" class="box" aria-live="polite"></pre>
<h2>Test cards</h2>
<table><tr><th>number</th><th>outcome</th></tr>${TEST_CARDS.map(
            (c) =>
              `<tr><td><code>${esc(c.number.replace(/(\d{4})(?=\d)/g, '$1 '))}</code></td><td>${esc(c.description)}</td></tr>`,
          ).join('')}</table>
<script type="application/json" id="demo-config">${jsonForScript({ origin })}</script>
<script nonce="${nonce}">
(function () {
  var cfg = JSON.parse(document.getElementById('demo-config').textContent);
  var frame = document.getElementById('card-frame');
  var out = document.getElementById('messages');
  window.addEventListener('message', function (event) {
    if (event.origin !== cfg.origin || event.source !== frame.contentWindow) return;
    if (event.data && event.data.type === 'resize') { frame.style.height = event.data.height + 'px'; return; }
    out.textContent = JSON.stringify(event.data) + '\\n' + out.textContent;
  });
  document.getElementById('tokenize').addEventListener('click', function () {
    frame.contentWindow.postMessage({ type: 'tokenize' }, cfg.origin);
  });
})();
</script>`,
        ),
      { frameSrc: ["'self'"] },
    );
  });

  // ── JSON API ───────────────────────────────────────────────────────────────────────────

  const api = Router();
  api.use(express.json({ limit: '64kb' }));

  const bearer = (req: Request) => {
    const auth = req.headers.authorization ?? '';
    return auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  };
  const requireSecret = (req: Request, _res: Response, next: NextFunction) => {
    const key = bearer(req);
    if (key !== opts.card.secretKey) {
      next(
        new CardApiError(
          401,
          'authentication_error',
          'invalid_api_key',
          key.startsWith('pk_')
            ? 'This call needs the secret key (sk_sandbox_…), not the publishable key.'
            : 'Invalid or missing API key. Send Authorization: Bearer sk_sandbox_….',
        ),
      );
      return;
    }
    next();
  };

  /** Runs `fn` once per Idempotency-Key and body; concurrent duplicates wait for the first. */
  const idempotent = async (
    req: Request,
    res: Response,
    scope: string,
    params: unknown,
    fn: () => Promise<StoredResponse>,
  ) => {
    const key = req.get('Idempotency-Key');
    if (key === undefined) {
      const r = await fn();
      res.status(r.status).json(r.body);
      return;
    }
    if (key.length === 0 || key.length > 255) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'parameter_invalid',
        'Idempotency-Key must be 1–255 characters.',
      );
    }
    const fingerprint = createHash('sha256').update(JSON.stringify(params)).digest('hex');
    const outcome = await card.idempotency.run(`${scope}\u0000${key}`, fingerprint, fn);
    if (outcome.kind === 'conflict') {
      throw new CardApiError(
        400,
        'idempotency_error',
        'idempotency_key_reused',
        'Keys for idempotent requests can only be used with the same parameters they were first used with.',
      );
    }
    if (outcome.kind === 'replay') res.setHeader('Idempotent-Replayed', 'true');
    const r = outcome.response;
    res.status(r.status).json(outcome.kind === 'replay' && r.replay ? r.replay() : r.body);
  };

  api.post('/tokens', async (req, res) => {
    const key = bearer(req);
    if (key !== opts.card.publishableKey) {
      throw new CardApiError(
        401,
        'authentication_error',
        'invalid_api_key',
        'Tokens are created with the publishable key (pk_sandbox_…).',
      );
    }
    // The hosted field posts from the sandbox's own origin; no other page may send card data here.
    const origin = req.get('origin');
    if (origin !== undefined && !isSelf(req, origin)) {
      throw new CardApiError(
        403,
        'invalid_request_error',
        'origin_not_allowed',
        'Card data is accepted only from the hosted card field.',
      );
    }
    const body = parse(tokenBody, req.body);
    await sleep(opts.latencyMs);
    const expYear = body.exp_year < 100 ? 2000 + body.exp_year : body.exp_year;
    const token = card.tokenize({ number: body.number, expMonth: body.exp_month, expYear, cvc: body.cvc });
    res.status(201).json(token);
  });

  api.post('/charges', requireSecret, async (req, res) => {
    const body = parse(chargeBody, req.body);
    await idempotent(req, res, 'charge', body, async () => {
      await sleep(opts.latencyMs);
      const charge = card.createCharge(body);
      return { status: 201, body: card.chargeJson(charge), replay: () => card.chargeJson(charge) };
    });
  });

  api.get('/charges/:id', requireSecret, (req, res) => {
    res.json(card.chargeJson(card.getCharge(req.params.id as string)));
  });

  api.post('/charges/:id/confirm', requireSecret, async (req, res) => {
    const body = parse(confirmBody, req.body);
    await sleep(opts.latencyMs);
    res.json(card.chargeJson(card.confirm(req.params.id as string, body.code.trim(), body.challenge_id)));
  });

  api.post('/charges/:id/resend_code', requireSecret, (req, res) => {
    res.json(card.chargeJson(card.resendCode(req.params.id as string)));
  });

  api.post('/charges/:id/refunds', requireSecret, async (req, res) => {
    const id = req.params.id as string;
    const body = parse(refundBody, req.body);
    await idempotent(req, res, `refund:${id}`, body, async () => {
      await sleep(opts.latencyMs);
      const refund = card.refund(id, body);
      return { status: 201, body: card.refundJson(refund) };
    });
  });

  api.get('/refunds/:id', requireSecret, (req, res) => {
    res.json(card.refundJson(card.getRefund(req.params.id as string)));
  });

  api.use((_req, _res, next) => {
    next(new CardApiError(404, 'invalid_request_error', 'resource_missing', 'Unrecognized request URL.'));
  });

  api.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    let err: CardApiError;
    if (error instanceof CardApiError) {
      err = error;
    } else if ((error as { type?: string } | undefined)?.type === 'entity.parse.failed') {
      // The parser's error carries the raw body: it is neither logged nor echoed.
      err = new CardApiError(
        400,
        'invalid_request_error',
        'invalid_json',
        'The request body is not valid JSON.',
      );
    } else if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      err = new CardApiError(
        413,
        'invalid_request_error',
        'body_too_large',
        'The request body is too large.',
      );
    } else {
      ctx.logger.error({ error: error instanceof Error ? error.message : 'unknown' }, 'card api error');
      err = new CardApiError(500, 'api_error', 'internal_error', 'An internal error occurred.');
    }
    res.status(err.status).json(err.toBody());
  });

  router.use('/card/v1', api);
  return router;
}
