import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../src/sandbox.js';
import {
  cardClient,
  cardToken,
  chargeCard,
  FUTURE_YEAR,
  http,
  smsCodeFor,
  startTestSandbox,
  type TestSandbox,
} from './helpers.js';

let sb: TestSandbox;
let card: ReturnType<typeof cardClient>;

beforeAll(async () => {
  sb = await startTestSandbox({ latencyMs: 10 });
  card = cardClient(sb);
});
afterAll(() => sb.stop());
beforeEach(() => {
  sb.reset();
  sb.logs.length = 0;
});

const SUCCESS = '6200000000000005';
const CHALLENGE = '6200000000000013';
const DECLINED = '6200000000000021';
const INSUFFICIENT = '6200000000000039';
const EXPIRED = '6200000000000047';

describe('test cards', () => {
  it('documents 62-prefixed, 16-digit, Luhn-valid numbers for every outcome', () => {
    const outcomes = TEST_CARDS.filter((c) => c.number.length === 16 && c.number.startsWith('62')).map(
      (c) => c.scenario,
    );
    expect(outcomes).toEqual(['success', 'challenge', 'card_declined', 'insufficient_funds', 'expired_card']);
  });

  it('succeeds without a challenge', async () => {
    const res = await chargeCard(sb, SUCCESS, { amount: 2500, currency: 'usd', description: 'Order M-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^ch_[a-z0-9]{24}$/),
      object: 'charge',
      status: 'succeeded',
      amount: 2500,
      amount_refunded: 0,
      currency: 'USD',
      reference: 'checkout-1',
      description: 'Order M-1',
      card: { brand: 'UNIONPAY', last4: '0005', expMonth: 12, expYear: FUTURE_YEAR },
    });
    expect(res.body.failure_code).toBeUndefined();
    expect(res.body.next_action).toBeUndefined();
    const fetched = await card.call('GET', `/charges/${res.body.id}`);
    expect(fetched.body.status).toBe('succeeded');
  });

  it.each([
    [DECLINED, 'card_declined', 'Your card was declined.'],
    [INSUFFICIENT, 'insufficient_funds', 'Your card has insufficient funds.'],
    [EXPIRED, 'expired_card', 'Your card has expired.'],
  ])('%s fails with %s', async (number, code, message) => {
    const res = await chargeCard(sb, number);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'failed', failure_code: code, failure_message: message });
    expect(res.body.card.last4).toBe(number.slice(-4));
  });

  it('accepts 19-digit and 81-prefixed UnionPay numbers', async () => {
    for (const number of ['6205500000000000004', '8171999927660000']) {
      expect((await chargeCard(sb, number)).body.status).toBe('succeeded');
    }
  });
});

