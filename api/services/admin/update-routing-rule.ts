/** An administrator edits a routing rule; it takes effect at the next routing decision. */
import type { Db } from '../../../platform/db';
import {
  assertAllowed,
  assertReadable,
  auditChange,
  changedFields,
  checked,
  isUuid,
  optionalJson,
  type AdminActor,
} from './admin-actor';
import { checkRoutingRule, type RoutingRuleInput } from './create-routing-rule';
import { adminRoutingRule } from './find-routing-rules';

export async function updateRoutingRule(db: Db, actor: AdminActor, id: string, input: Partial<RoutingRuleInput>) {
  const row = isUuid(id) ? await db.routingRule.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'RoutingRule', row, id);
  assertAllowed(actor.ability, 'update', checked('RoutingRule', before));
  const fields = changedFields(before, input);
  if (fields.length === 0) return adminRoutingRule(before);
  const { boundary, ...patch } = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<RoutingRuleInput>;
  await checkRoutingRule(db, { ...before, ...patch, boundary: boundary === undefined ? before.boundary : boundary });
  const updated = await db.routingRule.update({
    where: { id },
    data: { ...patch, ...(boundary !== undefined && { boundary: optionalJson(boundary) }) },
  });
  await auditChange(db, actor, {
    action: 'config.update',
    subjectType: 'RoutingRule',
    subjectId: id,
    details: { fields },
  });
  return adminRoutingRule(updated);
}
