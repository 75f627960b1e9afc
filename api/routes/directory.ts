/** Public reference data under /api/v1 (docs/api-contract.md): categories, units, communes (and the commune of a point). */
import { Router, type Response } from 'express';
import type { Db } from '../../platform/db';
import { requestLanguage } from '../i18n/language';
import { listCategories, listCommunes, listUnits } from '../services/list-directory';
import { locateCommune, locateCommuneQuery } from '../services/locate-commune';
import { parseInput } from '../validation';

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
  router.get('/communes/locate', async (req, res) => {
    const located = await locateCommune(db, parseInput(locateCommuneQuery, req.query), requestLanguage(req));
    // Only a found commune is cached: "not located" may change once boundaries are imported.
    cacheBriefly(res);
    res.json(located);
  });
  return router;
}