describe('SMS one-time code challenge', () => {
  it('requires the code from the sandbox SMS inbox, then succeeds', async () => {
    const res = await chargeCard(sb, CHALLENGE, { amount: 99_900, currency: 'TWD' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('requires_action');
    expect(res.body.next_action).toMatchObject({
      type: 'sms_code',
      challenge_id: expect.stringMatching(/^chl_/),
      phone_hint: '+86 ••• •••• 8000',
      attempts_remaining: 3,
    });

    const inbox = await http(`${sb.url}/sandbox/sms.json`);
    expect(inbox.body.messages).toHaveLength(1);
    const [sms] = inbox.body.messages;
    expect(sms).toMatchObject({ charge_id: res.body.id, challenge_id: res.body.next_action.challenge_id });
    expect(sms.code).toMatch(/^\d{6}$/);
    expect(sms.text).toContain(sms.code);
    expect(sms.text).toContain('TWD 999');
    const html = await http(`${sb.url}/sandbox/sms`);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.body).toContain(sms.code);

    const confirmed = await card.confirm(res.body.id, sms.code);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('succeeded');
    expect(confirmed.body.next_action).toBeUndefined();
    // A retried confirmation with the same code answers the same.
    expect((await card.confirm(res.body.id, sms.code)).body.status).toBe('succeeded');
  });

  it('lists newest messages first', async () => {
    const a = await chargeCard(sb, CHALLENGE);
    const b = await chargeCard(sb, CHALLENGE);
    const inbox = await http(`${sb.url}/sandbox/sms.json`);
    expect(inbox.body.messages.map((m: { charge_id: string }) => m.charge_id)).toEqual([
      b.body.id,
      a.body.id,
    ]);
  });

  it('fails the charge after three wrong codes', async () => {
    const res = await chargeCard(sb, CHALLENGE);
    const code = await smsCodeFor(sb, res.body.id);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await card.confirm(res.body.id, wrong);
    expect(first.status).toBe(402);
    expect(first.body.error).toMatchObject({
      type: 'card_error',
      code: 'incorrect_code',
      attempts_remaining: 2,
    });
    expect((await card.confirm(res.body.id, wrong)).body.error.attempts_remaining).toBe(1);
    const third = await card.confirm(res.body.id, wrong);
    expect(third.status).toBe(402);
    expect(third.body.error.code).toBe('authentication_failed');
    expect(third.body.error.charge).toMatchObject({
      status: 'failed',
      failure_code: 'authentication_failed',
    });
    const late = await card.confirm(res.body.id, code);
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('charge_not_awaiting_confirmation');
    expect((await card.call('GET', `/charges/${res.body.id}`)).body.status).toBe('failed');
  });

  it('a code expires, and a new one can be sent', async () => {
    const res = await chargeCard(sb, CHALLENGE);
    const first = await smsCodeFor(sb, res.body.id);
    const resent = await card.call('POST', `/charges/${res.body.id}/resend_code`);
    expect(resent.status).toBe(200);
    const second = await smsCodeFor(sb, res.body.id);
    expect((await http(`${sb.url}/sandbox/sms.json?charge_id=${res.body.id}`)).body.messages).toHaveLength(2);
    if (first !== second)
      expect((await card.confirm(res.body.id, first)).body.error.code).toBe('incorrect_code');
    sb.advanceClock(601);
    const expired = await card.confirm(res.body.id, second);
    expect(expired.status).toBe(402);
    expect(expired.body.error.code).toBe('challenge_expired');
    expect(expired.body.error.charge.status).toBe('failed');
  });
});

describe('tokens', () => {
  it('are single-use', async () => {
    const token = await cardToken(sb, SUCCESS);
    expect(token.status).toBe(201);
    expect(token.body).toMatchObject({
      id: expect.stringMatching(/^tok_/),
      card: { brand: 'UNIONPAY', last4: '0005' },
      used: false,
    });
    expect((await card.charge({ token: token.body.id })).status).toBe(201);
    const again = await card.charge({ token: token.body.id });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'token_already_used',
      param: 'token',
    });
    expect((await card.charge({ token: 'tok_unknown' })).body.error.code).toBe('resource_missing');
  });

  it('are single-use even when a charge with them was declined', async () => {
    const token = await cardToken(sb, DECLINED);
    expect((await card.charge({ token: token.body.id })).body.status).toBe('failed');
    expect((await card.charge({ token: token.body.id })).body.error.code).toBe('token_already_used');
  });

  it('expire after 15 minutes', async () => {
    const token = await cardToken(sb, SUCCESS);
    const expiresAt = Date.parse(token.body.expires_at) - Date.parse(token.body.created_at);
    expect(expiresAt).toBe(15 * 60 * 1000);
    sb.advanceClock(15 * 60);
    const res = await card.charge({ token: token.body.id });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('token_expired');
  });

  it.each([
    ['4111111111111111', {}, 'invalid_prefix', 'number'],
    ['620000000000000', {}, 'invalid_length', 'number'],
    ['62000000000000000000', {}, 'invalid_length', 'number'],
    ['6200000000000006', {}, 'invalid_number', 'number'],
    [SUCCESS, { exp_month: 13 }, 'invalid_expiry', 'exp_month'],
    [SUCCESS, { exp_month: 1, exp_year: 2020 }, 'expiry_past', 'exp_year'],
    [SUCCESS, { cvc: '12' }, 'invalid_cvc', 'cvc'],
    [SUCCESS, { cvc: '1234' }, 'invalid_cvc', 'cvc'],
  ])('validate %s %j → %s', async (number, extra, code, param) => {
    const res = await cardToken(sb, number, extra);
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({ type: 'card_error', code, param, message: expect.any(String) });
  });

  it('need the publishable key and are refused from foreign origins', async () => {
    const body = JSON.stringify({ number: SUCCESS, exp_month: 12, exp_year: FUTURE_YEAR, cvc: '123' });
    const send = (headers: Record<string, string>) =>
      http(`${sb.url}/card/v1/tokens`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    expect((await send({})).status).toBe(401);
    expect((await send({ authorization: `Bearer ${sb.credentials.cardSecretKey}` })).status).toBe(401);
    const foreign = await send({
      authorization: `Bearer ${sb.credentials.cardPublishableKey}`,
      origin: 'http://localhost:5173',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const own = await send({ authorization: `Bearer ${sb.credentials.cardPublishableKey}`, origin: sb.url });
    expect(own.status).toBe(201);
  });
});

describe('charges', () => {
  it('need the secret key', async () => {
    const token = await cardToken(sb, SUCCESS);
    for (const auth of [
      undefined,
      `Bearer ${sb.credentials.cardPublishableKey}`,
      'Bearer sk_sandbox_wrong',
    ]) {
      const res = await http(`${sb.url}/card/v1/charges`, {
        json: { token: token.body.id, amount: 100, currency: 'USD' },
        headers: auth ? { authorization: auth } : {},
      });
      expect(res.status).toBe(401);
      expect(res.body.error.type).toBe('authentication_error');
    }
  });

  it('validate amount (integer minor units) and currency', async () => {
    const token = await cardToken(sb, SUCCESS);
    for (const [json, param] of [
      [{ amount: 12.5 }, 'amount'],
      [{ amount: 0 }, 'amount'],
      [{ amount: '100' }, 'amount'],
      [{ currency: 'US' }, 'currency'],
      [{ token: undefined }, 'token'],
    ] as const) {
      const res = await card.charge({ token: token.body.id, ...json });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param });
    }
    expect((await card.charge({ token: token.body.id })).status).toBe(201);
  });

  it('Idempotency-Key: 10 concurrent identical requests make one charge', async () => {
    const token = await cardToken(sb, SUCCESS);
    const headers = { 'Idempotency-Key': 'pay-checkout-1' };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => card.charge({ token: token.body.id }, headers)),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(sb.state().card.charges).toHaveLength(1);
    const reused = await card.charge({ token: token.body.id, amount: 1 }, headers);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused' });
  });

  it('Idempotency-Key: a replay shows the charge as it is now (after the code)', async () => {
    const token = await cardToken(sb, CHALLENGE);
    const headers = { 'Idempotency-Key': 'pay-challenge' };
    const first = await card.charge({ token: token.body.id }, headers);
    expect(first.body.status).toBe('requires_action');
    await card.confirm(first.body.id, await smsCodeFor(sb, first.body.id));
    const replay = await card.charge({ token: token.body.id }, headers);
    expect(replay.body).toMatchObject({ id: first.body.id, status: 'succeeded' });
  });
});

