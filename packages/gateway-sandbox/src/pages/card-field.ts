import { FIELD_ERROR_MESSAGES } from '../card/cards.js';
import { esc, jsonForScript } from '../util/html.js';
import type { Lang } from './approval.js';

const TEXT = {
  en: {
    title: 'Card details',
    number: 'Card number',
    expiry: 'Expiry date (MM/YY)',
    cvc: 'Security code (CVC)',
    submit: 'Use this card',
    processing: 'Checking your card…',
    saved: 'Card ending in {last4} is ready.',
    fix: 'Check the highlighted card details.',
    network: 'The card could not be checked. Try again.',
    failed: 'The card could not be checked.',
    secure: 'Your card details go only to the card acquirer (sandbox).',
    messages: FIELD_ERROR_MESSAGES,
  },
  'zh-TW': {
    title: '信用卡資料',
    number: '卡號',
    expiry: '有效期限（MM/YY）',
    cvc: '安全碼（CVC）',
    submit: '使用此卡',
    processing: '正在驗證您的卡片…',
    saved: '末四碼 {last4} 的卡片已可使用。',
    fix: '請檢查標示的卡片資料。',
    network: '無法驗證卡片，請再試一次。',
    failed: '無法驗證卡片。',
    secure: '您的卡片資料只會傳送給收單機構（沙箱）。',
    messages: {
      number_required: '請輸入卡號。',
      invalid_prefix: '銀聯卡號以 62 或 81 開頭。',
      invalid_length: '卡號為 16 至 19 位數字。',
      invalid_number: '此卡號無效。',
      expiry_required: '請輸入有效期限。',
      invalid_expiry: '請以 MM/YY 格式輸入有效期限。',
      expiry_past: '此卡已過期。',
      invalid_cvc: '請輸入 3 位數安全碼（CVC）。',
    },
  },
};

export interface CardFieldModel {
  lang: Lang;
  publishableKey: string;
  parentOrigin: string;
  showButton: boolean;
}

/**
 * The hosted card field, meant for an <iframe> on the storefront. The card number and CVC stay in
 * this page and go only to POST /card/v1/tokens on the same origin; the parent receives a
 * single-use token, brand, last four digits and expiry through postMessage to its origin only.
 */
