/** /api/admin/units: ra-data-simple-rest over Unit. */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { createUnit } from '../../services/admin/create-unit';
import { deleteUnit } from '../../services/admin/delete-unit';
import { findUnits, UNIT_KINDS, UNIT_SORTABLE, unitFilter } from '../../services/admin/find-units';
import { getUnit } from '../../services/admin/get-unit';
import { optionalText } from '../../services/admin/list-filters';
import { updateUnit } from '../../services/admin/update-unit';
import { parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

export const unitSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,29}$/, 'invalid_format'),
  name: z.string().trim().min(1).max(300),
  nameEn: optionalText(300),
  kind: z.enum(UNIT_KINDS),
  parentId: z.union([z.string().uuid(), z.null()]).optional(),
  communeCodes: z.array(z.string().trim().min(1).max(20)).max(500).optional(),
  boundary: z.unknown().optional(),
  phone: optionalText(50),
  email: z
    .union([z.string().trim().email().max(200), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v)),
  address: optionalText(500),
  active: z.boolean().optional(),
});

export function adminUnitRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/units',
    listHandler(
      'units',
      { sortable: UNIT_SORTABLE, defaultSort: ['code', 'ASC'], filter: unitFilter },
      (actor, query) => findUnits(db, actor, query),
    ),
  );
  router.get('/units/:id', async (req, res) => {
    sendRecord(res, await getUnit(db, actorOf(req), idOf(req)));
  });
  router.post('/units', mayEver('create', 'Unit'), async (req, res) => {
    sendRecord(res, await createUnit(db, actorOf(req), parseInput(unitSchema, req.body)), 201);
  });
  router.put('/units/:id', mayEver('update', 'Unit'), async (req, res) => {
    sendRecord(res, await updateUnit(db, actorOf(req), idOf(req), parseInput(unitSchema.partial(), req.body)));
  });
  router.delete('/units/:id', mayEver('delete', 'Unit'), async (req, res) => {
    sendRecord(res, await deleteUnit(db, actorOf(req), idOf(req)));
  });
  return router;
}
