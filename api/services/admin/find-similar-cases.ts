/**
 * Nearby cases of the same category, for marking a report as a duplicate: open ones, or closed
 * within `days`, within `radiusMeters` of the case's point, nearest first. Only cases the
 * official may read, and without personal data (as every list). A bounding box narrows the rows in
 * the database; the great-circle distance (haversine) decides.
 */
import { accessibleWhere } from '../../../domain/abilities';
import { FINAL_STATUSES } from '../../../domain/case-steps';
import { boxAround, metresBetween } from '../../../domain/geo-distance';
import type { Db } from '../../../platform/db';
import { adminCaseSummary } from '../find-admin-cases';
import type { AdminActor } from './admin-actor';
import { readableCase } from './readable-case';

export interface SimilarQuery {
  radiusMeters: number;
  /** How far back a closed case still counts. */
  days: number;
  limit: number;
}

export async function findSimilarCases(db: Db, actor: AdminActor, caseId: string, query: SimilarQuery) {
  const origin = await readableCase(db, actor.ability, caseId);
  const allowed = accessibleWhere(actor.ability, 'read', 'Case');
  if (!allowed || origin.lat === null || origin.lng === null) return [];
  const { lat, lng } = origin;
  const since = new Date(Date.now() - query.days * 86_400_000);
  const rows = await db.case.findMany({
    where: {
      AND: [
        allowed,
        {
          id: { not: caseId },
          categoryCode: origin.categoryCode,
          ...boxAround({ lat, lng }, query.radiusMeters),
          OR: [{ status: { notIn: [...FINAL_STATUSES] } }, { createdAt: { gte: since } }],
        },
      ],
    },
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
  return rows
    .map((row) => ({
      ...adminCaseSummary(row),
      distanceMeters: Math.round(metresBetween({ lat, lng }, { lat: row.lat!, lng: row.lng! })),
    }))
    .filter((row) => row.distanceMeters <= query.radiusMeters)
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
    .slice(0, query.limit);
}
