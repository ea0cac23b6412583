import { esc } from '../util/html.js';

export type Lang = 'en' | 'zh-TW';

const TEXT = {
  en: {
    title: 'PayPal Checkout',
    sandbox: 'Sandbox',
    payTo: 'Pay',
    total: 'Total',
    login: 'Log in to your PayPal account',
    email: 'Email',
    password: 'Password',
    loginButton: 'Log In',
    wrongLogin: "Some of your info isn't correct. Please try again.",
    hint: 'Sandbox buyer: buyer@sandbox.paypal.example / sandbox-buyer-pass',
    hi: 'Hi',
    payWith: 'Pay with',
    balance: 'PayPal balance',
    payNow: 'Pay Now',
    continue: 'Continue to Review Order',
    cancel: 'Cancel and return to',
    notYou: 'Not you? Log out',
    footer: 'This is a payment sandbox: no real money moves.',
    expiredTitle: 'This checkout session has expired',
    expiredText: 'Return to the merchant and start the payment again.',
    notFoundTitle: 'We could not find this payment',
    notFoundText: 'The link is not valid. Return to the merchant and start the payment again.',
    completedTitle: 'This payment is already complete',
    completedText: 'You have already paid for this order. You can close this window.',
    approvedTitle: 'Payment approved',
    approvedText: 'The merchant will complete your payment. You can close this window.',
    returnTo: 'Return to',
    cancelledTitle: 'Payment cancelled',
    cancelledText: 'Nothing was paid. You can close this window.',
  },
  'zh-TW': {
    title: 'PayPal 結帳',
    sandbox: '沙箱',
    payTo: '付款給',
    total: '總計',
    login: '登入您的 PayPal 帳戶',
    email: '電子郵件',
    password: '密碼',
    loginButton: '登入',
    wrongLogin: '您輸入的部分資料不正確，請再試一次。',
    hint: '沙箱買家：buyer@sandbox.paypal.example / sandbox-buyer-pass',
    hi: '您好',
    payWith: '付款方式',
    balance: 'PayPal 餘額',
    payNow: '立即付款',
    continue: '繼續檢視訂單',
    cancel: '取消並返回',
    notYou: '不是您嗎？登出',
    footer: '這是付款沙箱：不會有實際金錢往來。',
    expiredTitle: '此結帳工作階段已過期',
    expiredText: '請返回商店並重新開始付款。',
    notFoundTitle: '找不到這筆付款',
    notFoundText: '此連結無效。請返回商店並重新開始付款。',
    completedTitle: '這筆付款已完成',
    completedText: '您已為此訂單付款，可以關閉此視窗。',
    approvedTitle: '已核准付款',
    approvedText: '商店將完成您的付款，您可以關閉此視窗。',
    returnTo: '返回',
    cancelledTitle: '已取消付款',
    cancelledText: '沒有任何款項被扣除，您可以關閉此視窗。',
  },
};

export type ApprovalText = (typeof TEXT)['en'];

export function approvalText(lang: Lang): ApprovalText {
  return TEXT[lang];
}

/** zh-TW when the order asks for it (zh-TW, zh-HK, zh-Hant…) or the browser prefers it; English otherwise. */
export function pickLang(
  orderLocale: string | undefined,
  acceptLanguage: string | undefined,
  query?: unknown,
): Lang {
  const candidates = [
    typeof query === 'string' ? query : undefined,
    orderLocale,
    acceptLanguage?.split(',')[0],
  ];
  for (const c of candidates) {
    if (!c) continue;
    if (/^zh-(TW|HK|MO|Hant)/i.test(c.trim())) return 'zh-TW';
    if (/^[a-z]{2}/i.test(c.trim())) return 'en';
  }
  return 'en';
}

export interface AmountLine {
  label: string;
  amount: string;
}

export interface ApprovalModel {
  lang: Lang;
  state: 'login' | 'review' | 'message';
  orderId?: string;
  merchant: string;
  total?: string;
  lines?: AmountLine[];
  error?: string;
  email?: string;
  payerName?: string;
  payerEmail?: string;
  csrf?: string;
  userAction?: 'PAY_NOW' | 'CONTINUE';
  cancelHref?: string;
  message?: { title: string; text: string; link?: { href: string; label: string } };
}

