/**
 * "Test a location": where a report of this category at this point would be routed now, and why,
 * by the very code the workflow runs (activities/decide-routing.ts), read fresh (no cache) so an
 * administrator sees the effect of the rule they just saved.
 */
import { decideRouting, type DecideRoutingInput } from '../../../activities/decide-routing';
import type { Db } from '../../../platform/db';
import { assertAllowed, invalid, type AdminActor } from './admin-actor';

export async function previewRouting(db: Db, actor: AdminActor, input: DecideRoutingInput) {
  assertAllowed(actor.ability, 'read', 'RoutingRule');
  const category = await db.category.findUnique({ where: { code: input.categoryCode }, select: { code: true } });
  if (!category) throw invalid('categoryCode', 'unknown_category');
  if (input.communeCode) {
    const commune = await db.commune.findUnique({ where: { code: input.communeCode }, select: { code: true } });
    if (!commune) throw invalid('communeCode', 'unknown_commune');
  }
  return decideRouting({ db, ttlMs: 0 }, input);
}
