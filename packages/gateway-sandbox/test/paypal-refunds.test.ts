import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { capturedOrder, paypalClient, paypalToken, startTestSandbox, type TestSandbox } from './helpers.js';

let sb: TestSandbox;
let token: string;
let pp: ReturnType<typeof paypalClient>;

beforeAll(async () => {
  sb = await startTestSandbox({ latencyMs: 10 });
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.reset();
  token = await paypalToken(sb);
  pp = paypalClient(sb, token);
});

const usd = (value: string) => ({ amount: { currency_code: 'USD', value } });

describe('refunds of a capture', () => {
  it('refunds partially, then the rest, never more than captured', async () => {
    const { capture } = await capturedOrder(sb, token, { value: '100.00', invoiceId: 'INV-R1' });

    const first = await pp.refund(capture.id, { ...usd('30.00'), note_to_payer: 'Damaged mug' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^[A-Z0-9]{17}$/),
      status: 'COMPLETED',
      amount: { currency_code: 'USD', value: '30.00' },
      invoice_id: 'INV-R1',
      note_to_payer: 'Damaged mug',
    });
    expect(first.body.links.find((l: { rel: string }) => l.rel === 'up').href).toBe(
      `${sb.url}/v2/payments/captures/${capture.id}`,
    );
    expect((await pp.call('GET', `/v2/payments/captures/${capture.id}`)).body.status).toBe(
      'PARTIALLY_REFUNDED',
    );

    const tooMuch = await pp.refund(capture.id, usd('70.01'));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({
      name: 'UNPROCESSABLE_ENTITY',
      details: [{ issue: 'REFUND_AMOUNT_EXCEEDED' }],
    });

    const rest = await pp.refund(capture.id, usd('70.00'));
    expect(rest.status).toBe(201);
    expect(rest.body.seller_payable_breakdown.total_refunded_amount.value).toBe('100.00');
    const after = await pp.call('GET', `/v2/payments/captures/${capture.id}`);
    expect(after.body.status).toBe('REFUNDED');

    const more = await pp.refund(capture.id, usd('0.01'));
    expect(more.status).toBe(422);
    expect(more.body.details[0].issue).toBe('CAPTURE_FULLY_REFUNDED');

    const fetched = await pp.call('GET', `/v2/payments/refunds/${first.body.id}`);
    expect(fetched.body).toMatchObject({
      id: first.body.id,
      status: 'COMPLETED',
      amount: { value: '30.00' },
    });
  });

  it('refunds the whole remaining amount when no amount is given', async () => {
    const { capture } = await capturedOrder(sb, token, { value: '19.99' });
    const res = await pp.refund(capture.id);
    expect(res.status).toBe(201);
    expect(res.body.amount).toEqual({ currency_code: 'USD', value: '19.99' });
  });

  it('checks the refund amount and currency', async () => {
    const { capture } = await capturedOrder(sb, token, { value: '10.00' });
    const eur = await pp.refund(capture.id, { amount: { currency_code: 'EUR', value: '1.00' } });
    expect(eur.status).toBe(422);
    expect(eur.body.details[0].issue).toBe('CURRENCY_MISMATCH');
    const zero = await pp.refund(capture.id, usd('0.00'));
    expect(zero.status).toBe(422);
    expect(zero.body.details[0].issue).toBe('CANNOT_BE_ZERO_OR_NEGATIVE');
    const precision = await pp.refund(capture.id, usd('1.001'));
    expect(precision.body.details[0].issue).toBe('DECIMAL_PRECISION');
    expect((await pp.refund('UNKNOWNCAPTURE', usd('1.00'))).status).toBe(404);
  });

  it('PayPal-Request-Id: the same id refunds once (also 10 at once)', async () => {
    const { capture } = await capturedOrder(sb, token, { value: '50.00' });
    const headers = { 'PayPal-Request-Id': 'refund-1' };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => pp.refund(capture.id, usd('20.00'), headers)),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    const replay = await pp.refund(capture.id, usd('20.00'), headers);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(results[0]!.body.id);
    expect(sb.state().paypal.refunds).toHaveLength(1);
    expect((await pp.call('GET', `/v2/payments/captures/${capture.id}`)).body.status).toBe(
      'PARTIALLY_REFUNDED',
    );
  });

  it('concurrent refunds with different ids never exceed the capture', async () => {
    const { capture } = await capturedOrder(sb, token, { value: '100.00' });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        pp.refund(capture.id, usd('20.00'), { 'PayPal-Request-Id': `r-${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 422)).toHaveLength(5);
    const total = sb
      .state()
      .paypal.refunds.reduce(
        (sum, r) => sum + Number((r as unknown as { amount: { value: string } }).amount.value),
        0,
      );
    expect(total).toBe(100);
  });

  it('shows refunds on the capture inside the order', async () => {
    const { order, capture } = await capturedOrder(sb, token, { value: '12.00' });
    await pp.refund(capture.id, usd('2.00'));
    const fetched = await pp.getOrder(order.id);
    expect(fetched.body.purchase_units[0].payments.captures[0].status).toBe('PARTIALLY_REFUNDED');
  });
});
