import {
  approveAtPayPal,
  CARDS,
  cardToken,
  checkoutWith,
  COMPLETE,
  CONFIRM,
  dbId,
  describe,
  expect,
  newKey,
  PAY,
  pay,
  PAYMENT_FIELDS,
  test,
  type Gql,
} from './payments.test-support.js';

const HISTORY = `query ($first: Int!, $after: String, $statuses: [PaymentStatus!], $locale: Locale) {
  viewer { payments(first: $first, after: $after, statuses: $statuses) { totalCount pageInfo { hasNextPage endCursor }
    nodes { ${PAYMENT_FIELDS} orders { number } voucher(locale: $locale) { paymentReference gatewayReference paidAt method
      paidWith maskedCard payerEmail billedTo amount { minorUnits } refundedAmount { minorUnits } status
      orders { number merchantName total { minorUnits } } } } } } }`;

describe('payment history and vouchers', () => {
  test('every attempt, newest first; a voucher for each captured one (masked card or PayPal account)', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'goods', 'zh-TW');
    const declined = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.declined),
    });
    const card = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    const b = await checkoutWith(api, 'service');
    // Same shopper, second checkout paid with PayPal.
    await api.sql('update checkout set user_id = $1 where id = $2', [a.userId, dbId(b.checkoutId)]);
    await api.sql('update customer_order set user_id = $1 where checkout_id = $2', [
      a.userId,
      dbId(b.checkoutId),
    ]);
    const started = await pay(api, a.token, { checkoutId: b.checkoutId, method: 'PAYPAL' });
    const back = await approveAtPayPal(started.nextAction.url);
    await api.gql(
      COMPLETE,
      { input: { checkoutId: b.checkoutId, token: back.searchParams.get('token') } },
      { token: a.token },
    );

    const page1 = (await api.gql(HISTORY, { first: 2, locale: 'ZH_TW' }, { token: a.token })).data.viewer
      .payments;
    expect(page1.totalCount).toBe(3);
    expect(page1.nodes.map((p: Gql) => p.id)).toEqual([started.payment.id, card.payment.id]);
    const page2 = (
      await api.gql(
        HISTORY,
        { first: 2, after: page1.pageInfo.endCursor, locale: 'ZH_TW' },
        { token: a.token },
      )
    ).data.viewer.payments;
    expect(page2.nodes.map((p: Gql) => p.id)).toEqual([declined.payment.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const [paypal, cardPayment] = page1.nodes;
    expect(paypal.voucher).toMatchObject({
      method: 'PAYPAL',
      paidWith: 'PayPal (buyer@sandbox.paypal.example)',
      maskedCard: null,
      payerEmail: 'buyer@sandbox.paypal.example',
      amount: { minorUnits: b.total },
      status: 'SUCCEEDED',
      orders: [{ number: b.orders[0].number, merchantName: '港橋商務顧問', total: { minorUnits: b.total } }],
    });
    expect(paypal.voucher.gatewayReference).toMatch(/^[A-Z0-9]{17}$/);
    expect(cardPayment.voucher).toMatchObject({
      method: 'UNIONPAY_CARD',
      paidWith: '銀聯信用卡 •••• 0005',
      maskedCard: '•••• 0005',
      billedTo: expect.stringMatching(/^Buyer/),
      amount: { minorUnits: a.total },
      orders: a.orders.map((o) => ({ number: o.number })),
    });
    expect(cardPayment.voucher.paymentReference).toMatch(/^PAY-[0-9A-Z]{10}$/);
    expect(cardPayment.voucher.gatewayReference).toMatch(/^ch_/);
    expect(page2.nodes[0].voucher).toBeNull();
    expect(page2.nodes[0].failureReason).toBe('CARD_DECLINED');

    const onlyPaid = (await api.gql(HISTORY, { first: 10, statuses: ['SUCCEEDED'] }, { token: a.token })).data
      .viewer.payments;
    expect(onlyPaid.totalCount).toBe(2);

    // One payment by id and through node().
    const one = await api.gql(
      `query ($id: ID!) { payment(id: $id) { reference voucher { paymentReference } } }`,
      {
        id: card.payment.id,
      },
      { token: a.token },
    );
    expect(one.data.payment.voucher.paymentReference).toBe(one.data.payment.reference);
    const node = await api.gql(
      `query ($id: ID!) { node(id: $id) { ... on Payment { reference } } }`,
      { id: card.payment.id },
      {
        token: a.token,
      },
    );
    expect(node.data.node.reference).toBe(one.data.payment.reference);
  });
});

