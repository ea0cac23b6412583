import { randomBytes } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Viewer } from '../accounts/viewer.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type ImageFormat = 'png' | 'jpg' | 'webp';

export type UploadErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'SVG_NOT_ALLOWED'
  | 'UNSUPPORTED_TYPE'
  | 'NOT_AN_IMAGE';

const CONTENT_TYPES: Record<string, ImageFormat> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/webp': 'webp',
};

/** The real format of the bytes and their pixel size, from the file's magic bytes; null if not PNG/JPEG/WebP. */
export function sniffImage(bytes: Buffer): { format: ImageFormat; width: number; height: number } | null {
  if (
    bytes.length >= 24 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1] ?? 0;
      if (marker === 0xff) {
        at += 1;
        continue;
      }
      const length = bytes.readUInt16BE(at + 2);
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof)
        return { format: 'jpg', height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      at += 2 + length;
    }
    return null;
  }
  if (
    bytes.length >= 30 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    const chunk = bytes.toString('latin1', 12, 16);
    if (chunk === 'VP8 ') {
      return {
        format: 'webp',
        width: bytes.readUInt16LE(26) & 0x3fff,
        height: bytes.readUInt16LE(28) & 0x3fff,
      };
    }
    if (chunk === 'VP8L') {
      const b1 = bytes[22] ?? 0;
      const b2 = bytes[23] ?? 0;
      const b3 = bytes[24] ?? 0;
      const b0 = bytes[21] ?? 0;
      return {
        format: 'webp',
        width: 1 + (((b1 & 0x3f) << 8) | b0),
        height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)),
      };
    }
    if (chunk === 'VP8X') {
      return { format: 'webp', width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
    }
    return null;
  }
  return null;
}

/** Checks an uploaded body; SVG is refused outright (it can carry scripts). */
export function checkUpload(
  contentType: string | undefined,
  bytes: Buffer,
): { ok: true; format: ImageFormat; width: number; height: number } | { ok: false; code: UploadErrorCode } {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (
    type === 'image/svg+xml' ||
    head.startsWith('<svg') ||
    (head.startsWith('<?xml') && head.includes('<svg'))
  ) {
    return { ok: false, code: 'SVG_NOT_ALLOWED' };
  }
  const declared = CONTENT_TYPES[type];
  if (!declared) return { ok: false, code: 'UNSUPPORTED_TYPE' };
  if (bytes.length === 0) return { ok: false, code: 'EMPTY' };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, code: 'TOO_LARGE' };
  const sniffed = sniffImage(bytes);
  if (!sniffed || sniffed.format !== declared || sniffed.width < 1 || sniffed.height < 1) {
    return { ok: false, code: 'NOT_AN_IMAGE' };
  }
  return { ok: true, ...sniffed };
}

const UPLOAD_ID = /^[a-f0-9]{32}\.(png|jpg|webp)$/;

/** An upload stored under MEDIA_DIR/products/, by its id (`<random>.<ext>`); null if unknown. */
export async function readStoredUpload(
  mediaDir: string,
  uploadId: string,
): Promise<{ path: string; width: number; height: number } | null> {
  if (!UPLOAD_ID.test(uploadId)) return null;
  const file = path.join(mediaDir, 'products', uploadId);
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const sniffed = sniffImage(buffer.subarray(0, bytesRead));
    if (!sniffed) return null;
    return { path: `products/${uploadId}`, width: sniffed.width, height: sniffed.height };
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/**
 * `POST /media/uploads`: merchant staff (and platform staff, for violation evidence) send one
 * image as the raw request body with its
 * content type (image/png, image/jpeg, image/webp; at most 5 MB). The answer's `uploadId` is then
 * attached to a product with the `addProductImage` mutation.
 */
export function mediaUploadHandler(opts: {
  mediaDir: string;
  viewerOf: (req: Request) => Promise<Viewer | null>;
}): RequestHandler {
  const raw = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });
  const fail = (res: Response, status: number, code: UploadErrorCode) =>
    res.status(status).json({ error: { code } });
  return async (req, res) => {
    try {
      const viewer = await opts.viewerOf(req);
      if (!viewer) return void fail(res, 401, 'UNAUTHENTICATED');
      // Merchant staff upload product images; platform staff upload violation evidence (penalties).
      if (viewer.role === 'SHOPPER' || (viewer.role === 'MERCHANT_STAFF' && viewer.merchantId === null))
        return void fail(res, 403, 'FORBIDDEN');
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_UPLOAD_BYTES) return void fail(res, 413, 'TOO_LARGE');
      const body = await new Promise<Buffer | null>((resolve) => {
        raw(req, res, (error?: unknown) => {
          resolve(error ? null : Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
        });
      });
      if (body === null) return void fail(res, 413, 'TOO_LARGE');
      const checked = checkUpload(req.headers['content-type'], body);
      if (!checked.ok) return void fail(res, checked.code === 'TOO_LARGE' ? 413 : 400, checked.code);
      const uploadId = `${randomBytes(16).toString('hex')}.${checked.format}`;
      await mkdir(path.join(opts.mediaDir, 'products'), { recursive: true });
      await writeFile(path.join(opts.mediaDir, 'products', uploadId), body, { flag: 'wx' });
      res.status(201).json({
        uploadId,
        url: `/media/products/${uploadId}`,
        width: checked.width,
        height: checked.height,
      });
    } catch {
      res.status(500).json({ error: { code: 'INTERNAL' } });
    }
  };
}
