import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import type { SandboxContext } from '../context.js';
import {
  type AmountLine,
  type ApprovalModel,
  approvalPage,
  approvalText,
  type Lang,
  pickLang,
} from '../pages/approval.js';
import { sendPage } from '../pages/layout.js';
import { secret } from '../util/ids.js';
import { PAYPAL_CURRENCIES } from '../util/money.js';
import type { OrderRecord } from './store.js';

const COOKIE = 'paypal_sandbox_session';
const SESSION_SECONDS = 30 * 60;

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function formatMoney(minor: number, currency: string, lang: Lang): string {
  const digits = PAYPAL_CURRENCIES[currency] ?? 2;
  const value = minor / 10 ** digits;
  const formatted = new Intl.NumberFormat(lang === 'zh-TW' ? 'zh-TW' : 'en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return `${formatted} ${currency}`;
}

const originOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The buyer-facing approval page at /checkoutnow (sign in, approve, cancel), like PayPal's. */
export function approvalRouter(ctx: SandboxContext): Router {
  const { paypal, opts } = ctx;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  const langFor = (req: Request, order?: OrderRecord): Lang =>
    pickLang(order?.locale, req.headers['accept-language'], req.query.locale);

  const summaryOf = (order: OrderRecord, lang: Lang) => {
    const merchant = order.brandName ?? opts.paypal.merchantName;
    const currencies = new Set(order.units.map((u) => u.currency));
    const lines: AmountLine[] =
      order.units.length > 1
        ? order.units.map((u) => ({
            label: u.description ?? u.referenceId,
            amount: formatMoney(u.amountMinor, u.currency, lang),
          }))
        : (order.units[0]?.items ?? []).map((item) => {
            const it = item as { name?: string; quantity?: string; unit_amount?: { value?: string } };
            const unit = order.units[0]!;
            const each = Math.round(Number(it.unit_amount?.value ?? 0) * 10 ** unit.digits);
            return {
              label: `${it.name ?? ''} × ${it.quantity ?? '1'}`,
              amount: formatMoney(each * Number(it.quantity ?? 1), unit.currency, lang),
            };
          });
    const total =
      currencies.size === 1
        ? formatMoney(
            order.units.reduce((sum, u) => sum + u.amountMinor, 0),
            order.units[0]!.currency,
            lang,
          )
        : order.units.map((u) => formatMoney(u.amountMinor, u.currency, lang)).join(' + ');
    return { merchant, total, lines };
  };

  const returnLink = (order: OrderRecord): string | undefined => {
    if (!order.returnUrl || !order.payer) return undefined;
    const url = new URL(order.returnUrl);
    url.searchParams.set('token', order.id);
    url.searchParams.set('PayerID', order.payer.payerId);
    return url.toString();
  };

  /** Answers with a message page when the order can't be paid; returns the order otherwise. */
  const payableOrder = (req: Request, res: Response, id: unknown): OrderRecord | undefined => {
    const order = typeof id === 'string' ? paypal.orders.get(id) : undefined;
    const lang = langFor(req, order);
    const t = approvalText(lang);
    const show = (status: number, model: Partial<ApprovalModel>) =>
      sendPage(res, status, (nonce) =>
        approvalPage(nonce, { lang, state: 'message', merchant: opts.paypal.merchantName, ...model }),
      );
    if (!order) {
      show(404, { message: { title: t.notFoundTitle, text: t.notFoundText } });
      return undefined;
    }
    const { merchant } = summaryOf(order, lang);
    const link = (href: string | undefined) =>
      href ? { href, label: `${t.returnTo} ${merchant}` } : undefined;
    if (paypal.isExpired(order)) {
      const cancel = order.cancelUrl ? withToken(order.cancelUrl, order.id) : undefined;
      show(410, { merchant, message: { title: t.expiredTitle, text: t.expiredText, link: link(cancel) } });
      return undefined;
    }
    if (order.status === 'COMPLETED') {
      show(200, {
        merchant,
        message: { title: t.completedTitle, text: t.completedText, link: link(returnLink(order)) },
      });
      return undefined;
    }
    return order;
  };

  const sessionOf = (req: Request) => {
    const id = readCookie(req, COOKIE);
    if (!id) return undefined;
    const session = paypal.sessions.get(id);
    if (!session || session.expiresAt <= ctx.clock.now()) {
      paypal.sessions.delete(id);
      return undefined;
    }
    return { id, ...session };
  };

  const render = (
    req: Request,
    res: Response,
    order: OrderRecord,
    status: number,
    extra: Partial<ApprovalModel> = {},
  ) => {
    const lang = langFor(req, order);
    const { merchant, total, lines } = summaryOf(order, lang);
    const session = extra.error ? undefined : sessionOf(req);
    const buyer = session ? paypal.buyerByEmail(session.email) : undefined;
    const base: ApprovalModel = {
      lang,
      state: 'login',
      orderId: order.id,
      merchant,
      total,
      lines,
      userAction: order.userAction,
      cancelHref: `/checkoutnow/cancel?token=${encodeURIComponent(order.id)}`,
    };
    const model: ApprovalModel =
      session && buyer
        ? {
            ...base,
            state: 'review',
            payerName: buyer.givenName,
            payerEmail: buyer.email,
            csrf: session.csrf,
          }
        : { ...base, ...extra };
    const formAction = [originOf(order.returnUrl)].filter((o): o is string => !!o);
    sendPage(res, status, (nonce) => approvalPage(nonce, model), { formAction });
  };

  router.get('/checkoutnow', (req, res) => {
    const order = payableOrder(req, res, req.query.token);
    if (order) render(req, res, order, 200);
  });

  router.post('/checkoutnow/login', form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const order = payableOrder(req, res, body.token);
    if (!order) return;
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const buyer = paypal.findBuyer(email, password);
    if (!buyer) {
      const t = approvalText(langFor(req, order));
      res.clearCookie(COOKIE, { path: '/checkoutnow' });
      render(req, res, order, 401, { error: t.wrongLogin, email });
      return;
    }
    const sessionId = secret(32);
    paypal.sessions.set(sessionId, {
      email: buyer.email,
      csrf: secret(24),
      expiresAt: ctx.clock.now() + SESSION_SECONDS * 1000,
    });
    res.cookie(COOKIE, sessionId, {
      path: '/checkoutnow',
      httpOnly: true,
      sameSite: 'lax',
      maxAge: SESSION_SECONDS * 1000,
    });
    ctx.logger.info({ orderId: order.id }, 'paypal buyer signed in');
    res.redirect(303, `/checkoutnow?token=${encodeURIComponent(order.id)}`);
  });

  router.post('/checkoutnow/approve', form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const order = payableOrder(req, res, body.token);
    if (!order) return;
    const session = sessionOf(req);
    const buyer = session ? paypal.buyerByEmail(session.email) : undefined;
    if (!session || !buyer) {
      res.redirect(303, `/checkoutnow?token=${encodeURIComponent(order.id)}`);
      return;
    }
    if (typeof body.csrf !== 'string' || !safeEqual(body.csrf, session.csrf)) {
      res.status(403).type('text/plain').send('Invalid form submission. Reload the page and try again.');
      return;
    }
    paypal.approve(order, buyer);
    ctx.logger.info({ orderId: order.id }, 'paypal order approved');
    const target = returnLink(order);
    if (target) {
      res.redirect(303, target);
      return;
    }
    const lang = langFor(req, order);
    const t = approvalText(lang);
    const { merchant, total } = summaryOf(order, lang);
    sendPage(res, 200, (nonce) =>
      approvalPage(nonce, {
        lang,
        state: 'message',
        merchant,
        total,
        message: { title: t.approvedTitle, text: t.approvedText },
      }),
    );
  });

  router.post('/checkoutnow/logout', form, (req, res) => {
    const id = readCookie(req, COOKIE);
    if (id) paypal.sessions.delete(id);
    res.clearCookie(COOKIE, { path: '/checkoutnow' });
    const token = (req.body as Record<string, unknown> | undefined)?.token;
    res.redirect(303, `/checkoutnow?token=${encodeURIComponent(typeof token === 'string' ? token : '')}`);
  });

  router.get('/checkoutnow/cancel', (req, res) => {
    const id = req.query.token;
    const order = typeof id === 'string' ? paypal.orders.get(id) : undefined;
    if (order?.cancelUrl) {
      ctx.logger.info({ orderId: order.id }, 'paypal buyer cancelled');
      res.redirect(303, withToken(order.cancelUrl, order.id));
      return;
    }
    const lang = langFor(req, order);
    const t = approvalText(lang);
    sendPage(res, order ? 200 : 404, (nonce) =>
      approvalPage(nonce, {
        lang,
        state: 'message',
        merchant: order?.brandName ?? opts.paypal.merchantName,
        message: order
          ? { title: t.cancelledTitle, text: t.cancelledText }
          : { title: t.notFoundTitle, text: t.notFoundText },
      }),
    );
  });

  return router;
}

function withToken(url: string, token: string): string {
  const u = new URL(url);
  u.searchParams.set('token', token);
  return u.toString();
}