export function cardFieldPage(nonce: string, m: CardFieldModel): string {
  const t = TEXT[m.lang];
  const config = {
    pk: m.publishableKey,
    origin: m.parentOrigin,
    tokensUrl: '/card/v1/tokens',
    text: {
      processing: t.processing,
      saved: t.saved,
      fix: t.fix,
      network: t.network,
      failed: t.failed,
    },
    messages: { ...t.messages, expired_card: t.messages.expiry_past },
  };
  const field = (id: string, label: string, attrs: string) => `<div class="field" id="${id}-field">
    <label for="${id}">${esc(label)}</label>
    <input id="${id}" name="${id}" ${attrs} aria-describedby="${id}-error" spellcheck="false" autocorrect="off" autocapitalize="off">
    <p class="error" id="${id}-error" aria-live="polite"></p>
  </div>`;
  return `<!doctype html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(t.title)}</title>
<style nonce="${nonce}">
  * { box-sizing: border-box; }
  html, body { margin: 0; background: transparent; }
  body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans TC", sans-serif; color: #1f2933; padding: 2px; }
  fieldset { border: 0; margin: 0; padding: 0; }
  legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .row { display: flex; gap: 12px; }
  .row .field { flex: 1; }
  .field { margin-bottom: 10px; }
  label { display: block; font-size: 13px; font-weight: 600; margin-bottom: 4px; }
  input { width: 100%; font: 16px/1.2 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: 10px 12px; border: 1px solid #9aa5b1; border-radius: 6px; background: #fff; color: inherit; }
  input:focus { outline: 2px solid #2563eb; outline-offset: 1px; border-color: #2563eb; }
  input[aria-invalid=true] { border-color: #b91c1c; background: #fff7f7; }
  .error { color: #b91c1c; font-size: 13px; margin: 4px 0 0; min-height: 0; }
  .error:empty { display: none; }
  button { font: 600 15px/1 system-ui, sans-serif; color: #fff; background: #1f2933; border: 0; border-radius: 6px; padding: 11px 16px; cursor: pointer; }
  button:disabled { opacity: .6; cursor: progress; }
  button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  .status { font-size: 13px; color: #52606d; margin: 8px 0 0; }
  .status:empty { display: none; }
  .brand { font: 700 11px/1 Arial, sans-serif; color: #fff; background: linear-gradient(90deg, #e21836 0 33%, #00447c 33% 66%, #007b84 66%); border-radius: 3px; padding: 3px 6px; margin-left: 6px; vertical-align: middle; }
  .secure { font-size: 12px; color: #7b8794; margin: 6px 0 0; }
</style>
</head>
<body>
<form id="card-form" novalidate autocomplete="on">
  <fieldset>
    <legend>${esc(t.title)}</legend>
    ${field('cardnumber', t.number, 'type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23" placeholder="6200 0000 0000 0005" required')}
    <div class="row">
      ${field('exp-date', t.expiry, 'type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="7" placeholder="MM/YY" required')}
      ${field('cvc', t.cvc, 'type="text" inputmode="numeric" autocomplete="cc-csc" maxlength="3" placeholder="123" required')}
    </div>
  </fieldset>
  <button id="submit" type="submit"${m.showButton ? '' : ' hidden'}>${esc(t.submit)}</button><span class="brand" aria-label="UnionPay">UnionPay</span>
  <p class="status" id="status" role="status" aria-live="polite"></p>
  <p class="secure">${esc(t.secure)}</p>
</form>
<script type="application/json" id="config">${jsonForScript(config)}</script>
<script nonce="${nonce}">
${FIELD_SCRIPT}
</script>
</body>
</html>`;
}

