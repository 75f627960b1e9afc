/**
 * Proof attachments: POST /api/admin/cases/{id}/media (multipart, one file in `file`) → 201
 * { id, url }. The official's right to attach proof to the case is checked before the upload
 * is read, so nobody else can make the API receive a 100 MB file.
 */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import { receiveUploads, uploadedFiles, type MediaLimits } from '../media/receive-uploads';
import { authOf } from '../middleware/authenticate';
import { attachProof, findProofCase } from '../services/attach-proof';

export function adminCaseMediaRoutes(deps: { db: Db; storage: MediaStorage; limits: MediaLimits }): Router {
  const router = Router();
  const upload = receiveUploads({ field: 'file', maxFiles: 1, limits: deps.limits });

  router.post(
    '/cases/:id/media',
    async (req, _res, next) => {
      await findProofCase(deps.db, authOf(req).ability, String(req.params.id));
      next();
    },
    upload,
    async (req, res) => {
      const auth = authOf(req);
      const created = await attachProof(deps, {
        ability: auth.ability,
        userId: auth.user.id,
        caseId: String(req.params.id),
        file: uploadedFiles(req)[0],
        ip: req.ip,
        requestId: String(req.id),
      });
      res.status(201).location(created.url).json(created);
    },
  );

  return router;
}
