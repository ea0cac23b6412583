import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { KEY_FAILURE_LIMIT } from '../../src/modules/consulting/consulting.service.js';
import {
  CARDS,
  cardToken,
  checkoutWith,
  describe,
  expect,
  pay,
  test,
} from '../../src/modules/payments/payments.test-support.js';
import type { TestApi } from '../harness.js';

const OPEN = `query ($n: String!, $k: String!) { consultationReport(orderNumber: $n, key: $k) { status } }`;
const BURST = 40;

/** One consultationReport call from `ip` (the API trusts X-Forwarded-For from loopback, like behind a proxy). */
const open = (api: TestApi, n: string, k: string, ip: string) =>
  api.gql(OPEN, { n, k }, { headers: { 'x-forwarded-for': ip } });

function tally(answers: Awaited<ReturnType<typeof open>>[]) {
  const out = { invalid: 0, throttled: 0, other: [] as unknown[] };
  for (const r of answers) {
    if (r.errors?.[0]?.extensions?.code === 'THROTTLED') out.throttled += 1;
    else if (r.data?.consultationReport?.status === 'INVALID_KEY') out.invalid += 1;
    else out.other.push(r.errors ?? r.data);
  }
  return out;
}

describe('order-key guessing limiter under a parallel burst', () => {
  test(`${BURST} wrong keys at once for one order (from ${BURST} addresses) get at most ${KEY_FAILURE_LIMIT} checked`, async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'service');
    const paid = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    const key = paid.orderKeys[0].key as string;
    const number = a.orders[0].number as string;
    await api.sql('delete from order_key_failure');

    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        open(api, number, randomBytes(32).toString('base64url'), `10.9.0.${i + 1}`),
      ),
    );
    const t = tally(answers);
    expect(t.other).toEqual([]);
    // Without a lock every request counted the failures before any was recorded: all were checked.
    expect(t.invalid).toBe(KEY_FAILURE_LIMIT);
    expect(t.throttled).toBe(BURST - KEY_FAILURE_LIMIT);
    const [{ n }] = await api.sql('select count(*)::int n from order_key_failure where order_number = $1', [
      number,
    ]);
    expect(n).toBe(KEY_FAILURE_LIMIT);
    // The order is locked now, for the right key too.
    const right = await open(api, number, key, '10.9.1.1');
    expect(right.errors?.[0]?.extensions?.code).toBe('THROTTLED');
  });

  test(`${BURST} wrong keys at once from one address (any orders) get at most ${KEY_FAILURE_LIMIT} checked`, async ({
    api,
  }) => {
    await api.sql('delete from order_key_failure');
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        open(api, `MP-20991231-${String(1_000_000 + i)}`, randomBytes(32).toString('base64url'), '10.9.2.1'),
      ),
    );
    const t = tally(answers);
    expect(t.other).toEqual([]);
    expect(t.invalid).toBe(KEY_FAILURE_LIMIT);
    expect(t.throttled).toBe(BURST - KEY_FAILURE_LIMIT);
    const [{ n }] = await api.sql(`select count(*)::int n from order_key_failure where ip = '10.9.2.1'`);
    expect(n).toBe(KEY_FAILURE_LIMIT);
  });
});
