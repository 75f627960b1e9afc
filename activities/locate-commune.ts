/**
 * At receipt, the commune of a report that came with a point but no commune code (the citizen API
 * and Open311 take a point alone; the portal's form preselects the commune itself), stored on the
 * case row. Every consumer of Case.communeCode then sees it: the area officials' urgent alert, the
 * back office's commune filter, the public feed, Open311's commune_code, routing.
 *
 * - Same rule as routing (./find-commune.ts): a commune only when exactly one active boundary
 *   contains the point; on a border, outside every boundary, or before boundaries are imported,
 *   null, and the case stays without a commune.
 * - Writes only a case whose communeCode is still empty, so a retried activity, or a commune
 *   given meanwhile, is never overwritten; the answer is the commune the row holds afterwards.
 */
import type { Db } from '../platform/db';
import { findCommuneOfPoint } from './find-commune';
import type { CacheOptions } from './working-calendars';

export interface LocateCommuneInput {
  caseId: string;
  lat: number;
  lng: number;
}

export async function locateCommune(
  db: Db,
  input: LocateCommuneInput,
  options: CacheOptions = {},
): Promise<string | null> {
  const found = await findCommuneOfPoint(db, input.lat, input.lng, options);
  if (found !== null)
    await db.case.updateMany({ where: { id: input.caseId, communeCode: null }, data: { communeCode: found } });
  const row = await db.case.findUnique({ where: { id: input.caseId }, select: { communeCode: true } });
  return row?.communeCode ?? null;
}
