/** GET /api/admin/tasks/counts → { mine, unitUnclaimed, overdue } for the menu's badges. */
import { Router } from 'express';
import type { Db } from '../../../platform/db';
import { countTasks } from '../../services/admin/count-tasks';
import { actorOf, sendRecord } from './crud';

export function adminTaskCountRoutes(db: Db): Router {
  const router = Router();
  router.get('/tasks/counts', async (req, res) => {
    sendRecord(res, await countTasks(db, actorOf(req)));
  });
  return router;
}
