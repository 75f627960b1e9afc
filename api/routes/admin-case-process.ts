/**
 * A case's process in the back office: its place on the regulation's diagram (any official who may
 * read the case) and its workflow's event history (the IOC's supervisors and admins: readHistory),
 * readable or as a JSON download.
 */
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { authOf } from '../middleware/authenticate';
import type { LogInDependencies } from '../services/log-in';
import { getCaseDiagram } from '../services/get-case-diagram';
import { exportCaseHistory, getCaseHistory } from '../services/get-case-history';

export function adminCaseProcessRoutes(deps: {
  db: Db;
  temporal: Client;
  /** The app's config; TEMPORAL_UI_URL (optional) links the history to Temporal's Web UI. */
  config: LogInDependencies['config'] & Partial<Pick<Config, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>>;
}): Router {
  const router = Router();

  router.get('/cases/:id/diagram', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await getCaseDiagram(deps.db, authOf(req), req.params.id));
  });

  router.get('/cases/:id/history', async (req, res) => {
    const auth = authOf(req);
    res.setHeader('Cache-Control', 'no-store');
    if (req.query.format === 'json') return sendExport(req, res);
    res.json(await getCaseHistory(deps, { ability: auth.ability, userId: auth.user.id }, req.params.id));
  });

  router.get('/cases/:id/history.json', (req, res) => sendExport(req, res));

  async function sendExport(
    req: Parameters<Parameters<Router['get']>[1]>[0],
    res: Parameters<Parameters<Router['get']>[1]>[1],
  ) {
    const auth = authOf(req);
    const { trackingCode, json } = await exportCaseHistory(
      deps,
      { ability: auth.ability, userId: auth.user.id, ip: req.ip, requestId: String(req.id) },
      String(req.params.id),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="history-${trackingCode.replace(/[^\w-]/g, '_')}.json"`);
    res.type('application/json').send(JSON.stringify(json, null, 2));
  }

  return router;
}