describe('authorization', () => {
  test('another shopper’s checkouts, payments and orders are not found, and nothing changes', async ({
    api,
    sandbox,
    login,
  }) => {
    const owner = await checkoutWith(api, 'goods');
    const paid = await pay(api, owner.token, {
      checkoutId: owner.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.challenge),
    });
    expect(paid.payment.status).toBe('REQUIRES_ACTION');
    const paypalCheckout = await checkoutWith(api, 'goods');
    const pp = await pay(api, paypalCheckout.token, {
      checkoutId: paypalCheckout.checkoutId,
      method: 'PAYPAL',
    });
    const ppToken = new URL(pp.nextAction.url).searchParams.get('token');
    const intruder = await checkoutWith(api, 'goods');
    const snapshot = async () =>
      api.sql(
        `select (select string_agg(id || ':' || status, ',' order by id) from payment) as payments,
                (select string_agg(id || ':' || status, ',' order by id) from customer_order) as orders`,
      );
    const sandboxCounts = () => {
      const s = sandbox.state() as Gql;
      return [s.paypal.orders.length, s.paypal.captures.length, s.card.charges.length];
    };
    const before = await snapshot();
    const gatewayBefore = sandboxCounts();

    const steal = await api.gql(
      PAY,
      { input: { checkoutId: owner.checkoutId, method: 'PAYPAL', idempotencyKey: newKey() } },
      { token: intruder.token },
    );
    expect(steal.data.payOrder).toMatchObject({
      payment: null,
      userErrors: [{ code: 'CHECKOUT_NOT_FOUND' }],
    });
    const complete = await api.gql(
      COMPLETE,
      { input: { checkoutId: paypalCheckout.checkoutId, token: ppToken } },
      { token: intruder.token },
    );
    expect(complete.data.completePayPalPayment.userErrors[0].code).toBe('CHECKOUT_NOT_FOUND');
    const confirm = await api.gql(
      CONFIRM,
      { input: { paymentId: paid.payment.id, code: '123456' } },
      { token: intruder.token },
    );
    expect(confirm.data.confirmCardPayment).toMatchObject({
      payment: null,
      userErrors: [{ code: 'PAYMENT_NOT_FOUND' }],
    });
    const look = await api.gql(
      `query ($p: ID!, $c: ID!) { payment(id: $p) { id } node(id: $p) { id } paymentConfirmation(checkoutId: $c) { status } }`,
      { p: paid.payment.id, c: owner.checkoutId },
      { token: intruder.token },
    );
    expect(look.data).toEqual({ payment: null, node: null, paymentConfirmation: null });
    const list = await api.gql(
      `{ viewer { payments(first: 10) { totalCount } } }`,
      {},
      { token: intruder.token },
    );
    expect(list.data.viewer.payments.totalCount).toBe(0);

    const anonymous = await api.gql(PAY, {
      input: { checkoutId: owner.checkoutId, method: 'PAYPAL', idempotencyKey: newKey() },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const staff = await login('support@example.com');
    const staffPay = await api.gql(
      PAY,
      { input: { checkoutId: owner.checkoutId, method: 'PAYPAL', idempotencyKey: newKey() } },
      { token: staff },
    );
    expect(staffPay.data.payOrder.userErrors[0].code).toBe('CHECKOUT_NOT_FOUND');

    expect(await snapshot()).toEqual(before);
    expect(sandboxCounts()).toEqual(gatewayBefore);
  });

  test('bad input is refused before anything happens', async ({ api }) => {
    const a = await checkoutWith(api, 'goods');
    const cases: [Record<string, unknown>, string][] = [
      [{ idempotencyKey: 'short' }, 'INVALID_IDEMPOTENCY_KEY'],
      [{ returnUrl: 'https://evil.example/steal' }, 'INVALID_RETURN_URL'],
      [{ cancelUrl: 'javascript:alert(1)' }, 'INVALID_RETURN_URL'],
      [{ checkoutId: 'bm9wZQ' }, 'CHECKOUT_NOT_FOUND'],
    ];
    for (const [extra, code] of cases) {
      const res = await api.gql(
        PAY,
        { input: { checkoutId: a.checkoutId, method: 'PAYPAL', idempotencyKey: newKey(), ...extra } },
        { token: a.token },
      );
      expect(res.data.payOrder.userErrors[0].code).toBe(code);
    }
    // The same key for another method is a conflict, not a second payment.
    const key = newKey();
    await api.gql(
      PAY,
      { input: { checkoutId: a.checkoutId, method: 'PAYPAL', idempotencyKey: key } },
      { token: a.token },
    );
    const reuse = await api.gql(
      PAY,
      {
        input: {
          checkoutId: a.checkoutId,
          method: 'UNIONPAY_CARD',
          cardToken: 'tok_x1234',
          idempotencyKey: key,
        },
      },
      { token: a.token },
    );
    expect(reuse.data.payOrder.userErrors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await api.sql('select method from payment where checkout_id = $1', [dbId(a.checkoutId)]);
    expect(rows).toEqual([{ method: 'PAYPAL' }]);
  });
});
