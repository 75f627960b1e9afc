/**
 * Where the case would be routed now, and why (activities/decide-routing.ts, rules read fresh),
 * leaving out the units that returned it as outside their competence: those are read from the
 * case's accept tasks completed with the outcome `return`, as the workflow records them.
 */
import { decideRouting } from '../../../activities/decide-routing';
import type { Db } from '../../../platform/db';
import type { AdminActor } from './admin-actor';
import { readableCase } from './readable-case';

export async function getRoutingSuggestion(db: Db, actor: AdminActor, caseId: string) {
  const row = await readableCase(db, actor.ability, caseId);
  const returns = await db.task.findMany({
    where: { caseId, step: 'accept', outcome: 'return', unitId: { not: null } },
    select: { unitId: true },
  });
  const excludedUnitIds = [...new Set(returns.map((t) => t.unitId!))];
  const decision = await decideRouting(
    { db, ttlMs: 0 },
    {
      categoryCode: row.categoryCode,
      communeCode: row.communeCode,
      lat: row.lat,
      lng: row.lng,
      description: row.description,
      excludeUnitIds: excludedUnitIds,
    },
  );
  return { caseId, excludedUnitIds, decision };
}
