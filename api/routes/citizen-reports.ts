/** Citizens' reports under /api/v1 (docs/api-contract.md). */
import { Router } from 'express';
import { reportCommandSchema } from '../../domain/report-command';
import { receiveUploads, uploadedFiles, type MediaLimits } from '../media/receive-uploads';
import { signedInCitizen } from '../services/citizen-accounts/citizen-sessions';
import { createReport, type CreateReportDependencies } from '../services/create-report';
import { parseInput, parseJsonField } from '../validation';

export function citizenReportRoutes(deps: CreateReportDependencies & { limits: MediaLimits }): Router {
  const router = Router();
  const media = receiveUploads({ field: 'media', maxFiles: deps.limits.maxFiles, limits: deps.limits });

  router.post('/reports', media, async (req, res) => {
    // multipart/form-data: the JSON command in the `report` field, files in `media`.
    const body: unknown = req.is('multipart/form-data') ? parseJsonField(req.body, 'report') : req.body;
    const report = parseInput(reportCommandSchema, body);
    const key = req.get('Idempotency-Key')?.trim() || undefined;
    const files = uploadedFiles(req);
    // A signed-in citizen's report is their account's from the start; anonymous reporting stays.
    const citizen = await signedInCitizen(deps.db, deps.secret, req);
    const created = await createReport(deps, {
      report,
      idempotencyKey: key,
      channel: 'api',
      now: new Date(),
      files,
      ...(citizen && { citizenId: citizen.citizenId }),
    });
    res.status(201).location(`/api/v1/reports/${created.trackingCode}`).json(created);
  });

  return router;
}
