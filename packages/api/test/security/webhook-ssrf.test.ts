import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { gid, variant } from '../../src/modules/checkout/checkout.test-support.js';
import { isPublicAddress, postWebhook } from '../../src/modules/webhooks/webhook-target.js';
import { test as base, describe, expect } from '../fixtures.js';
import { startTestApi } from '../harness.js';

/**
 * Webhook SSRF guard (issue 9 §5): with private networks not allowed (production's default), an endpoint
 * whose host is or resolves to a loopback, private, link-local (cloud metadata) or other non-public address
 * is refused at registration, and a delivery to such an address is refused on the connection's own lookup
 * (a name re-pointed after registration, i.e. DNS rebinding), before any byte is sent.
 */
// biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
const test = base.extend('api', { scope: 'file' }, async ({}, { onCleanup }) => {
  const api = await startTestApi(inject('testDb'), {
    webhooks: {
      timeoutMs: 2000,
      maxAttempts: 1,
      retryBaseMs: 100,
      allowHttp: true,
      allowPrivateNetworks: false,
    },
  });
  onCleanup(() => api.stop());
  return api;
});

const STAFF = 'staff@lane-nine-design.example.com';
const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
  subscription { id url } userErrors { code field message } } }`;
const UPDATE = `mutation ($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) {
  subscription { id url } userErrors { code field message } } }`;
/** A public address that needs no DNS (TEST-NET ranges are refused, so a real one: example.com's). */
const PUBLIC_URL = 'https://93.184.215.14/hooks';

describe('isPublicAddress', () => {
  test.for([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['not an address', false],
    ['93.184.215.14', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
  ] as const)('%s → %s', ([address, expected]) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('registration', () => {
  test.for([
    'https://127.0.0.1/hooks',
    'https://localhost:8443/hooks',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.5/hooks',
    'https://192.168.0.1/hooks',
    'https://[::1]/hooks',
    'https://[::ffff:127.0.0.1]/hooks',
    'https://[fd12:3456::1]/hooks',
    'http://localhost:4000/hooks',
    'https://no-such-host.invalid/hooks',
  ])('refuses %s and stores nothing', async (url, { api, login }) => {
    const token = await login(STAFF);
    const before = await api.sql('select id from webhook_subscription order by id');
    const res = await api.gql(CREATE, { input: { url, events: ['PRODUCT_UPDATED'] } }, { token });
    expect(res.data.createWebhookSubscription.subscription).toBeNull();
    expect(res.data.createWebhookSubscription.userErrors).toMatchObject([
      { code: 'INVALID_URL', field: ['input', 'url'] },
    ]);
    expect(await api.sql('select id from webhook_subscription order by id')).toEqual(before);
  });

  test('accepts a public endpoint, and refuses changing it to an internal one', async ({ api, login }) => {
    const token = await login(STAFF);
    const created = await api.gql(
      CREATE,
      { input: { url: PUBLIC_URL, events: ['PRODUCT_UPDATED'] } },
      { token },
    );
    expect(created.data.createWebhookSubscription.userErrors).toEqual([]);
    const id = created.data.createWebhookSubscription.subscription.id;
    const res = await api.gql(
      UPDATE,
      { input: { subscriptionId: id, url: 'https://169.254.169.254/' } },
      { token },
    );
    expect(res.data.updateWebhookSubscription.userErrors).toMatchObject([{ code: 'INVALID_URL' }]);
    const [row] = await api.sql('select url from webhook_subscription where url like $1', [
      '%93.184.215.14%',
    ]);
    expect(row?.url).toBe(PUBLIC_URL);
  });
});

describe('delivery', () => {
  test('a subscription whose host now resolves to loopback gets nothing: the attempt fails as refused', async ({
    api,
    login,
  }) => {
    let received = 0;
    const server = createServer((_req, res) => {
      received += 1;
      res.writeHead(200).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    try {
      const token = await login(STAFF);
      const created = await api.gql(
        CREATE,
        { input: { url: PUBLIC_URL, events: ['PRODUCT_UPDATED'] } },
        { token },
      );
      const subscriptionId = created.data.createWebhookSubscription.subscription.id;
      // What DNS rebinding amounts to: the registered name later points inside.
      await api.sql(`update webhook_subscription set url = $1 where url = $2`, [
        `http://localhost:${port}/hooks`,
        PUBLIC_URL,
      ]);
      const mug = await variant(api, 'HOM-MUG-CHR');
      const [p] = await api.sql(`select product_id from product_variant where id = $1`, [mug.dbId]);
      const upd = await api.gql(
        `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { userErrors { code } } }`,
        { input: { productId: gid('Product', p!.product_id), descriptionEn: 'Guarded webhook test.' } },
        { token },
      );
      expect(upd.data.updateProduct.userErrors).toEqual([]);
      const deadline = Date.now() + 30_000;
      let delivery:
        | { state: string; attempts: { error: string | null; statusCode: number | null }[] }
        | undefined;
      while (Date.now() < deadline) {
        const res = await api.gql(
          `query ($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 5) { nodes { state attempts { error statusCode } } } }`,
          { id: subscriptionId },
          { token },
        );
        delivery = res.data.webhookDeliveries.nodes[0];
        if (delivery?.state === 'FAILED') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(delivery?.state).toBe('FAILED');
      expect(delivery?.attempts[0]).toMatchObject({ statusCode: null });
      expect(delivery?.attempts[0]?.error).toMatch(/refused: localhost resolves to a non-public address/);
      expect(received).toBe(0);
    } finally {
      server.close();
    }
  });

  test('postWebhook refuses IP literals and resolved names alike, and delivers when private networks are allowed', async () => {
    let received = 0;
    const server = createServer((_req, res) => {
      received += 1;
      res.writeHead(204).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const send = (url: string, allowPrivate: boolean) =>
      postWebhook(url, { headers: {}, body: '{}', timeoutMs: 2000, allowPrivate });
    try {
      await expect(send(`http://127.0.0.1:${port}/`, false)).rejects.toThrow(/non-public address/);
      await expect(send(`http://localhost:${port}/`, false)).rejects.toThrow(/non-public address/);
      expect(received).toBe(0);
      expect(await send(`http://127.0.0.1:${port}/`, true)).toBe(204);
      expect(received).toBe(1);
    } finally {
      server.close();
    }
  });
});
