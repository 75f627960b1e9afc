/** Public reference data under /api/v1 (../shared/API.md): categories, units, communes. */
import { Router, type Response } from 'express';
import type { Db } from '../../platform/db';
import { requestLanguage } from '../i18n/language';
import { listCategories, listCommunes, listUnits } from '../services/list-directory';

/** Changes are rare and administrators expect them to show within minutes, not at once. */
function cacheBriefly(res: Response): void {
  res.setHeader('Cache-Control', 'public, max-age=300');
  res.vary('Accept-Language');
}

export function directoryRoutes(db: Db): Router {
  const router = Router();
  router.get('/categories', async (req, res) => {
    cacheBriefly(res);
    res.json(await listCategories(db, requestLanguage(req)));
  });
  router.get('/units', async (req, res) => {
    cacheBriefly(res);
    res.json(await listUnits(db, requestLanguage(req)));
  });
  router.get('/communes', async (req, res) => {
    cacheBriefly(res);
    res.json(await listCommunes(db, requestLanguage(req)));
  });
  return router;
}
