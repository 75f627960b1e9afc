/**
 * /api/admin/routing-rules: ra-data-simple-rest over RoutingRule, and
 * POST /api/admin/routing-rules/test { categoryCode, communeCode?, lat?, lng?, description? }
 * → the routing decision (activities/decide-routing.ts RoutingDecision) with candidates and reasons.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { ProvinceBounds } from '../../../domain/province-bounds';
import type { Db } from '../../../platform/db';
import { createRoutingRule } from '../../services/admin/create-routing-rule';
import { deleteRoutingRule } from '../../services/admin/delete-routing-rule';
import { findRoutingRules, ROUTING_RULE_SORTABLE, routingRuleFilter } from '../../services/admin/find-routing-rules';
import { getRoutingRule } from '../../services/admin/get-routing-rule';
import { previewRouting } from '../../services/admin/preview-routing';
import { updateRoutingRule } from '../../services/admin/update-routing-rule';
import { checkInProvince, parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

const codes = z.array(z.string().trim().min(1).max(50)).max(1000);

export const routingRuleSchema = z.object({
  name: z.string().trim().min(1).max(300),
  priority: z.number().int().min(-1000).max(1000).optional(),
  categoryCodes: codes.optional(),
  communeCodes: codes.optional(),
  boundary: z.unknown().optional(),
  keywords: z.array(z.string().trim().max(100)).max(100).optional(),
  unitId: z.string().uuid(),
  active: z.boolean().optional(),
});

export const previewSchema = z
  .object({
    categoryCode: z.string().trim().min(1).max(50),
    communeCode: z.union([z.string().trim().max(20), z.null()]).optional(),
    lat: z.union([z.number().min(-90).max(90), z.null()]).optional(),
    lng: z.union([z.number().min(-180).max(180), z.null()]).optional(),
    description: z.string().max(5000).optional(),
    excludeUnitIds: z.array(z.string().uuid()).max(100).optional(),
  })
  .strict()
  .refine((v) => (v.lat == null) === (v.lng == null), { message: 'lat_lng_together', path: ['lat'] });

export function adminRoutingRuleRoutes(db: Db, provinceBounds: ProvinceBounds): Router {
  const router = Router();
  router.get(
    '/routing-rules',
    listHandler(
      'routing-rules',
      { sortable: ROUTING_RULE_SORTABLE, defaultSort: ['priority', 'DESC'], filter: routingRuleFilter },
      (actor, query) => findRoutingRules(db, actor, query),
    ),
  );
  router.post('/routing-rules/test', mayEver('read', 'RoutingRule'), async (req, res) => {
    const input = parseInput(previewSchema, req.body);
    checkInProvince(provinceBounds, input, 'lat');
    sendRecord(res, await previewRouting(db, actorOf(req), input));
  });
  router.get('/routing-rules/:id', async (req, res) => {
    sendRecord(res, await getRoutingRule(db, actorOf(req), idOf(req)));
  });
  router.post('/routing-rules', mayEver('create', 'RoutingRule'), async (req, res) => {
    sendRecord(res, await createRoutingRule(db, actorOf(req), parseInput(routingRuleSchema, req.body)), 201);
  });
  router.put('/routing-rules/:id', mayEver('update', 'RoutingRule'), async (req, res) => {
    sendRecord(
      res,
      await updateRoutingRule(db, actorOf(req), idOf(req), parseInput(routingRuleSchema.partial(), req.body)),
    );
  });
  router.delete('/routing-rules/:id', mayEver('delete', 'RoutingRule'), async (req, res) => {
    sendRecord(res, await deleteRoutingRule(db, actorOf(req), idOf(req)));
  });
  return router;
}
