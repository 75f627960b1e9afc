/**
 * The Updates' validators: they run before an Update is accepted into the history, must not
 * change state, and refuse with an ApplicationFailure whose type the API maps to 409 or 422.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { CaseStatus } from '../domain/case-steps';
import { checkOutcome } from '../domain/task-outcomes';
import {
  UPDATE_REFUSALS,
  type CaseState,
  type CompleteTaskInput,
  type FieldProblems,
  type RateInput,
  type SupplyInfoInput,
  type UpdateRefusal,
} from './messages';

/** The reporter may withdraw until processing starts. */
export const WITHDRAWABLE: readonly CaseStatus[] = [
  'received',
  'verifying',
  'info_requested',
  'routing',
  'awaiting_acceptance',
];

export function refuse(type: UpdateRefusal, message: string, fields?: FieldProblems): never {
  throw ApplicationFailure.create({
    type: UPDATE_REFUSALS[type],
    message,
    nonRetryable: true,
    details: fields ? [fields] : [],
  });
}

export function checkCompletion(state: CaseState, busy: boolean, input: CompleteTaskInput): void {
  const task = state.openTask;
  if (!task || task.id !== input.taskId || busy) refuse('TASK_NOT_OPEN', `task ${input.taskId} is not open`);
  if (!input.actor?.userId) refuse('INVALID_DATA', 'the actor is missing', { actor: { code: 'required' } });
  const checked = checkOutcome(task.step, input.outcome, input.data ?? {});
  if (!checked.ok && checked.problem === 'outcome_not_allowed') {
    refuse(
      'OUTCOME_NOT_ALLOWED',
      `outcome ${input.outcome} is not allowed at ${task.step} (allowed: ${checked.allowed.join(', ')})`,
    );
  }
  if (!checked.ok) refuse('INVALID_DATA', `the ${input.outcome} outcome lacks data`, checked.fields);
  const { value } = checked;
  if (value.outcome === 'duplicate' && value.data.duplicateOf === state.caseId) {
    refuse('INVALID_DATA', 'a case cannot duplicate itself', { duplicateOf: { code: 'invalid_format' } });
  }
}

export function checkSupplyInfo(state: CaseState, busy: boolean, input: SupplyInfoInput): void {
  if (state.status !== 'info_requested' || busy)
    refuse('NOT_ALLOWED_NOW', 'no information is awaited from the reporter');
  const answer = typeof input?.answer === 'string' ? input.answer.trim() : '';
  if (!answer) refuse('INVALID_DATA', 'the answer is empty', { answer: { code: 'required' } });
  if (answer.length > 4_000)
    refuse('INVALID_DATA', 'the answer is too long', { answer: { code: 'too_long', params: { maximum: 4_000 } } });
}

export function checkRating(state: CaseState, busy: boolean, input: RateInput): void {
  if (state.step !== 'rate' || busy) refuse('NOT_ALLOWED_NOW', 'the case is not awaiting a rating');
  if (!Number.isInteger(input?.score) || input.score < 1 || input.score > 5) {
    refuse('INVALID_DATA', 'the score must be 1 to 5', {
      score: { code: 'invalid_choice', params: { options: '1, 2, 3, 4, 5' } },
    });
  }
  if (input.comment !== undefined && (typeof input.comment !== 'string' || input.comment.length > 2_000)) {
    refuse('INVALID_DATA', 'the comment is too long', { comment: { code: 'too_long', params: { maximum: 2_000 } } });
  }
}

export function checkWithdrawal(state: CaseState, busy: boolean): void {
  if (!WITHDRAWABLE.includes(state.status) || busy)
    refuse('NOT_ALLOWED_NOW', `a case cannot be withdrawn once processing has started (status ${state.status})`);
}
