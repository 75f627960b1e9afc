/** /api/admin/sla-policies: ra-data-simple-rest over SlaPolicy (409 for a duplicate active policy). */
import { Router } from 'express';
import { z } from 'zod';
import { CASE_LEVELS, HUMAN_STEPS } from '../../../domain/case-steps';
import type { Db } from '../../../platform/db';
import { createSlaPolicy } from '../../services/admin/create-sla-policy';
import { deleteSlaPolicy } from '../../services/admin/delete-sla-policy';
import { findSlaPolicies, SLA_POLICY_SORTABLE, slaPolicyFilter } from '../../services/admin/find-sla-policies';
import { getSlaPolicy } from '../../services/admin/get-sla-policy';
import { optionalText } from '../../services/admin/list-filters';
import { updateSlaPolicy } from '../../services/admin/update-sla-policy';
import { parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

export const slaPolicySchema = z.object({
  step: z.enum(HUMAN_STEPS),
  categoryCode: z
    .union([z.string().trim().max(50), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v)),
  level: z.union([z.enum(CASE_LEVELS), z.null()]).optional(),
  durationAmount: z.number(),
  durationUnit: z.enum(['hours', 'days']),
  reminderAt: z.number().optional(),
  escalations: z
    .array(
      z
        .object({
          level: z.number(),
          afterWorkingHours: z.number(),
          notify: z.enum(['unit_leader', 'ioc_supervisor']),
        })
        .strict(),
    )
    .max(10)
    .optional(),
  basis: optionalText(500),
  active: z.boolean().optional(),
});

export function adminSlaPolicyRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/sla-policies',
    listHandler(
      'sla-policies',
      { sortable: SLA_POLICY_SORTABLE, defaultSort: ['step', 'ASC'], filter: slaPolicyFilter },
      (actor, query) => findSlaPolicies(db, actor, query),
    ),
  );
  router.get('/sla-policies/:id', async (req, res) => {
    sendRecord(res, await getSlaPolicy(db, actorOf(req), idOf(req)));
  });
  router.post('/sla-policies', mayEver('create', 'SlaPolicy'), async (req, res) => {
    sendRecord(res, await createSlaPolicy(db, actorOf(req), parseInput(slaPolicySchema, req.body)), 201);
  });
  router.put('/sla-policies/:id', mayEver('update', 'SlaPolicy'), async (req, res) => {
    sendRecord(
      res,
      await updateSlaPolicy(db, actorOf(req), idOf(req), parseInput(slaPolicySchema.partial(), req.body)),
    );
  });
  router.delete('/sla-policies/:id', mayEver('delete', 'SlaPolicy'), async (req, res) => {
    sendRecord(res, await deleteSlaPolicy(db, actorOf(req), idOf(req)));
  });
  return router;
}
