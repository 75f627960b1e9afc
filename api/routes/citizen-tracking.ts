/**
 * GET /api/v1/reports/{trackingCode} (docs/api-contract.md): the public view, or with the header
 * X-Citizen-Token the reporter's view (their personal data, the entries meant for them); a token
 * that does not match the case is refused with 403 rather than silently answered publicly.
 */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import { getReport } from '../services/get-report';
import { citizenTokenOf, viewerOf } from './citizen-request';

export function citizenTrackingRoutes(deps: { db: Db; secret: string }): Router {
  const router = Router();
  router.get('/reports/:trackingCode', async (req, res) => {
    const view = await getReport(deps.db, req.params.trackingCode, viewerOf(req, deps.secret));
    // The public view changes with every step and counts views: never cached by shared caches;
    // the reporter's carries personal data: never stored at all.
    res.setHeader('Cache-Control', citizenTokenOf(req) ? 'no-store' : 'no-cache');
    res.vary('Accept-Language').vary('X-Citizen-Token');
    res.json(view);
  });
  return router;
}
