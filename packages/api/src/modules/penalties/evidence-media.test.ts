import { access, rename } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { PRIVATE_EVIDENCE_UP } from '../../db/migrations/Migration20261122110200_private_evidence.js';
import { toGlobalId } from '../../graphql/relay.js';
import { MEDIA_CSP } from '../../http/security-headers.js';
import { SESSION_COOKIE } from '../accounts/session.service.js';

/** Violation evidence is readable by platform staff and the account concerned only (evidence-media.ts). */

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const mediaDir = () => inject('testDb').mediaDir;

async function upload(api: TestApi, token: string): Promise<string> {
  const res = await fetch(`${api.url}/media/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
    body: PNG,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { uploadId: string }).uploadId;
}

/** Records a violation with one evidence image; answers the upload id and the violation. */
async function recordWithEvidence(
  api: TestApi,
  support: string,
  subject: string,
  subjectType: 'MERCHANT' | 'USER' = 'MERCHANT',
) {
  const code = subjectType === 'MERCHANT' ? 'MERCHANT_AGREEMENT' : 'USER_AGREEMENT';
  const [rule] = await api.sql<{ id: number }>('select id from penalty_rule where code = $1', [code]);
  const uploadId = await upload(api, support);
  const res = await api.gql(
    `mutation ($input: RecordViolationInput!) { recordViolation(input: $input) {
      violation { id attachments { uploadId url } } userErrors { code } } }`,
    {
      input: {
        subjectType,
        subject,
        ruleId: toGlobalId('PenaltyRule', rule?.id ?? 0),
        evidence: 'Listing copies another brand.',
        attachmentUploadIds: [uploadId],
      },
    },
    { token: support },
  );
  expect(res.data.recordViolation.userErrors).toEqual([]);
  return { uploadId, violation: res.data.recordViolation.violation };
}

const get = (api: TestApi, p: string, token?: string) =>
  fetch(`${api.url}${p}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('violation evidence', () => {
  test('only platform staff and the store concerned read it, never through the public URL', async ({
    api,
    login,
  }) => {
    const merchants = await api.sql<{ id: number; handle: string }>(
      'select id, handle from merchant order by id limit 2',
    );
    const [concerned, other] = merchants as unknown as [{ handle: string }, { handle: string }];
    const support = await login('support@example.com');
    const { uploadId, violation } = await recordWithEvidence(api, support, concerned.handle);
    const url = `/media/evidence/${uploadId}`;
    expect(violation.attachments).toEqual([{ uploadId, url }]);

    // The upload's public address is gone.
    expect((await get(api, `/media/products/${uploadId}`)).status).toBe(404);
    expect((await get(api, `/media/products/${uploadId}`, support)).status).toBe(404);

    const shopper = await login('shopper@example.com');
    const otherStaff = await login(`staff@${other.handle}.example.com`);
    const concernedStaff = await login(`staff@${concerned.handle}.example.com`);
    const admin = await login('admin@example.com');
    expect((await get(api, url)).status).toBe(401);
    expect((await get(api, url, shopper)).status).toBe(404);
    expect((await get(api, url, otherStaff)).status).toBe(404);
    // A cookie session (how the admin SPA's <img> asks) works like a bearer token.
    const cookieRead = await fetch(`${api.url}${url}`, {
      headers: { cookie: `${SESSION_COOKIE}=${concernedStaff}` },
    });
    for (const res of [
      await get(api, url, concernedStaff),
      await get(api, url, support),
      await get(api, url, admin),
      cookieRead,
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-security-policy')).toBe(MEDIA_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-site');
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    }
    // Unknown or malformed names reveal nothing, even to staff.
    expect((await get(api, '/media/evidence/0123456789abcdef0123456789abcdef.png', admin)).status).toBe(404);
    expect((await get(api, '/media/evidence/..%2Fproducts%2Fx.png', admin)).status).toBe(404);
    // No other spelling of the path reaches the evidence directory through the public static handler.
    for (const sneaky of [
      `/media//evidence/${uploadId}`,
      `/media/%65vidence/${uploadId}`,
      `/media/products/..%2Fevidence%2F${uploadId}`,
      `/media/./evidence/${uploadId}`,
    ]) {
      // 404, 403 where the static handler sees a traversal, 401 where the URL normalizes to the guarded path.
      expect([401, 403, 404], sneaky).toContain((await fetch(`${api.url}${sneaky}`)).status);
    }
  });

  test('a shopper reads the evidence of a violation against them; another shopper does not', async ({
    api,
    login,
  }) => {
    const support = await login('support@example.com');
    const { uploadId } = await recordWithEvidence(api, support, 'shopper@example.com', 'USER');
    const url = `/media/evidence/${uploadId}`;
    expect((await get(api, url, await login('shopper2@example.com'))).status).toBe(404);
    const own = await get(api, url, await login('shopper@example.com'));
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);
  });

  test('migration 20261122110200 moves recorded attachments to evidence/; the first read moves a file left behind', async ({
    api,
    login,
  }) => {
    const [store] = await api.sql<{ handle: string }>('select handle from merchant order by id limit 1');
    const support = await login('support@example.com');
    const { uploadId, violation } = await recordWithEvidence(api, support, store?.handle ?? '');
    const id = Number(Buffer.from(violation.id, 'base64url').toString().split(':')[1]);
    // As a violation recorded before the migration was stored: path under products/, the file public.
    await api.sql(`update violation set attachments = $1::jsonb where id = $2`, [
      JSON.stringify([
        { uploadId, path: `products/${uploadId}` },
        { uploadId: 'b.png', path: 'products/b.png' },
      ]),
      id,
    ]);
    await rename(path.join(mediaDir(), 'evidence', uploadId), path.join(mediaDir(), 'products', uploadId));
    const untouched = await api.sql(
      `select id, attachments from violation where attachments = '[]'::jsonb order by id`,
    );

    await api.sql(PRIVATE_EVIDENCE_UP);
    const [migrated] = await api.sql(`select attachments from violation where id = $1`, [id]);
    expect(migrated.attachments).toEqual([
      { uploadId, path: `evidence/${uploadId}` },
      { uploadId: 'b.png', path: 'evidence/b.png' },
    ]);
    expect(
      await api.sql(`select id, attachments from violation where attachments = '[]'::jsonb order by id`),
    ).toEqual(untouched);

    const admin = await login('admin@example.com');
    const url = `/media/evidence/${uploadId}`;
    expect((await get(api, url)).status).toBe(401);
    const read = await get(api, url, admin);
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).equals(PNG)).toBe(true);
    await expect(access(path.join(mediaDir(), 'products', uploadId))).rejects.toThrow();
    expect((await get(api, `/media/products/${uploadId}`)).status).toBe(404);
  });
});