/** The sandbox's PayPal approval page (sign-in, review, or a message), styled after PayPal's checkout. */
export function approvalPage(nonce: string, m: ApprovalModel): string {
  const t = TEXT[m.lang];
  const summary =
    m.total !== undefined
      ? `<section class="summary" aria-label="${esc(t.total)}">
  <p class="merchant">${esc(t.payTo)} <strong id="merchant">${esc(m.merchant)}</strong></p>
  <p class="total"><span id="amount">${esc(m.total)}</span></p>
  ${
    m.lines && m.lines.length > 0
      ? `<ul class="lines">${m.lines
          .map((l) => `<li><span>${esc(l.label)}</span><span>${esc(l.amount)}</span></li>`)
          .join('')}</ul>`
      : ''
  }
</section>`
      : '';
  const cancel = m.cancelHref
    ? `<p class="cancel"><a id="cancel" href="${esc(m.cancelHref)}">${esc(t.cancel)} ${esc(m.merchant)}</a></p>`
    : '';
  let main = '';
  if (m.state === 'login') {
    main = `<h1>${esc(t.login)}</h1>
${m.error ? `<div class="alert" role="alert" id="login-error">${esc(m.error)}</div>` : ''}
<form method="post" action="/checkoutnow/login" novalidate>
  <input type="hidden" name="token" value="${esc(m.orderId)}">
  <label for="email">${esc(t.email)}</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${esc(m.email ?? '')}"${m.error ? ' aria-invalid="true" aria-describedby="login-error"' : ''}>
  <label for="password">${esc(t.password)}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${m.error ? ' aria-invalid="true" aria-describedby="login-error"' : ''}>
  <button id="login" type="submit" class="primary">${esc(t.loginButton)}</button>
</form>
<p class="hint">${esc(t.hint)}</p>
${cancel}`;
  } else if (m.state === 'review') {
    main = `<h1>${esc(t.hi)}, ${esc(m.payerName)}!</h1>
<div class="payer"><span class="muted">${esc(t.payWith)}</span><br><strong>${esc(t.balance)}</strong> · <span id="payer-email">${esc(m.payerEmail)}</span></div>
<form method="post" action="/checkoutnow/approve">
  <input type="hidden" name="token" value="${esc(m.orderId)}">
  <input type="hidden" name="csrf" value="${esc(m.csrf)}">
  <button id="approve" type="submit" class="primary">${esc(m.userAction === 'PAY_NOW' ? t.payNow : t.continue)}</button>
</form>
<form method="post" action="/checkoutnow/logout" class="logout">
  <input type="hidden" name="token" value="${esc(m.orderId)}">
  <button id="logout" type="submit" class="link">${esc(t.notYou)}</button>
</form>
${cancel}`;
  } else if (m.message) {
    main = `<h1>${esc(m.message.title)}</h1>
<p>${esc(m.message.text)}</p>
${m.message.link ? `<p><a id="return" href="${esc(m.message.link.href)}">${esc(m.message.link.label)}</a></p>` : ''}`;
  }
  return `<!doctype html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<style nonce="${nonce}">
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.45 "Helvetica Neue", Helvetica, Arial, "Noto Sans TC", sans-serif; color: #2c2e2f; background: #f5f7fa; }
  .bar { display: flex; align-items: center; justify-content: space-between; background: #fff; border-bottom: 1px solid #e6e9eb; padding: 12px 20px; }
  .logo { font: italic 800 26px/1 Verdana, "Helvetica Neue", Arial, sans-serif; letter-spacing: -1px; }
  .logo .pay { color: #003087; } .logo .pal { color: #009cde; }
  .pill { font: 600 11px/1 Arial, sans-serif; text-transform: uppercase; letter-spacing: .5px; background: #fff3cd; color: #6b4f00; border: 1px solid #e8c55d; border-radius: 10px; padding: 4px 8px; margin-left: 10px; vertical-align: middle; }
  .bar .cart { font-weight: 600; color: #2c2e2f; }
  main { max-width: 460px; margin: 28px auto; background: #fff; border: 1px solid #e6e9eb; border-radius: 12px; padding: 28px 32px; }
  h1 { font-size: 22px; font-weight: 500; margin: 0 0 18px; }
  .summary { border-bottom: 1px solid #e6e9eb; margin-bottom: 20px; padding-bottom: 12px; }
  .summary .merchant { margin: 0; color: #687173; }
  .summary .total { font-size: 30px; font-weight: 300; margin: 4px 0 8px; }
  .lines { list-style: none; padding: 0; margin: 0; font-size: 14px; color: #687173; }
  .lines li { display: flex; justify-content: space-between; gap: 16px; padding: 2px 0; }
  label { display: block; font-size: 14px; color: #687173; margin: 14px 0 4px; }
  input[type=email], input[type=password] { width: 100%; font-size: 17px; padding: 12px; border: 1px solid #9da3a6; border-radius: 4px; }
  input:focus { outline: 2px solid #0070ba; outline-offset: 1px; border-color: #0070ba; }
  input[aria-invalid=true] { border-color: #c72e2e; }
  button.primary { display: block; width: 100%; margin-top: 22px; font: 600 17px/1 Arial, sans-serif; color: #fff; background: #0070ba; border: 0; border-radius: 24px; padding: 14px; cursor: pointer; }
  button.primary:hover { background: #005ea6; }
  button.primary:focus-visible { outline: 3px solid #003087; outline-offset: 2px; }
  button.link { background: none; border: 0; color: #0070ba; font: inherit; font-size: 14px; padding: 0; cursor: pointer; text-decoration: underline; }
  .alert { background: #fdecea; border: 1px solid #c72e2e; color: #8a1f11; border-radius: 4px; padding: 10px 12px; margin-bottom: 8px; }
  .payer { background: #f5f7fa; border-radius: 8px; padding: 12px 14px; }
  .muted { color: #687173; font-size: 14px; }
  .hint { font-size: 13px; color: #687173; margin-top: 18px; }
  .logout { margin-top: 14px; text-align: center; }
  .cancel { text-align: center; margin: 22px 0 0; }
  .cancel a, a { color: #0070ba; }
  footer { text-align: center; font-size: 12px; color: #687173; margin-bottom: 28px; }
</style>
</head>
<body>
<div class="bar"><span><span class="logo" aria-label="PayPal"><span class="pay">Pay</span><span class="pal">Pal</span></span><span class="pill">${esc(t.sandbox)}</span></span>${m.total !== undefined ? `<span class="cart">${esc(m.total)}</span>` : ''}</div>
<main>
${summary}
${main}
</main>
<footer>${esc(t.footer)}</footer>
</body>
</html>`;
}
