/**
 * The reporter's files for an answer: POST /api/v1/reports/{trackingCode}/media (multipart, one
 * photo or video in `file`, X-Citizen-Token) → 201 { id, url, thumbnailUrl }, then named in
 * POST …/info's `mediaIds`. The token and the case's step are checked before the upload is
 * read; a retry with the same Idempotency-Key answers 200 with the file already stored.
 */
import { Router, type Request } from 'express';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import { receiveUploads, uploadedFiles, type MediaLimits } from '../media/receive-uploads';
import { attachInfoFile, checkInfoFileAllowed } from '../services/attach-info-file';
import { findReporterCase } from '../services/find-reporter-case';
import { idempotencyKeyOf, reporterProofOf } from './citizen-request';

export function citizenInfoFileRoutes(deps: {
  db: Db;
  storage: MediaStorage;
  limits: MediaLimits;
  secret: string;
}): Router {
  const router = Router();
  const upload = receiveUploads({ field: 'file', maxFiles: 1, limits: deps.limits });
  const reporterCaseOf = async (req: Request) =>
    findReporterCase(deps.db, deps.secret, String(req.params.trackingCode), await reporterProofOf(req, deps));
  const options = (req: Request) => ({ idempotencyKey: idempotencyKeyOf(req), maxFiles: deps.limits.maxFiles });

  router.post(
    '/reports/:trackingCode/media',
    async (req, _res, next) => {
      await checkInfoFileAllowed(deps.db, await reporterCaseOf(req), options(req));
      next();
    },
    upload,
    async (req, res) => {
      const { file, created } = await attachInfoFile(deps, await reporterCaseOf(req), {
        ...options(req),
        file: uploadedFiles(req)[0],
        ip: req.ip ?? null,
        requestId: req.id ? String(req.id) : null,
      });
      res.setHeader('Cache-Control', 'no-store');
      res
        .status(created ? 201 : 200)
        .location(file.url)
        .json(file);
    },
  );

  return router;
}
