import type { Db } from '../../../platform/db';
import { notFound, readableWhere, type AdminActor } from './admin-actor';
import { adminAuditEntry } from './find-audit-log';

export async function getAuditEntry(db: Db, actor: AdminActor, id: string) {
  const allowed = readableWhere(actor.ability, 'AuditLog');
  const row = /^\d{1,18}$/.test(id)
    ? await db.auditLog.findFirst({ where: { AND: [allowed, { id: BigInt(id) }] } })
    : null;
  if (!row) throw notFound(id);
  return adminAuditEntry(row);
}
