/**
 * The IOC's intake: POST /api/admin/intake records a hotline call, a walk-in, a letter or an email
 * as a report (api/services/record-intake.ts). JSON, or multipart with the JSON in `report` and
 * photos in `media`, as the citizens' POST /api/v1/reports. The role is checked before the upload
 * is read, so nobody else can make the API receive the files.
 */
import { Router } from 'express';
import { intakeCommandSchema } from '../../domain/intake-command';
import { receiveUploads, uploadedFiles, type MediaLimits } from '../media/receive-uploads';
import { authOf } from '../middleware/authenticate';
import type { CreateReportDependencies } from '../services/create-report';
import { assertMayRecordIntake, recordIntake } from '../services/record-intake';
import { parseInput, parseJsonField } from '../validation';

export function adminIntakeRoutes(deps: CreateReportDependencies & { limits: MediaLimits }): Router {
  const router = Router();
  const media = receiveUploads({ field: 'media', maxFiles: deps.limits.maxFiles, limits: deps.limits });

  router.post(
    '/intake',
    (req, _res, next) => {
      assertMayRecordIntake(authOf(req).ability);
      next();
    },
    media,
    async (req, res) => {
      const auth = authOf(req);
      const body: unknown = req.is('multipart/form-data') ? parseJsonField(req.body, 'report') : req.body;
      const command = parseInput(intakeCommandSchema, body);
      const created = await recordIntake(deps, {
        ability: auth.ability,
        userId: auth.user.id,
        command,
        idempotencyKey: req.get('Idempotency-Key')?.trim() || undefined,
        files: uploadedFiles(req),
        ip: req.ip ?? null,
        requestId: String(req.id),
      });
      res.status(201).location(`/api/admin/cases/${created.id}`).json(created);
    },
  );

  return router;
}
