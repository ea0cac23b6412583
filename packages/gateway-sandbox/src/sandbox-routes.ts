import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { TEST_CARDS, TEST_PHONE } from './card/cards.js';
import type { SandboxContext } from './context.js';
import { plainPage, sendPage } from './pages/layout.js';
import { PayPalError } from './paypal/errors.js';
import { checkWebhookUrl } from './paypal/routes.js';
import { EVENT_TYPES } from './paypal/webhooks.js';
import { esc } from './util/html.js';
import { isoTime } from './util/time.js';

class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const registerBody = z.object({
  url: z.string(),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (at most 64)')
    .optional(),
  event_types: z.array(z.string()).min(1).optional(),
});

const settingsBody = z.object({
  duplicate_rate: z.number().min(0).max(1).optional(),
  reorder_window_ms: z.number().int().min(0).max(60_000).optional(),
});

const clockBody = z.object({
  advance_seconds: z
    .number()
    .min(0)
    .max(10 * 365 * 24 * 3600),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw new SandboxError(
    400,
    result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
  );
}

/** Everything the sandbox holds, as GET /sandbox/state shows it. */
export function stateSnapshot(ctx: SandboxContext) {
  return {
    now: isoTime(ctx.clock.now()),
    clock_offset_seconds: ctx.clock.offset / 1000,
    paypal: ctx.paypal.snapshot(),
    webhooks: ctx.webhooks.snapshot(),
    card: ctx.card.snapshot(),
    sms: [...ctx.card.sms].reverse(),
  };
}

export type SandboxState = ReturnType<typeof stateSnapshot>;

/** Inspection and control for tests and demos: /, /health, /sandbox/*. */
export function sandboxRouter(ctx: SandboxContext, control: { reset(): void }): Router {
  const { webhooks, card } = ctx;
  const router = Router();
  const json = express.json({ limit: '64kb' });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/', (_req, res) => {
    sendPage(res, 200, (nonce) => plainPage(nonce, 'Payment gateway sandbox', indexBody(ctx)));
  });

  router.get('/sandbox/state', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(stateSnapshot(ctx));
  });

  router.post('/sandbox/reset', (_req, res) => {
    control.reset();
    ctx.logger.info('sandbox reset');
    res.json({ status: 'reset' });
  });

  router.post('/sandbox/clock', json, (req, res) => {
    const { advance_seconds } = parse(clockBody, req.body);
    ctx.clock.advance(advance_seconds * 1000);
    res.json({ now: isoTime(ctx.clock.now()), clock_offset_seconds: ctx.clock.offset / 1000 });
  });

  const smsList = (req: Request) => {
    const chargeId = typeof req.query.charge_id === 'string' ? req.query.charge_id : undefined;
    return [...card.sms].reverse().filter((m) => !chargeId || m.charge_id === chargeId);
  };

  router.get('/sandbox/sms.json', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ messages: smsList(req) });
  });

  router.get('/sandbox/sms', (req, res) => {
    const messages = smsList(req);
    const rows = messages
      .map(
        (m) =>
          `<tr data-charge-id="${esc(m.charge_id)}"><td class="code" data-code>${esc(m.code)}</td><td>${esc(m.text)}</td><td><code>${esc(m.charge_id)}</code></td><td>${esc(m.created_at)}</td></tr>`,
      )
      .join('');
    sendPage(res, 200, (nonce) =>
      plainPage(
        nonce,
        'Sandbox SMS inbox',
        `<h1>SMS inbox</h1>
<p class="muted">One-time codes the sandbox "sent" to ${esc(TEST_PHONE)}, newest first. <a href="/sandbox/sms">Refresh</a> · <a href="/sandbox/sms.json">JSON</a></p>
${
  messages.length === 0
    ? '<p id="empty" class="box">No messages yet.</p>'
    : `<table id="messages"><thead><tr><th>code</th><th>message</th><th>charge</th><th>sent</th></tr></thead><tbody>${rows}</tbody></table>`
}`,
      ),
    );
  });

  // ── Webhook subscriptions and delivery control ─────────────────────────────────────────

  const endpointJson = (e: { id: string; url: string; eventTypes: string[]; source: string }) => ({
    id: e.id,
    url: e.url,
    event_types: e.eventTypes,
    source: e.source,
  });

  router.post('/sandbox/webhooks', json, (req, res) => {
    const body = parse(registerBody, req.body);
    let url: string;
    try {
      url = checkWebhookUrl(body.url);
    } catch {
      throw new SandboxError(400, 'url: must be an absolute http(s) URL');
    }
    const types = body.event_types ?? ['*'];
    const unknown = types.filter((t) => t !== '*' && !(t in EVENT_TYPES));
    if (unknown.length > 0) throw new SandboxError(400, `event_types: unknown ${unknown.join(', ')}`);
    if (body.id && webhooks.endpoints.has(body.id))
      throw new SandboxError(409, `webhook ${body.id} already exists`);
    res.status(201).json(endpointJson(webhooks.register(url, types, body.id)));
  });

  router.get('/sandbox/webhooks', (_req, res) => {
    res.json({ webhooks: [...webhooks.endpoints.values()].map(endpointJson) });
  });

  router.delete('/sandbox/webhooks/:id', (req, res) => {
    if (!webhooks.unregister(req.params.id as string)) throw new SandboxError(404, 'no such webhook');
    res.status(204).end();
  });

  router.post('/sandbox/webhooks/redeliver/:eventId', (req, res) => {
    const only = typeof req.query.webhook_id === 'string' ? [req.query.webhook_id] : undefined;
    const deliveries = webhooks.redeliver(req.params.eventId as string, only);
    if (!deliveries) throw new SandboxError(404, 'no such event');
    res.status(202).json({ deliveries });
  });

  router.post('/sandbox/webhooks/pause', (_req, res) => {
    webhooks.pause();
    res.json({ paused: true });
  });

  router.post('/sandbox/webhooks/resume', json, (req, res) => {
    const order = (req.body as { order?: unknown } | undefined)?.order;
    if (order !== undefined && order !== 'fifo' && order !== 'reverse') {
      throw new SandboxError(400, "order: 'fifo' or 'reverse'");
    }
    res.json({ paused: false, released: webhooks.resume(order ?? 'fifo') });
  });

  router.post('/sandbox/webhooks/settings', json, (req, res) => {
    const body = parse(settingsBody, req.body);
    if (body.duplicate_rate !== undefined) webhooks.settings.duplicateRate = body.duplicate_rate;
    if (body.reorder_window_ms !== undefined) webhooks.settings.reorderWindowMs = body.reorder_window_ms;
    res.json({
      duplicate_rate: webhooks.settings.duplicateRate,
      reorder_window_ms: webhooks.settings.reorderWindowMs,
    });
  });

  router.use('/sandbox', (_req, _res, next) => next(new SandboxError(404, 'not found')));

  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/sandbox')) {
      next(error);
      return;
    }
    if (error instanceof SandboxError) {
      res.status(error.status).json({ error: error.message });
    } else if (error instanceof PayPalError) {
      res.status(error.status).json({ error: error.message });
    } else if ((error as { type?: string } | undefined)?.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid JSON body' });
    } else {
      ctx.logger.error({ error: error instanceof Error ? error.message : 'unknown' }, 'sandbox error');
      res.status(500).json({ error: 'internal error' });
    }
  });

  return router;
}

