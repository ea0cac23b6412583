import type { Response } from 'express';
import { esc, nonce as newNonce } from '../util/html.js';

export interface PageSecurity {
  /** CSP frame-ancestors sources; default 'none' (and X-Frame-Options: DENY). */
  frameAncestors?: string[];
  /** Extra CSP form-action sources besides 'self' (targets of redirects after a form post). */
  formAction?: string[];
  /** CSP frame-src sources (pages that embed the card field). */
  frameSrc?: string[];
}

/**
 * Sends a self-contained HTML page: no external assets, inline style and script allowed by a
 * per-response nonce only.
 */
export function sendPage(
  res: Response,
  status: number,
  render: (nonce: string) => string,
  security: PageSecurity = {},
): void {
  const nonce = newNonce();
  const ancestors = security.frameAncestors?.length ? security.frameAncestors.join(' ') : "'none'";
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    ...(security.frameSrc?.length ? [`frame-src ${security.frameSrc.join(' ')}`] : []),
    `form-action 'self'${security.formAction?.length ? ` ${security.formAction.join(' ')}` : ''}`,
    `frame-ancestors ${ancestors}`,
    "base-uri 'none'",
  ].join('; ');
  res.setHeader('Content-Security-Policy', csp);
  if (security.frameAncestors?.length) res.removeHeader('X-Frame-Options');
  else res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('html').send(render(nonce));
}

/** The sandbox's own pages (index, SMS inbox, errors): plain and readable. */
export function plainPage(nonce: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${nonce}">
  :root { color-scheme: light; }
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans TC", sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
  header { background: #243b53; color: #fff; padding: 14px 24px; }
  header strong { font-size: 18px; }
  header span { opacity: .8; margin-left: 8px; }
  main { max-width: 980px; margin: 0 auto; padding: 16px 24px 48px; }
  h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #d9e2ec; vertical-align: top; }
  th { background: #f0f4f8; font-weight: 600; }
  code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #e4e7eb; padding: 1px 4px; border-radius: 3px; }
  .code { font: 600 22px ui-monospace, Menlo, Consolas, monospace; letter-spacing: 3px; }
  .muted { color: #627d98; }
  .box { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 12px 16px; }
  a { color: #0b69a3; }
  iframe.card-frame { width: 100%; max-width: 460px; height: 300px; border: 0; display: block; }
  pre { white-space: pre-wrap; word-break: break-all; min-height: 2em; }
</style>
</head>
<body>
<header><strong>Payment gateway sandbox</strong><span>PayPal Orders v2 · UnionPay card acquirer · no real money</span></header>
<main>
${body}
</main>
</body>
</html>`;
}
