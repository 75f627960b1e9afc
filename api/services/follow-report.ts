/**
 * "Me too" (POST /api/v1/reports/{code}/me-too): a citizen who sees the same problem follows an
 * open report instead of sending a second one, and the case counts them. One per device: the
 * portal sends a random key it keeps on the device, stored only as an HMAC, so a retry or a
 * second tap counts once and nobody can learn the key from the database. Only reports the public
 * may see as open (screened, not final) can be followed; anything else is 404 (not found) or 409
 * (already closed).
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { isFinalStatus } from '../../domain/case-steps';
import { SCREENED_KIND } from '../../domain/public-disclosure';
import { normaliseTrackingCode } from '../../domain/tracking-code';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';

export const meTooSchema = z
  .object({
    /** The device's own random key (the portal keeps one per device). */
    follower: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{16,128}$/),
  })
  .strict();

export type MeToo = z.infer<typeof meTooSchema>;

export async function followReport(db: Db, secret: string, trackingCode: string, meToo: MeToo) {
  const row = await db.case.findUnique({
    where: { trackingCode: normaliseTrackingCode(trackingCode) },
    select: { id: true, trackingCode: true, status: true, timeline: { where: { kind: SCREENED_KIND }, take: 1 } },
  });
  if (!row || row.timeline.length === 0) throw new AppError('NOT_FOUND', { what: trackingCode });
  if (isFinalStatus(row.status)) throw new AppError('WRONG_STATE');
  const follower = createHmac('sha256', secret).update(`me-too:${meToo.follower}`).digest('hex');
  const created = await db.caseMeToo.createMany({ data: [{ caseId: row.id, follower }], skipDuplicates: true });
  const meTooCount = await db.caseMeToo.count({ where: { caseId: row.id } });
  return { trackingCode: row.trackingCode, meTooCount, counted: created.count === 1 };
}
