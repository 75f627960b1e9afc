/**
 * /api/admin/communes: ra-data-simple-rest over Commune (the id is the code; no create or delete:
 * the province's communes are set by law and seeded), and POST /communes/boundaries, the import
 * of every commune's boundary from one GeoJSON file. Boundaries are large: these routes read JSON
 * bodies up to BOUNDARY_BODY_LIMIT, after the session is checked (api/routes/admin.ts), never
 * before.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { COMMUNE_SORTABLE, communeFilter, findCommunes } from '../../services/admin/find-communes';
import { getCommune } from '../../services/admin/get-commune';
import { communeBoundaryImportSchema, importCommuneBoundaries } from '../../services/admin/import-commune-boundaries';
import { updateCommune } from '../../services/admin/update-commune';
import { parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

/** A province's 69 communes in detail (a few thousand points each) fit easily. */
const BOUNDARY_BODY_LIMIT = '20mb';

/** Whether a request's JSON body is read by these routes rather than by the app's small default. */
export function readsOwnJsonBody(req: Pick<Request, 'originalUrl' | 'method'>): boolean {
  return req.method !== 'GET' && /^\/api\/admin\/communes(\/|\?|$)/.test(req.originalUrl);
}

export const communeSchema = z
  .object({
    code: z.string().trim(),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['ward', 'commune', 'town']),
    active: z.boolean(),
    sortOrder: z.number().int(),
    // Checked as an area by the service (domain/geo-index.ts findAreaGeometryProblem).
    boundary: z.union([z.record(z.unknown()), z.null()]),
  })
  .partial();

export function adminCommuneRoutes(db: Db): Router {
  const router = Router();
  const json = express.json({ limit: BOUNDARY_BODY_LIMIT });
  router.get(
    '/communes',
    listHandler(
      'communes',
      { sortable: COMMUNE_SORTABLE, defaultSort: ['sortOrder', 'ASC'], filter: communeFilter },
      (actor, query) => findCommunes(db, actor, query),
    ),
  );
  // Before /communes/:id, which would take "boundaries" for a code.
  router.post('/communes/boundaries', mayEver('update', 'Commune'), json, async (req, res) => {
    sendRecord(res, await importCommuneBoundaries(db, actorOf(req), parseInput(communeBoundaryImportSchema, req.body)));
  });
  router.get('/communes/:id', async (req, res) => {
    sendRecord(res, await getCommune(db, actorOf(req), idOf(req)));
  });
  router.put('/communes/:id', mayEver('update', 'Commune'), json, async (req, res) => {
    sendRecord(res, await updateCommune(db, actorOf(req), idOf(req), parseInput(communeSchema, req.body)));
  });
  return router;
}
