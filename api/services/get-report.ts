/**
 * The public view of a case by its tracking code: what anyone holding the code may see, never
 * the reporter's identity.
 */
import { normaliseTrackingCode } from '../../domain/tracking-code';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';

export async function getReport(db: Db, trackingCode: string) {
  const row = await db.case.findUnique({
    where: { trackingCode: normaliseTrackingCode(trackingCode) },
    include: { timeline: { where: { visibility: 'public' }, orderBy: { seq: 'asc' } } },
  });
  if (!row) throw new AppError('NOT_FOUND', { what: trackingCode });
  return {
    trackingCode: row.trackingCode,
    status: row.status,
    step: row.step,
    category: row.categoryCode,
    unit: row.unitId,
    deadline: row.deadline?.toISOString() ?? null,
    createdAt: row.receivedAt.toISOString(),
    timeline: row.timeline.map((entry) => ({
      kind: entry.kind,
      status: entry.status,
      step: entry.step,
      at: entry.at.toISOString(),
    })),
  };
}
