/**
 * An official completes a task: the API checks who may (CASL), what the answer needs (the same
 * schemas the workflow uses) and the references only the database knows (a unit, an official
 * of the unit, the case's proof files); then the workflow has the last word through its
 * `completeTask` Update, whose id is the request's Idempotency-Key, so a retried request is
 * answered with the first result and changes nothing twice.
 */
import { subject } from '@casl/ability';
import type { Client } from '@temporalio/client';
import { checkOutcome, type StepOutcome } from '../../domain/task-outcomes';
import type { HumanStep } from '../../domain/case-steps';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { fieldReportWorkflow } from '../../workflows/field-report';
import { completeTaskUpdate } from '../../workflows/messages';
import { readableTask, type TaskActor } from './claim-task';
import { fillAnswerLetters } from './fill-answer-letters';
import { adminCaseSummary } from './find-admin-cases';
import { adminTask } from './find-admin-tasks';
import { withTemporal } from './temporal-call';

export interface CompleteTaskCommand {
  taskId: string;
  outcome: string;
  data: Record<string, unknown>;
  idempotencyKey?: string;
}

export async function completeTask(deps: { db: Db; temporal: Client }, actor: TaskActor, command: CompleteTaskCommand) {
  const { db, temporal } = deps;
  const task = await readableTask(db, actor.ability, command.taskId);
  // A retry of this official's own completion goes to the workflow, which answers it from the
  // Update's first result; anything else on a closed task is refused here.
  const retry = task.state === 'done' && task.completedById === actor.userId && command.idempotencyKey !== undefined;
  if (task.state !== 'open' && !retry) throw new AppError('TASK_NOT_OPEN');
  if (!retry && !actor.ability.can('complete', subject('Task', task))) throw new AppError('FORBIDDEN');
  const checked = checkOutcome(task.step as HumanStep, command.outcome, command.data);
  if (!checked.ok && checked.problem === 'outcome_not_allowed') throw new AppError('OUTCOME_NOT_ALLOWED');
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', {}, checked.fields);
  await checkReferences(db, task, checked.value);
  const answer = await fillAnswerLetters(db, task.caseId, checked.value);

  const handle = temporal.workflow.getHandle<typeof fieldReportWorkflow>(task.caseId);
  // Namespaced by task: the same key sent for another task is another request.
  const updateId = command.idempotencyKey ? `complete:${task.id}:${command.idempotencyKey}` : undefined;
  await withTemporal(temporal, () =>
    handle.executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskId: task.id,
          outcome: command.outcome,
          data: answer.data as Record<string, unknown>,
          actor: { userId: actor.userId },
        },
      ],
      ...(updateId && { updateId }),
    }),
  );
  // The Update answers once the workflow has projected its next step: the rows are current.
  const [row, nextTasks] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: task.caseId } }),
    db.task.findMany({ where: { caseId: task.caseId, state: 'open' }, orderBy: { seq: 'asc' } }),
  ]);
  return { case: adminCaseSummary(row), nextTasks: nextTasks.map((t) => adminTask(t)) };
}

/** What the workflow cannot know: that the unit, the official, the other case, the files exist. */
async function checkReferences(
  db: Db,
  task: { caseId: string; unitId: string | null },
  answer: StepOutcome,
): Promise<void> {
  switch (answer.outcome) {
    case 'route': {
      const unit = await db.unit.findUnique({ where: { id: answer.data.unitId }, select: { active: true } });
      if (!unit?.active) throw new AppError('VALIDATION_FAILED', {}, { unitId: { code: 'unknown_unit' } });
      return;
    }
    case 'assign': {
      const member = await db.membership.findFirst({
        where: {
          userId: answer.data.assigneeId,
          unitId: task.unitId ?? undefined,
          role: { in: ['officer', 'leader'] },
          user: { active: true },
        },
      });
      if (!member || !task.unitId)
        throw new AppError('VALIDATION_FAILED', {}, { assigneeId: { code: 'not_unit_official' } });
      return;
    }
    case 'duplicate': {
      const other = await db.case.findUnique({ where: { id: answer.data.duplicateOf }, select: { id: true } });
      if (!other || other.id === task.caseId)
        throw new AppError('VALIDATION_FAILED', {}, { duplicateOf: { code: 'unknown_case' } });
      return;
    }
    case 'reply': {
      const found = await db.media.count({
        where: { id: { in: answer.data.attachmentIds }, caseId: task.caseId, purpose: 'proof' },
      });
      if (found !== new Set(answer.data.attachmentIds).size)
        throw new AppError('VALIDATION_FAILED', {}, { attachmentIds: { code: 'unknown_attachment' } });
      return;
    }
    default:
      return;
  }
}
