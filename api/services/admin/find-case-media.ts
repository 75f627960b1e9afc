/**
 * A case's files for its page: the report's photos, answers to requests for information, proof.
 * The name a reporter's file had on their phone can be their own ("Nguyen Van A.jpg"): it is
 * personal data, shown only where the reporter's identity may be (domain/abilities.ts). Proof
 * keeps its name: the unit's officials uploaded and named it.
 */
import { accessibleWhere, mayReadPersonalData } from '../../../domain/abilities';
import type { Db } from '../../../platform/db';
import { mediaUrls } from '../store-media';
import type { AdminActor } from './admin-actor';
import { readableCase } from './readable-case';

export async function findCaseMedia(db: Db, actor: AdminActor, caseId: string) {
  const row = await readableCase(db, actor.ability, caseId);
  const showReporterNames = mayReadPersonalData(actor.ability, row);
  const allowed = accessibleWhere(actor.ability, 'read', 'Media');
  if (!allowed) return [];
  const rows = await db.media.findMany({
    where: { AND: [allowed, { caseId }] },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((m) => ({
    id: m.id,
    caseId: m.caseId,
    purpose: m.purpose,
    kind: m.kind,
    contentType: m.contentType,
    size: m.size,
    width: m.width,
    height: m.height,
    durationMs: m.durationMs,
    ...((showReporterNames || m.purpose === 'proof') && { originalName: m.originalName }),
    uploadedById: m.uploadedById,
    createdAt: m.createdAt,
    ...mediaUrls(m),
  }));
}
