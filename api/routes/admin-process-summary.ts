/** GET /api/admin/process/summary → the diagram and, per step, the open and overdue cases the official may read. */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import { authOf } from '../middleware/authenticate';
import { getProcessSummary } from '../services/get-process-summary';

export function adminProcessSummaryRoutes(db: Db): Router {
  const router = Router();
  router.get('/process/summary', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store'); // live counts
    res.json(await getProcessSummary(db, { ability: authOf(req).ability }));
  });
  return router;
}
