/** Citizens' reports under /api/v1 (../shared/API.md). */
import { Router } from 'express';
import { reportCommandSchema } from '../../domain/report-command';
import { createReport, type CreateReportDependencies } from '../services/create-report';
import { getReport } from '../services/get-report';
import { parseInput } from '../validation';

export function citizenReportRoutes(deps: CreateReportDependencies): Router {
  const router = Router();

  router.post('/reports', async (req, res) => {
    const report = parseInput(reportCommandSchema, req.body);
    const key = req.get('Idempotency-Key')?.trim() || undefined;
    const created = await createReport(deps, { report, idempotencyKey: key, channel: 'api', now: new Date() });
    res.status(201).location(`/api/v1/reports/${created.trackingCode}`).json(created);
  });

  router.get('/reports/:trackingCode', async (req, res) => {
    res.json(await getReport(deps.db, req.params.trackingCode));
  });

  return router;
}
