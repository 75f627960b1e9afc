/**
 * The commune of a point, from the communes' boundaries (Commune.boundary, GeoJSON Polygon or
 * MultiPolygon): for a report that carries a location but no commune code.
 *
 * - Only active communes with a boundary take part. A boundary that is not a usable area is left
 *   out (the admin API refuses such boundaries on save; one saved otherwise must not stop every
 *   other commune from being found).
 * - The answer is a commune only when exactly one contains the point. A point on the border of two
 *   communes is in both (domain/geo-index.ts), and guessing would send the report to the wrong
 *   People's Committee: null, as for a point in no commune, and routing goes on without a commune.
 * - The index over all boundaries is built once and cached per database client for `ttlMs`
 *   (60 s by default), as the other configuration is.
 * Seeded communes have no boundary yet, so until an administrator imports them this answers null.
 */
import { createPolygonIndex, findAreaGeometryProblem, type AreaGeometry, type PolygonIndex } from '../domain/geo-index';
import type { Db } from '../platform/db';
import { Prisma } from '../prisma/generated/client';
import { cachedPerDb, type CacheOptions } from './working-calendars';

const loadCommuneIndex = cachedPerDb(async (db): Promise<PolygonIndex<string>> => {
  const rows = await db.commune.findMany({
    where: { active: true, boundary: { not: Prisma.AnyNull } },
    select: { code: true, boundary: true },
    orderBy: { code: 'asc' },
  });
  return createPolygonIndex(
    rows
      .filter((row) => findAreaGeometryProblem(row.boundary) === null)
      .map((row) => ({ value: row.code, geometry: row.boundary as unknown as AreaGeometry, label: row.code })),
  );
});

/** The code of the one active commune whose boundary contains the point, else null. */
export async function findCommuneOfPoint(
  db: Db,
  lat: number,
  lng: number,
  options: CacheOptions = {},
): Promise<string | null> {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  const index = await loadCommuneIndex(db, options);
  const found = index.containing({ lat, lng });
  return found.length === 1 ? found[0]! : null;
}
