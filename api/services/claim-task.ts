/**
 * An official takes an open task of their unit ("claim"), or gives it back ("unclaim"). A claim
 * is a conditional update, so two officials clicking at once cannot both get the task.
 * Claiming changes who works on the step, not the case's process state, so it is written here
 * and not by the workflow; the workflow's Update validator still decides whether the outcome fits.
 */
import { subject } from '@casl/ability';
import type { AppAbility } from '../../domain/abilities';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import { adminTask } from './find-admin-tasks';
import { recordAudit } from './record-audit';

export interface TaskActor {
  ability: AppAbility;
  userId: string;
  ip?: string;
}

export async function readableTask(db: Db, ability: AppAbility, id: string) {
  const task = /^[0-9a-f-]{36}$/i.test(id) ? await db.task.findUnique({ where: { id } }) : null;
  if (!task || !ability.can('read', subject('Task', task))) throw new AppError('NOT_FOUND', { what: id });
  return task;
}

export async function claimTask(db: Db, actor: TaskActor, id: string) {
  const task = await readableTask(db, actor.ability, id);
  if (task.state !== 'open') throw new AppError('TASK_NOT_OPEN');
  if (task.assigneeId === actor.userId) return adminTask(task);
  if (task.assigneeId) throw new AppError('TASK_TAKEN');
  if (!actor.ability.can('claim', subject('Task', task))) throw new AppError('FORBIDDEN');
  const now = new Date();
  const { count } = await db.task.updateMany({
    where: { id, state: 'open', assigneeId: null },
    data: { assigneeId: actor.userId, claimedAt: now },
  });
  if (count === 0) throw new AppError('TASK_TAKEN'); // someone was faster
  await recordAudit(db, {
    actorKind: 'official',
    actorId: actor.userId,
    action: 'task_claimed',
    subjectType: 'Task',
    subjectId: id,
    caseId: task.caseId,
    ip: actor.ip ?? null,
  });
  return adminTask(await db.task.findUniqueOrThrow({ where: { id } }));
}

export async function unclaimTask(db: Db, actor: TaskActor, id: string) {
  const task = await readableTask(db, actor.ability, id);
  if (task.state !== 'open') throw new AppError('TASK_NOT_OPEN');
  if (!task.assigneeId) return adminTask(task);
  if (!actor.ability.can('unclaim', subject('Task', task))) throw new AppError('FORBIDDEN');
  await db.task.updateMany({
    where: { id, state: 'open', assigneeId: task.assigneeId },
    data: { assigneeId: null, claimedAt: null },
  });
  await recordAudit(db, {
    actorKind: 'official',
    actorId: actor.userId,
    action: 'task_unclaimed',
    subjectType: 'Task',
    subjectId: id,
    caseId: task.caseId,
    ip: actor.ip ?? null,
  });
  return adminTask(await db.task.findUniqueOrThrow({ where: { id } }));
}
