/**
 * Duplicate hints under /api/v1: GET /reports/nearby (open reports of the same category near a
 * point, public data only) and POST /reports/{code}/me-too (follow one instead of reporting it
 * again; one count per device). Mounted before /reports/{code}, which would take "nearby".
 */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import { requestLanguage } from '../i18n/language';
import { findNearbyReports, nearbyQuery } from '../services/find-nearby-reports';
import { followReport, meTooSchema } from '../services/follow-report';
import { parseInput } from '../validation';

export function citizenNearbyRoutes(deps: { db: Db; secret: string }): Router {
  const router = Router();

  router.get('/reports/nearby', async (req, res) => {
    const query = parseInput(nearbyQuery, req.query);
    const reports = await findNearbyReports(deps.db, query, requestLanguage(req));
    // Reports are screened and followed all the time: never a stale hint.
    res.setHeader('Cache-Control', 'no-store');
    res.json(reports);
  });

  router.post('/reports/:trackingCode/me-too', async (req, res) => {
    const meToo = parseInput(meTooSchema, req.body ?? {});
    const followed = await followReport(deps.db, deps.secret, req.params.trackingCode, meToo);
    res.setHeader('Cache-Control', 'no-store');
    res.status(followed.counted ? 201 : 200).json(followed);
  });

  return router;
}