describe('card refunds', () => {
  it('refund up to the charged amount, never beyond', async () => {
    const charge = (await chargeCard(sb, SUCCESS, { amount: 10_000 })).body;
    const partial = await card.refund(charge.id, { amount: 4_000, reason: 'requested_by_customer' });
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({
      id: expect.stringMatching(/^re_/),
      object: 'refund',
      charge: charge.id,
      amount: 4_000,
      currency: 'USD',
      status: 'succeeded',
    });
    const tooMuch = await card.refund(charge.id, { amount: 6_001 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error).toMatchObject({ code: 'amount_too_large', param: 'amount' });
    const rest = await card.refund(charge.id);
    expect(rest.body.amount).toBe(6_000);
    const after = await card.call('GET', `/charges/${charge.id}`);
    expect(after.body).toMatchObject({ amount_refunded: 10_000, refunded: true });
    expect(after.body.refunds).toHaveLength(2);
    expect((await card.refund(charge.id, { amount: 1 })).body.error.code).toBe('charge_already_refunded');
    expect((await card.call('GET', `/refunds/${partial.body.id}`)).body.amount).toBe(4_000);
  });

  it('Idempotency-Key makes concurrent refunds one refund; different keys stay within the charge', async () => {
    const charge = (await chargeCard(sb, SUCCESS, { amount: 1_000 })).body;
    const same = await Promise.all(
      Array.from({ length: 10 }, () =>
        card.refund(charge.id, { amount: 300 }, { 'Idempotency-Key': 'refund-a' }),
      ),
    );
    expect(new Set(same.map((r) => r.body.id)).size).toBe(1);
    const different = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        card.refund(charge.id, { amount: 300 }, { 'Idempotency-Key': `refund-${i}` }),
      ),
    );
    expect(different.filter((r) => r.status === 201)).toHaveLength(2);
    const after = await card.call('GET', `/charges/${charge.id}`);
    expect(after.body.amount_refunded).toBe(900);
  });

  it('only succeeded charges can be refunded', async () => {
    const declined = (await chargeCard(sb, DECLINED)).body;
    expect((await card.refund(declined.id)).body.error.code).toBe('charge_not_refundable');
    const pending = (await chargeCard(sb, CHALLENGE)).body;
    expect((await card.refund(pending.id)).body.error.code).toBe('charge_not_refundable');
    expect((await card.refund('ch_unknown')).status).toBe(404);
  });
});

describe('logs', () => {
  it('never contain card numbers, CVCs, tokens or codes', async () => {
    const cvc = '987';
    const token = await cardToken(sb, CHALLENGE, { cvc });
    const charge = await card.charge({ token: token.body.id });
    const code = await smsCodeFor(sb, charge.body.id);
    await card.confirm(charge.body.id, code);
    await card.refund(charge.body.id, { amount: 100 });
    // Also a malformed body and a rejected one that carry a card number.
    await http(`${sb.url}/card/v1/tokens`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sb.credentials.cardPublishableKey}`,
        'content-type': 'application/json',
      },
      body: `{"number":"${DECLINED}","cvc":"${cvc}"`,
    });
    await cardToken(sb, '6200000000000006', { cvc });
    await cardToken(sb, INSUFFICIENT, { cvc, exp_year: 2001 });

    const logs = sb.logs.join('\n');
    expect(sb.logs.length).toBeGreaterThan(5);
    expect(logs).toContain('card charge');
    for (const secret of [CHALLENGE, DECLINED, INSUFFICIENT, '6200000000000006', token.body.id, code]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toMatch(/"cvc"/);
    expect(logs).not.toMatch(/\b987\b/);
    expect(logs).not.toMatch(/\d{13,19}/);
  });
});
