/** GET /api/admin/configuration-warnings: what an administrator should complete (see the service). */
import { Router } from 'express';
import type { Db } from '../../../platform/db';
import { findConfigurationWarnings } from '../../services/admin/find-configuration-warnings';
import { actorOf, mayEver, sendRecord } from './crud';

export function adminConfigurationWarningRoutes(db: Db): Router {
  const router = Router();
  router.get('/configuration-warnings', mayEver('update', 'WorkingCalendar'), async (req, res) => {
    sendRecord(res, await findConfigurationWarnings(db, actorOf(req)));
  });
  return router;
}
