/** Routing rules for the back office (read by the IOC; edited by administrators). */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Prisma, RoutingRule } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { containing } from '../text-match';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, searchText, uuidIds } from './list-filters';

export const routingRuleFilter = z
  .object({
    id: idFilter.optional(),
    q: searchText.optional(),
    unitId: z.string().uuid().optional(),
    categoryCode: z.string().optional(),
    communeCode: z.string().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const ROUTING_RULE_SORTABLE = ['priority', 'name', 'active', 'createdAt', 'updatedAt', 'id'] as const;

export async function findRoutingRules(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof routingRuleFilter>>) {
  const f = query.filter;
  const where: Prisma.RoutingRuleWhereInput = {
    AND: [
      readableWhere(actor.ability, 'RoutingRule'),
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.unitId && { unitId: f.unitId }),
        ...(f.categoryCode && { categoryCodes: { has: f.categoryCode } }),
        ...(f.communeCode && { communeCodes: { has: f.communeCode } }),
        ...(f.active !== undefined && { active: f.active }),
        ...(f.q && { name: containing(f.q) }),
      },
    ],
  };
  const [rows, total] = await db.$transaction([
    db.routingRule.findMany({ where, ...pageOf(query) }),
    db.routingRule.count({ where }),
  ]);
  return { rows: rows.map(adminRoutingRule), total };
}

export function adminRoutingRule(row: RoutingRule) {
  return row;
}
