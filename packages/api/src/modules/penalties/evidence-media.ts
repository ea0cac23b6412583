import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, RequestHandler } from 'express';
import type { Viewer } from '../accounts/viewer.js';

/**
 * Violation evidence images are not public: `POST /media/uploads` stores every upload under the public
 * `products/` directory, and recording a violation moves its attachments to `evidence/`, which the static
 * /media handler never serves. `GET /media/evidence/<uploadId>` serves them to platform staff and to the
 * account concerned (the user, or the staff of the store the violation is against) only.
 */
export const EVIDENCE_DIR = 'evidence';

const UPLOAD_ID = /^[a-f0-9]{32}\.(png|jpg|webp)$/;

/** Where an evidence attachment lives under MEDIA_DIR (stored in `violation.attachments[].path`). */
export function evidencePath(uploadId: string): string {
  return `${EVIDENCE_DIR}/${uploadId}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Moves an upload out of the public directory. Called after the violation is committed; if the process
 * dies in between, the evidence handler finishes the move on the first authorized read.
 */
export async function moveUploadToEvidence(mediaDir: string, uploadId: string): Promise<void> {
  if (!UPLOAD_ID.test(uploadId)) return;
  const from = path.join(mediaDir, 'products', uploadId);
  const to = path.join(mediaDir, EVIDENCE_DIR, uploadId);
  if (!(await exists(from))) return;
  await mkdir(path.dirname(to), { recursive: true });
  await rename(from, to);
}

type Subject = { user_id: number | null; merchant_id: number | null };

/** Staff see every violation's evidence; an account only the evidence of violations against it. */
function mayRead(viewer: Viewer, subjects: Subject[]): boolean {
  if (viewer.apiKey) return false;
  if (viewer.role === 'ADMIN' || viewer.role === 'CUSTOMER_SERVICE') return true;
  return subjects.some(
    (s) =>
      (s.user_id !== null && s.user_id === viewer.userId) ||
      (s.merchant_id !== null && viewer.role === 'MERCHANT_STAFF' && s.merchant_id === viewer.merchantId),
  );
}

/** `/media/evidence/*`: 401 without a session, 404 for anything the viewer may not read (existence stays hidden). */
export function evidenceMediaHandler(opts: {
  mediaDir: string;
  em: () => EntityManager;
  viewerOf: (req: Request, em: EntityManager) => Promise<Viewer | null>;
  setHeaders: (res: Parameters<RequestHandler>[1]) => void;
}): RequestHandler {
  return async (req, res) => {
    const notFound = () => void res.status(404).json({ error: 'not found' });
    try {
      opts.setHeaders(res);
      res.setHeader('Cache-Control', 'private, no-store');
      // Never embedded by another site with the viewer's cookies.
      res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
      const uploadId = req.path.replace(/^\//, '');
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !UPLOAD_ID.test(uploadId)) return notFound();
      const em = opts.em();
      const viewer = await opts.viewerOf(req, em);
      if (!viewer) return void res.status(401).json({ error: 'unauthenticated' });
      const subjects = await em.execute<Subject[]>(
        'select user_id, merchant_id from violation where attachments @> ?::jsonb',
        [JSON.stringify([{ uploadId }])],
      );
      if (subjects.length === 0 || !mayRead(viewer, subjects)) return notFound();
      const file = path.join(opts.mediaDir, EVIDENCE_DIR, uploadId);
      if (!(await exists(file))) await moveUploadToEvidence(opts.mediaDir, uploadId);
      if (!(await exists(file))) return notFound();
      res.sendFile(file, { dotfiles: 'deny' });
    } catch {
      res.status(500).json({ error: 'internal' });
    }
  };
}
