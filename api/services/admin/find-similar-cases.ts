/**
 * Nearby cases of the same category, for marking a report as a duplicate: open ones, or closed
 * within `days`, within `radiusMeters` of the case's point, nearest first. Only cases the
 * official may read, and without personal data (as every list). A bounding box narrows the rows in
 * the database; the great-circle distance (haversine) decides.
 */
import { accessibleWhere } from '../../../domain/abilities';
import { FINAL_STATUSES } from '../../../domain/case-steps';
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

const EARTH_RADIUS_M = 6_371_008.8;
const METERS_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

export async function findSimilarCases(db: Db, actor: AdminActor, caseId: string, query: SimilarQuery) {
  const origin = await readableCase(db, actor.ability, caseId);
  const allowed = accessibleWhere(actor.ability, 'read', 'Case');
  if (!allowed || origin.lat === null || origin.lng === null) return [];
  const { lat, lng } = origin;
  const dLat = query.radiusMeters / METERS_PER_DEGREE;
  const dLng = query.radiusMeters / (METERS_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  const since = new Date(Date.now() - query.days * 86_400_000);
  const rows = await db.case.findMany({
    where: {
      AND: [
        allowed,
        {
          id: { not: caseId },
          categoryCode: origin.categoryCode,
          lat: { gte: lat - dLat, lte: lat + dLat },
          lng: { gte: lng - dLng, lte: lng + dLng },
          OR: [{ status: { notIn: [...FINAL_STATUSES] } }, { createdAt: { gte: since } }],
        },
      ],
    },
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
  return rows
    .map((row) => ({ ...adminCaseSummary(row), distanceMeters: Math.round(haversine(lat, lng, row.lat!, row.lng!)) }))
    .filter((row) => row.distanceMeters <= query.radiusMeters)
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
    .slice(0, query.limit);
}

function haversine(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}
