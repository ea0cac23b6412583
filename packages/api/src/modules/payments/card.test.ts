import {
  CARDS,
  cardToken,
  checkoutWith,
  CONFIRM,
  CVC,
  dbId,
  describe,
  expect,
  FUTURE_YEAR,
  mailbox,
  newKey,
  orderStatuses,
  PAY,
  pay,
  smsCode,
  test,
  type Gql,
} from './payments.test-support.js';

const chargesOf = (sandbox: { state(): unknown }, reference: string) =>
  (sandbox.state() as Gql).card.charges.filter((c: Gql) => c.reference === reference);

describe('UnionPay card', () => {
  test('a card that needs no challenge pays at once; only brand, last four and expiry are kept', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'goods', 'zh-TW');
    const res = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    expect(res.userErrors).toEqual([]);
    expect(res.nextAction).toBeNull();
    expect(res.payment).toMatchObject({
      method: 'UNIONPAY_CARD',
      status: 'SUCCEEDED',
      amount: { minorUnits: a.total },
      card: { brand: 'UNIONPAY', last4: '0005', masked: '•••• 0005', expMonth: 12, expYear: FUTURE_YEAR },
    });
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
    const [row] = await api.sql(
      'select card_token, gateway_payment_id, reference from payment where id = $1',
      [dbId(res.payment.id)],
    );
    expect(row.card_token).toBeNull();
    expect(chargesOf(sandbox, row.reference)).toMatchObject([
      { id: row.gateway_payment_id, status: 'succeeded' },
    ]);
    // The shopper's language picks the email.
    const mail = (await mailbox(api, a.email)).find((m) => m.template === 'payments.order-confirmation')!;
    expect(mail.locale).toBe('zh-TW');
    expect(mail.subject).toContain('付款成功');
    expect(mail.text).toContain('銀聯信用卡 •••• 0005');
  });

  test('a UnionPay SMS challenge: wrong code refused, the code from the SMS inbox pays', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'goods');
    const res = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.challenge),
    });
    expect(res.userErrors).toEqual([]);
    expect(res.payment.status).toBe('REQUIRES_ACTION');
    expect(res.nextAction).toMatchObject({ __typename: 'CodeChallengeAction', paymentId: res.payment.id });
    expect(res.nextAction.phoneHint).toMatch(/8000$/);
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);

    const [row] = await api.sql('select gateway_payment_id from payment where id = $1', [
      dbId(res.payment.id),
    ]);
    const code = await smsCode(sandbox, row.gateway_payment_id);
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = (
      await api.gql(CONFIRM, { input: { paymentId: res.payment.id, code: wrong } }, { token: a.token })
    ).data.confirmCardPayment;
    expect(bad.userErrors).toMatchObject([{ code: 'INCORRECT_CODE' }]);
    expect(bad.userErrors[0].message).toContain('2 attempts left');
    expect(bad.payment.status).toBe('REQUIRES_ACTION');
    const malformed = (
      await api.gql(CONFIRM, { input: { paymentId: res.payment.id, code: 'abc' } }, { token: a.token })
    ).data.confirmCardPayment;
    expect(malformed.userErrors).toMatchObject([{ code: 'INVALID_CODE', field: ['input', 'code'] }]);

    const ok = (await api.gql(CONFIRM, { input: { paymentId: res.payment.id, code } }, { token: a.token }))
      .data.confirmCardPayment;
    expect(ok.userErrors).toEqual([]);
    expect(ok.payment).toMatchObject({ status: 'SUCCEEDED', card: { last4: '0013' } });
    expect(ok.nextAction).toBeNull();
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
  });

  test.for([
    ['declined', CARDS.declined, 'CARD_DECLINED'],
    ['insufficient funds', CARDS.insufficient, 'INSUFFICIENT_FUNDS'],
    ['expired', CARDS.expired, 'CARD_EXPIRED'],
  ] as const)(
    'a %s card: a typed error, the attempt FAILED, the orders still await payment; another card then pays',
    async ([, number, code], { api, sandbox }) => {
      const a = await checkoutWith(api, 'goods');
      const res = await pay(api, a.token, {
        checkoutId: a.checkoutId,
        method: 'UNIONPAY_CARD',
        cardToken: await cardToken(sandbox, number),
      });
      expect(res.userErrors).toMatchObject([{ code }]);
      expect(res.userErrors[0].message.length).toBeGreaterThan(10);
      expect(res.payment).toMatchObject({ status: 'FAILED', failureReason: code });
      expect(res.nextAction).toBeNull();
      expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);
      const [{ n }] = await api.sql(
        `select count(*)::int as n from email_message where "to" = $1 and template like 'payments.%'`,
        [a.email],
      );
      expect(n).toBe(0);

      const retry = await pay(api, a.token, {
        checkoutId: a.checkoutId,
        method: 'UNIONPAY_CARD',
        cardToken: await cardToken(sandbox, CARDS.success),
      });
      expect(retry.payment.status).toBe('SUCCEEDED');
      expect(retry.payment.id).not.toBe(res.payment.id);
      expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
    },
  );

  test('bad card tokens: missing or malformed changes nothing; a used token fails the attempt', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'goods');
    const missing = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'UNIONPAY_CARD' });
    expect(missing.userErrors).toMatchObject([{ code: 'INVALID_CARD_TOKEN', field: ['input', 'cardToken'] }]);
    const malformed = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: "'; drop",
    });
    expect(malformed.userErrors).toMatchObject([{ code: 'INVALID_CARD_TOKEN' }]);
    const [{ n }] = await api.sql('select count(*)::int as n from payment where checkout_id = $1', [
      dbId(a.checkoutId),
    ]);
    expect(n).toBe(0);

    const token = await cardToken(sandbox, CARDS.declined);
    await pay(api, a.token, { checkoutId: a.checkoutId, method: 'UNIONPAY_CARD', cardToken: token });
    const reused = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: token,
    });
    expect(reused.userErrors).toMatchObject([{ code: 'INVALID_CARD_TOKEN' }]);
    expect(reused.payment.status).toBe('FAILED');
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);
  });

  test('10 concurrent payOrder calls with the same key charge the card once', async ({ api, sandbox }) => {
    const a = await checkoutWith(api, 'goods');
    const input = {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
      idempotencyKey: newKey(),
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.gql(PAY, { input }, { token: a.token })),
    );
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      expect(r.data.payOrder.userErrors).toEqual([]);
      expect(r.data.payOrder.payment.status).toBe('SUCCEEDED');
    }
    expect(new Set(results.map((r) => r.data.payOrder.payment.id)).size).toBe(1);
    const payments = await api.sql('select reference from payment where checkout_id = $1', [
      dbId(a.checkoutId),
    ]);
    expect(payments).toHaveLength(1);
    expect(chargesOf(sandbox, payments[0].reference)).toHaveLength(1);
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
  });

  test('a double click with two keys gets the same attempt: one charge', async ({ api, sandbox }) => {
    const a = await checkoutWith(api, 'goods');
    const cardTokenValue = await cardToken(sandbox, CARDS.success);
    const input = (idempotencyKey: string) => ({
      input: { checkoutId: a.checkoutId, method: 'UNIONPAY_CARD', cardToken: cardTokenValue, idempotencyKey },
    });
    const [x, y] = await Promise.all([
      api.gql(PAY, input(newKey()), { token: a.token }),
      api.gql(PAY, input(newKey()), { token: a.token }),
    ]);
    const answers = [x.data.payOrder, y.data.payOrder];
    expect(answers[0].payment.id).toBe(answers[1].payment.id);
    for (const r of answers) {
      expect(r.payment.status).toBe('SUCCEEDED');
      expect(r.userErrors.filter((e: { code: string }) => e.code !== 'ALREADY_PAID')).toEqual([]);
    }
    const payments = await api.sql('select reference from payment where checkout_id = $1', [
      dbId(a.checkoutId),
    ]);
    expect(payments).toHaveLength(1);
    expect(chargesOf(sandbox, payments[0].reference)).toHaveLength(1);

    // A later attempt on a paid checkout is refused as ALREADY_PAID, without a new charge.
    const charges = () => (sandbox.state() as Gql).card.charges.length;
    const before = charges();
    const later = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    expect(later.userErrors).toMatchObject([{ code: 'ALREADY_PAID' }]);
    expect(later.payment.id).toBe(answers[0].payment.id);
    expect(charges()).toBe(before);
    expect(await api.sql('select id from payment where checkout_id = $1', [dbId(a.checkoutId)])).toHaveLength(
      1,
    );
  });

  test('the card number and CVC never reach the database or the logs', async ({ api, sandbox }) => {
    const a = await checkoutWith(api, 'goods');
    await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    const b = await checkoutWith(api, 'goods');
    const challenged = await pay(api, b.token, {
      checkoutId: b.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.challenge),
    });
    const [row] = await api.sql('select gateway_payment_id from payment where id = $1', [
      dbId(challenged.payment.id),
    ]);
    await api.gql(
      CONFIRM,
      { input: { paymentId: challenged.payment.id, code: await smsCode(sandbox, row.gateway_payment_id) } },
      { token: b.token },
    );
    expect(await orderStatuses(api, b.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);

    // Every row of every table (application and job queue), as text.
    const tables = await api.sql<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    expect(tables.map((t) => t.name)).toContain('payment');
    let dump = '';
    const cells: string[] = [];
    for (const t of tables) {
      const rows = await api.sql(`select * from "${t.schema}"."${t.name}"`);
      dump += `${JSON.stringify(rows)}\n`;
      for (const r of rows) for (const v of Object.values(r)) cells.push(String(v));
    }
    const logs = JSON.stringify(api.logs);
    expect(dump).toContain('0005'); // the last four are kept …
    for (const number of [CARDS.success, CARDS.challenge]) {
      for (const haystack of [dump, logs]) {
        expect(haystack).not.toContain(number);
        expect(haystack).not.toContain(number.replace(/(\d{4})(?=\d)/g, '$1 '));
      }
    }
    // … the CVC is nowhere: no column holds it, and no field or parameter is named after it
    // (the help center may explain what a CVC is).
    expect(cells).not.toContain(CVC);
    const named = /["']?\b(cvc|cvv|card_?number)\b["']?\s*[:=]/i;
    expect(named.exec(dump)?.[0]).toBeUndefined();
    expect(named.exec(logs)?.[0]).toBeUndefined();
    expect(api.logs.some((l) => Object.values(l).includes(CVC))).toBe(false);
  });
});
