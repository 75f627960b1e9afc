/**
 * Duplicate hints while reporting (GET /api/v1/reports/nearby): the open reports of the same
 * category within a short distance of the point the citizen chose, nearest first, so they can
 * follow one ("me too") instead of sending it again. Public data only, under the same rule as
 * every public surface (domain/public-disclosure.ts): a report counts once the IOC has screened
 * it (its place and description are public from then on); its photo's thumbnail only where the
 * public may fetch it (published); never the reporter.
 */
import { z } from 'zod';
import { FINAL_STATUSES } from '../../domain/case-steps';
import { boxAround, metresBetween } from '../../domain/geo-distance';
import { SCREENED_KIND } from '../../domain/public-disclosure';
import type { Db } from '../../platform/db';
import type { Language } from '../i18n/language';
import { statusLabel } from '../i18n/status-labels';
import { mediaView, visibleMedia } from './get-report';

/** Far enough for "the same pothole" typed or clicked a few metres off; near enough not to mislead. */
export const NEARBY_RADIUS_M = 150;
const NEARBY_LIMIT = 5;

export const nearbyQuery = z
  .object({
    lat: z.coerce.number().min(-90).max(90),
    lng: z.coerce.number().min(-180).max(180),
    category: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,64}$/),
  })
  .strict();

export type NearbyQuery = z.infer<typeof nearbyQuery>;

export async function findNearbyReports(db: Db, query: NearbyQuery, language: Language) {
  const point = { lat: query.lat, lng: query.lng };
  const rows = await db.case.findMany({
    where: {
      categoryCode: query.category,
      status: { notIn: [...FINAL_STATUSES] },
      duplicateOfId: null,
      ...boxAround(point, NEARBY_RADIUS_M),
      timeline: { some: { kind: SCREENED_KIND } },
    },
    select: {
      trackingCode: true,
      status: true,
      description: true,
      address: true,
      lat: true,
      lng: true,
      receivedAt: true,
      publishedAt: true,
      media: {
        where: { purpose: 'report', kind: 'photo' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, purpose: true, kind: true, contentType: true, thumbnailKey: true, createdAt: true },
      },
      _count: { select: { meToos: true } },
    },
    orderBy: { receivedAt: 'desc' },
    take: 200,
  });
  return rows
    .map((row) => ({ row, distance: Math.round(metresBetween(point, { lat: row.lat!, lng: row.lng! })) }))
    .filter(({ distance }) => distance <= NEARBY_RADIUS_M)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, NEARBY_LIMIT)
    .map(({ row, distance }) => {
      const photo = visibleMedia(row.media, row.publishedAt ?? undefined, false)[0];
      return {
        trackingCode: row.trackingCode,
        status: row.status,
        statusLabel: statusLabel(row.status, language),
        distanceMeters: distance,
        description: row.description.length > 200 ? `${row.description.slice(0, 199)}…` : row.description,
        address: row.address,
        receivedAt: row.receivedAt.toISOString(),
        thumbnailUrl: photo ? (mediaView(photo).thumbnailUrl ?? mediaView(photo).url) : null,
        meTooCount: row._count.meToos,
      };
    });
}
