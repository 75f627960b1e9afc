/**
 * The officials' tasks (docs/api-contract.md): filtered in the database by the ability, urgent and
 * overdue first by default, so the inbox shows what matters before what can wait.
 */
import { z } from 'zod';
import { uuidIds } from './admin/list-filters';
import { accessibleWhere, type AppAbility } from '../../domain/abilities';
import { CASE_STEPS } from '../../domain/case-steps';
import type { Db } from '../../platform/db';
import type { Prisma, Task } from '../../prisma/generated/client';
import { listPage } from '../../platform/list-total';
import type { ListQuery } from '../list-query';

export const adminTaskFilter = z
  .object({
    id: z.union([z.string(), z.array(z.string())]).optional(),
    caseId: z.string().uuid().optional(),
    state: z.enum(['open', 'done', 'cancelled']).optional(),
    unitId: z.string().uuid().optional(),
    assigneeId: z.union([z.string().uuid(), z.null()]).optional(),
    step: z.enum(CASE_STEPS).optional(),
    urgent: z.boolean().optional(),
    overdue: z.boolean().optional(),
  })
  .strict();

export const ADMIN_TASK_SORTABLE = ['due', 'createdAt', 'step', 'state', 'urgent'] as const;

export async function findAdminTasks(db: Db, ability: AppAbility, query: ListQuery<z.infer<typeof adminTaskFilter>>) {
  const allowed = accessibleWhere(ability, 'read', 'Task');
  if (!allowed) return { rows: [], total: 0, totalEstimated: false };
  const f = query.filter;
  const now = new Date();
  const where: Prisma.TaskWhereInput = {
    AND: [
      allowed,
      {
        ...(f.id !== undefined && { id: uuidIds(Array.isArray(f.id) ? f.id : [f.id]) }),
        ...(f.caseId && { caseId: f.caseId }),
        ...(f.state && { state: f.state }),
        ...(f.unitId && { unitId: f.unitId }),
        ...(f.assigneeId !== undefined && { assigneeId: f.assigneeId }),
        ...(f.step && { step: f.step }),
        ...(f.urgent !== undefined && { urgent: f.urgent }),
        ...(f.overdue === true && { state: 'open', due: { lt: now } }),
        ...(f.overdue === false && { OR: [{ due: null }, { due: { gte: now } }] }),
      },
    ],
  };
  // Urgent first, then the earliest deadline: the operators' queue of the regulation.
  // `nulls` is valid on nullable columns only (due); Prisma refuses it on createdAt & co.
  const orderBy: Prisma.TaskOrderByWithRelationInput[] = [
    { urgent: 'desc' },
    query.sort.field === 'due'
      ? { due: { sort: query.sort.order, nulls: 'last' } }
      : { [query.sort.field]: query.sort.order },
    { id: 'asc' },
  ];
  const { rows, total, estimated } = await listPage(
    db,
    query,
    db.task.findMany({ where, orderBy, skip: query.skip, take: query.take }),
    (client, take) => client.task.count({ where, orderBy, take }),
  );
  return { rows: rows.map((t) => adminTask(t, now)), total, totalEstimated: estimated };
}

export function adminTask(task: Task, now = new Date()) {
  return {
    id: task.id,
    caseId: task.caseId,
    step: task.step,
    state: task.state,
    role: task.role,
    unitId: task.unitId,
    assigneeId: task.assigneeId,
    due: task.due?.toISOString() ?? null,
    overdue: task.state === 'open' && task.due !== null && task.due < now,
    urgent: task.urgent,
    allowedOutcomes: task.allowedOutcomes,
    outcome: task.outcome,
    claimedAt: task.claimedAt?.toISOString() ?? null,
    completedAt: task.completedAt?.toISOString() ?? null,
    completedById: task.completedById,
    createdAt: task.createdAt.toISOString(),
  };
}
