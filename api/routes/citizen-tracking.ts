/**
 * GET /api/v1/reports/{trackingCode} (docs/api-contract.md): the public view, or with the header
 * X-Citizen-Token the reporter's view (their personal data, the entries meant for them); a token
 * that does not match the case is refused with 403 rather than silently answered publicly. A
 * signed-in citizen (session cookie) gets the reporter's view of the cases their account holds.
 */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import { getReport } from '../services/get-report';
import { reporterProofOf, viewerOf } from './citizen-request';

export function citizenTrackingRoutes(deps: { db: Db; secret: string }): Router {
  const router = Router();
  router.get('/reports/:trackingCode', async (req, res) => {
    const proof = await reporterProofOf(req, deps);
    const view = await getReport(deps.db, req.params.trackingCode, viewerOf(req, deps.secret, proof));
    // The public view changes with every step and counts views: never cached by shared caches;
    // the reporter's (a token, or a signed-in citizen) carries personal data: never stored at all.
    res.setHeader('Cache-Control', proof.token || proof.citizenId ? 'no-store' : 'no-cache');
    res.vary('Accept-Language').vary('X-Citizen-Token').vary('Cookie');
    res.json(view);
  });
  return router;
}
