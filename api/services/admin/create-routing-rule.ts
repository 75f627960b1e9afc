/**
 * An administrator adds a routing rule. It is checked as the router will read it
 * (domain/routing.ts findRoutingRuleProblem: priority, GeoJSON boundary) and its references
 * (unit, categories, communes) must exist, so a saved rule never silently misroutes.
 */
import type { AreaGeometry } from '../../../domain/geo-index';
import { findRoutingRuleProblem } from '../../../domain/routing';
import type { Db } from '../../../platform/db';
import type { RoutingRule } from '../../../prisma/generated/client';
import { assertAllowed, auditChange, invalid, optionalJson, type AdminActor } from './admin-actor';
import { adminRoutingRule } from './find-routing-rules';

export interface RoutingRuleInput {
  name: string;
  priority?: number;
  categoryCodes?: string[];
  communeCodes?: string[];
  boundary?: unknown;
  keywords?: string[];
  unitId: string;
  active?: boolean;
}

export async function createRoutingRule(db: Db, actor: AdminActor, input: RoutingRuleInput) {
  assertAllowed(actor.ability, 'create', 'RoutingRule');
  await checkRoutingRule(db, {
    id: 'new',
    priority: 0,
    categoryCodes: [],
    communeCodes: [],
    keywords: [],
    active: true,
    boundary: null,
    ...input,
  });
  const { boundary, ...fields } = input;
  const row = await db.routingRule.create({ data: { ...fields, boundary: optionalJson(boundary) } });
  await auditChange(db, actor, {
    action: 'config.create',
    subjectType: 'RoutingRule',
    subjectId: row.id,
    details: { fields: Object.keys(input) },
  });
  return adminRoutingRule(row);
}

/** 422 naming the field when the rule as it would be stored is unusable. */
export async function checkRoutingRule(
  db: Db,
  rule: Omit<RoutingRule, 'createdAt' | 'updatedAt' | 'boundary'> & { boundary?: unknown },
): Promise<void> {
  const problem = findRoutingRuleProblem({ ...rule, boundary: (rule.boundary ?? null) as AreaGeometry | null });
  if (problem?.code === 'invalid_boundary')
    throw invalid('boundary', 'invalid_boundary', { problem: problem.boundary.code });
  if (problem?.code === 'invalid_priority') throw invalid('priority', 'invalid_type');
  if (problem?.code === 'missing_unit') throw invalid('unitId', 'required');
  const [unit, categories, communes] = await Promise.all([
    db.unit.findUnique({ where: { id: rule.unitId }, select: { id: true } }),
    db.category.count({ where: { code: { in: rule.categoryCodes } } }),
    db.commune.count({ where: { code: { in: rule.communeCodes } } }),
  ]);
  if (!unit) throw invalid('unitId', 'unknown_unit');
  if (categories !== new Set(rule.categoryCodes).size) throw invalid('categoryCodes', 'unknown_category');
  if (communes !== new Set(rule.communeCodes).size) throw invalid('communeCodes', 'unknown_commune');
}