/** Plain browser JavaScript of the field (no build step; mirrors validateCard in card/cards.ts). */
const FIELD_SCRIPT = String.raw`(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('config').textContent);
  var form = document.getElementById('card-form');
  var number = document.getElementById('cardnumber');
  var exp = document.getElementById('exp-date');
  var cvc = document.getElementById('cvc');
  var button = document.getElementById('submit');
  var statusEl = document.getElementById('status');
  var embedded = window.parent !== window;
  var busy = false;
  var touched = {};
  var lastComplete = false;

  function post(message) {
    if (embedded) window.parent.postMessage(message, cfg.origin);
  }
  function digits(value) {
    return value.replace(/\D/g, '');
  }
  function luhn(d) {
    var sum = 0;
    for (var i = 0; i < d.length; i++) {
      var n = d.charCodeAt(d.length - 1 - i) - 48;
      if (i % 2 === 1) { n *= 2; if (n > 9) n -= 9; }
      sum += n;
    }
    return sum % 10 === 0;
  }
  function parseExpiry(value) {
    var m = /^\s*(\d{1,2})\s*\/\s*(\d{2})\s*$/.exec(value);
    if (!m) return null;
    var month = Number(m[1]);
    var year = 2000 + Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { month: month, year: year };
  }
  function checkNumber() {
    var d = digits(number.value);
    if (!d) return 'number_required';
    if (!/^(62|81)/.test(d)) return 'invalid_prefix';
    if (d.length < 16 || d.length > 19) return 'invalid_length';
    if (!luhn(d)) return 'invalid_number';
    return null;
  }
  function checkExpiry() {
    if (!exp.value.trim()) return 'expiry_required';
    var e = parseExpiry(exp.value);
    if (!e) return 'invalid_expiry';
    var now = new Date();
    var year = now.getFullYear();
    if (e.year < year || (e.year === year && e.month < now.getMonth() + 1)) return 'expiry_past';
    return null;
  }
  function checkCvc() {
    return /^\d{3}$/.test(cvc.value.trim()) ? null : 'invalid_cvc';
  }
  var checks = [[number, checkNumber], [exp, checkExpiry], [cvc, checkCvc]];

  function show(input, code) {
    var el = document.getElementById(input.id + '-error');
    if (code) {
      el.textContent = cfg.messages[code] || cfg.text.failed;
      input.setAttribute('aria-invalid', 'true');
    } else {
      el.textContent = '';
      input.removeAttribute('aria-invalid');
    }
  }
  function complete() {
    return checks.every(function (c) { return c[1]() === null; });
  }

  number.addEventListener('input', function () {
    var d = digits(number.value).slice(0, 19);
    var formatted = d.replace(/(\d{4})(?=\d)/g, '$1 ');
    if (formatted !== number.value) number.value = formatted;
  });
  exp.addEventListener('input', function (event) {
    var d = digits(exp.value).slice(0, 4);
    var deleting = event.inputType && event.inputType.indexOf('delete') === 0;
    var formatted = d.length > 2 ? d.slice(0, 2) + '/' + d.slice(2) : d.length === 2 && !deleting ? d + '/' : d;
    if (formatted !== exp.value) exp.value = formatted;
  });
  cvc.addEventListener('input', function () {
    var d = digits(cvc.value).slice(0, 3);
    if (d !== cvc.value) cvc.value = d;
  });
  checks.forEach(function (c) {
    c[0].addEventListener('blur', function () {
      if (c[0].value.trim()) touched[c[0].id] = true;
      if (touched[c[0].id]) show(c[0], c[1]());
    });
    c[0].addEventListener('input', function () {
      if (touched[c[0].id]) show(c[0], c[1]());
      var now = complete();
      if (now !== lastComplete) {
        lastComplete = now;
        post({ type: 'change', complete: now });
      }
    });
  });

  function fail(code, message) {
    statusEl.textContent = message;
    post({ type: 'error', code: code, message: message });
  }

  function tokenize() {
    if (busy) return;
    var first = null;
    checks.forEach(function (c) {
      touched[c[0].id] = true;
      var code = c[1]();
      show(c[0], code);
      if (code && !first) first = c[0];
    });
    if (first) {
      first.focus();
      fail('validation_error', cfg.text.fix);
      return;
    }
    var e = parseExpiry(exp.value);
    busy = true;
    button.disabled = true;
    statusEl.textContent = cfg.text.processing;
    fetch(cfg.tokensUrl, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + cfg.pk },
      body: JSON.stringify({ number: digits(number.value), exp_month: e.month, exp_year: e.year, cvc: cvc.value.trim() }),
    })
      .then(function (res) {
        return res.json().then(function (data) { return { ok: res.ok, data: data }; });
      })
      .then(function (r) {
        if (!r.ok) {
          var err = r.data && r.data.error ? r.data.error : {};
          var target = { number: number, exp_month: exp, exp_year: exp, cvc: cvc }[err.param];
          if (target && cfg.messages[err.code]) show(target, err.code);
          fail(err.code || 'tokenization_failed', cfg.messages[err.code] || err.message || cfg.text.failed);
          return;
        }
        var card = r.data.card;
        statusEl.textContent = cfg.text.saved.replace('{last4}', card.last4);
        post({ type: 'token', token: r.data.id, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear });
      })
      .catch(function () {
        fail('network_error', cfg.text.network);
      })
      .then(function () {
        busy = false;
        button.disabled = false;
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    tokenize();
  });
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== cfg.origin) return;
    if (event.data && event.data.type === 'tokenize') tokenize();
  });
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(function () {
      post({ type: 'resize', height: Math.ceil(document.documentElement.scrollHeight) });
    }).observe(document.body);
  }
  post({ type: 'ready' });
})();`;
