/** A case's files for its page: the report's photos, answers to requests for information, proof. */
import { accessibleWhere } from '../../../domain/abilities';
import type { Db } from '../../../platform/db';
import { mediaUrls } from '../store-media';
import type { AdminActor } from './admin-actor';
import { readableCase } from './readable-case';

export async function findCaseMedia(db: Db, actor: AdminActor, caseId: string) {
  await readableCase(db, actor.ability, caseId);
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
    originalName: m.originalName,
    uploadedById: m.uploadedById,
    createdAt: m.createdAt,
    ...mediaUrls(m),
  }));
}
