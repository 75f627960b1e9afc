/** The audit log for supervisors and administrators: read-only, newest first. */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { AuditLog, Prisma } from '../../../prisma/generated/client';
import { listPage } from '../../../platform/list-total';
import type { ListQuery } from '../../list-query';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { dateTime, idFilter } from './list-filters';

export const auditLogFilter = z
  .object({
    id: idFilter.optional(),
    actorId: z.string().max(100).optional(),
    actorKind: z.enum(['official', 'citizen', 'partner', 'system']).optional(),
    action: z.union([z.string().max(100), z.array(z.string().max(100))]).optional(),
    subjectType: z.string().max(100).optional(),
    subjectId: z.string().max(100).optional(),
    caseId: z.string().uuid().optional(),
    from: dateTime.optional(),
    to: dateTime.optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || new Date(f.from) <= new Date(f.to), {
    message: 'from_after_to',
    path: ['from'],
  });

export const AUDIT_LOG_SORTABLE = ['at', 'action', 'id'] as const;

const numericIds = (ids: string[]) => ids.filter((id) => /^\d{1,18}$/.test(id)).map((id) => BigInt(id));

export async function findAuditLog(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof auditLogFilter>>) {
  const f = query.filter;
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      readableWhere(actor.ability, 'AuditLog'),
      {
        ...(f.id && { id: { in: numericIds(f.id) } }),
        ...(f.actorId && { actorId: f.actorId }),
        ...(f.actorKind && { actorKind: f.actorKind }),
        ...(f.action && { action: { in: Array.isArray(f.action) ? f.action : [f.action] } }),
        ...(f.subjectType && { subjectType: f.subjectType }),
        ...(f.subjectId && { subjectId: f.subjectId }),
        ...(f.caseId && { caseId: f.caseId }),
        ...((f.from || f.to) && {
          at: { ...(f.from && { gte: new Date(f.from) }), ...(f.to && { lte: new Date(f.to) }) },
        }),
      },
    ],
  };
  const page = pageOf(query);
  const orderBy = [...page.orderBy.slice(0, 1), { id: query.sort.order }];
  const { rows, total, estimated } = await listPage(
    db,
    page,
    db.auditLog.findMany({ where, ...page, orderBy }),
    (client, take) => client.auditLog.count({ where, orderBy, take }),
  );
  return { rows: rows.map(adminAuditEntry), total, totalEstimated: estimated };
}

/** The id is a bigint in the database; JSON carries it as a string, as every id. */
export function adminAuditEntry(row: AuditLog) {
  return { ...row, id: row.id.toString() };
}