function indexBody(ctx: SandboxContext): string {
  const { opts } = ctx;
  const base = ctx.baseUrl();
  const buyer = opts.paypal.buyers[0];
  const defaultSecret = opts.paypal.clientSecret === 'sandbox-client-secret';
  const fieldUrl = `/card/field?pk=${encodeURIComponent(opts.card.publishableKey)}&origin=${encodeURIComponent('http://localhost:5173')}`;
  return `<h1>Payment gateway sandbox</h1>
<p>Imitates <strong>PayPal</strong> (REST: OAuth, Orders v2, Payments v2, signed webhooks) and a
<strong>UnionPay card acquirer</strong> (hosted card field, single-use tokens, SMS one-time code, charges, refunds),
in memory, so the marketplace can be developed, demoed and tested offline. No real money moves.</p>

<h2>PayPal</h2>
<table>
<tr><th>API base URL</th><td><code>${esc(base)}</code> (instead of <code>https://api-m.sandbox.paypal.com</code>)</td></tr>
<tr><th>client id</th><td><code>${esc(opts.paypal.clientId)}</code></td></tr>
<tr><th>client secret</th><td>${defaultSecret ? '<code>sandbox-client-secret</code>' : 'as configured (<code>PAYPAL_CLIENT_SECRET</code>)'}</td></tr>
<tr><th>webhooks</th><td>${
    [...ctx.webhooks.endpoints.values()]
      .map((e) => `<code>${esc(e.id)}</code> → <code>${esc(e.url)}</code>`)
      .join('<br>') ||
    'none registered (set <code>PAYPAL_WEBHOOK_URL</code> or POST <code>/sandbox/webhooks</code>)'
  }</td></tr>
<tr><th>approval page</th><td><code>/checkoutnow?token=&lt;order id&gt;</code></td></tr>
</table>

<h2>Sandbox PayPal buyer</h2>
<table>
<tr><th>email</th><td><code>${esc(buyer?.email)}</code></td></tr>
<tr><th>password</th><td><code>${esc(buyer?.password)}</code></td></tr>
</table>

<h2>UnionPay card acquirer</h2>
<table>
<tr><th>API base URL</th><td><code>${esc(base)}/card/v1</code></td></tr>
<tr><th>publishable key</th><td><code>${esc(opts.card.publishableKey)}</code> (hosted field, tokens)</td></tr>
<tr><th>secret key</th><td>${opts.card.secretKey === 'sk_sandbox_marketplace' ? '<code>sk_sandbox_marketplace</code>' : 'as configured (<code>CARD_SECRET_KEY</code>)'} (charges, refunds)</td></tr>
<tr><th>hosted field</th><td><code>${esc(fieldUrl)}</code> · <a href="/card/demo">try it</a></td></tr>
</table>

<h2>Test cards</h2>
<p class="muted">Any future expiry date (MM/YY) and any 3-digit CVC.</p>
<table><thead><tr><th>number</th><th>outcome</th></tr></thead><tbody>
${TEST_CARDS.map((c) => `<tr><td><code>${esc(c.number.replace(/(\d{4})(?=\d)/g, '$1 '))}</code></td><td>${esc(c.description)}</td></tr>`).join('\n')}
</tbody></table>

<h2>Inspect</h2>
<ul>
<li><a href="/sandbox/sms">SMS inbox</a> (one-time codes) · <a href="/sandbox/sms.json">JSON</a></li>
<li><a href="/sandbox/state">State</a>: orders, captures, refunds, charges, webhook deliveries</li>
<li><code>POST /sandbox/reset</code>, <code>POST /sandbox/clock</code>, <code>POST /sandbox/webhooks/…</code> — see the package README</li>
</ul>`;
}
