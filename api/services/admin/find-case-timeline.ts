/**
 * A case's timeline for its page in the back office: every entry the official may read (internal
 * notes included for the case's unit and the IOC), in order, with the acting official's name.
 */
import { accessibleWhere } from '../../../domain/abilities';
import type { Db } from '../../../platform/db';
import { isUuid, type AdminActor } from './admin-actor';
import { readableCase } from './readable-case';

export async function findCaseTimeline(db: Db, actor: AdminActor, caseId: string) {
  await readableCase(db, actor.ability, caseId);
  const allowed = accessibleWhere(actor.ability, 'read', 'CaseTimelineEntry');
  if (!allowed) return [];
  const entries = await db.caseTimelineEntry.findMany({
    where: { AND: [allowed, { caseId }] },
    orderBy: { seq: 'asc' },
  });
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => !!id && isUuid(id)))];
  const officials = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(officials.map((u) => [u.id, u.name]));
  return entries.map((e) => ({
    id: e.id,
    caseId: e.caseId,
    seq: e.seq,
    kind: e.kind,
    visibility: e.visibility,
    status: e.status,
    step: e.step,
    note: e.note,
    actorId: e.actorId,
    /** The official's name; null for the reporter, a partner or the system. */
    actorName: (e.actorId && names.get(e.actorId)) ?? null,
    at: e.at,
  }));
}
