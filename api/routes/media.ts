/**
 * Media files under /api/v1/media/{id} (and their thumbnails), for everyone who may see them:
 * the public once published, the reporter with their X-Citizen-Token, officials with their
 * session. Anything else is 404 (api/services/get-media.ts).
 */
import { Router, type Request, type Response } from 'express';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import { sendMedia } from '../media/send-media';
import { authenticate } from '../middleware/authenticate';
import { getMedia } from '../services/get-media';
import { reporterProofOf } from './citizen-request';
import type { LogInDependencies } from '../services/log-in';
import { AppError } from '../../platform/app-error';
import type { Config } from '../../platform/config';

export function mediaRoutes(
  deps: LogInDependencies & { db: Db; storage: MediaStorage; config: Pick<Config, 'APP_SECRET'> },
): Router {
  const router = Router();

  async function serve(req: Request, res: Response, part: 'file' | 'thumbnail') {
    // An official who must change their password first does not count as signed in here either.
    const official = req.auth && !req.auth.user.mustChangePassword ? req.auth : undefined;
    const proof = await reporterProofOf(req, { db: deps.db, secret: deps.config.APP_SECRET });
    const { media, isPublic } = await getMedia(deps.db, String(req.params.id), {
      ability: official?.ability,
      citizenToken: proof.token,
      citizenId: proof.citizenId,
      secret: deps.config.APP_SECRET,
    });
    if (part === 'thumbnail') {
      if (!media.thumbnailKey) throw new AppError('NOT_FOUND', { what: req.path });
      await sendMedia(req, res, deps.storage, {
        key: media.thumbnailKey,
        contentType: 'image/webp',
        etag: `${media.sha256}.thumb`,
        isPublic,
      });
      return;
    }
    await sendMedia(req, res, deps.storage, {
      key: media.storageKey,
      contentType: media.contentType,
      etag: media.sha256,
      isPublic,
    });
  }

  router.get('/media/:id', authenticate(deps), (req, res) => serve(req, res, 'file'));
  router.get('/media/:id/thumbnail', authenticate(deps), (req, res) => serve(req, res, 'thumbnail'));
  return router;
}
