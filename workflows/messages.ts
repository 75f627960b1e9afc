/**
 * The case workflow's messages, shared by the workflow, the API, the worker and tests.
 * Updates carry validators in the workflow; their failures are ApplicationFailures whose `type`
 * is one of UPDATE_REFUSALS, which the API maps to 409 or 422.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseLevel, CaseStatus, CaseStep, HumanStep } from '../domain/case-steps';
import type { FieldProblems } from '../domain/field-problems';
import type { ReportCommand } from '../domain/report-command';

export interface FieldReportInput {
  caseId: string;
  report: ReportCommand;
  /** SHA-256 of the request, to refuse an Idempotency-Key reused with another body. */
  fingerprint: string;
  channel: string;
  receivedAt: string;
  /** The IOC official who recorded the report on a citizen's behalf (a call, a walk-in, a letter). */
  recordedBy?: string;
  /** Files sent with the report, already checked and stored (api/services/store-media.ts). */
  media?: MediaInput[];
  /** The signed-in citizen's account the report belongs to from its creation (Case.citizenId). */
  citizenId?: string;
}

/** A stored file the case's first activity records with the case (Media rows, purpose report). */
export interface MediaInput {
  id: string;
  kind: 'photo' | 'video' | 'document';
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  thumbnailKey: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  originalName: string | null;
}

export interface Receipt {
  id: string;
  trackingCode: string;
  status: CaseStatus;
  fingerprint: string;
}

export type TaskRole = 'officer' | 'leader' | 'operator' | 'supervisor';

/** The human task the case waits on. */
export interface OpenTask {
  id: string;
  step: HumanStep;
  role: TaskRole;
  /** The unit whose staff may act; null for the IOC's roles. */
  unitId: string | null;
  assigneeId: string | null;
  allowedOutcomes: string[];
  due: string | null;
  urgent: boolean;
}

/** The case as its workflow sees it (Query `state`, and the answer of every Update). */
export interface CaseState {
  caseId: string;
  trackingCode?: string;
  status: CaseStatus;
  step: CaseStep;
  level: CaseLevel;
  categoryCode: string;
  communeCode: string | null;
  unitId: string | null;
  assigneeId: string | null;
  /** Deadline of the current step. */
  deadline: string | null;
  /** The unit's deadline for the result (Hạn xử lý), from the process step. */
  resolutionDeadline: string | null;
  overdue: boolean;
  escalationLevel: number;
  openTask: OpenTask | null;
  /** Units that returned the case as outside their competence. */
  excludedUnitIds: string[];
  /** The question put to the reporter and when the answer is due, while one is awaited. */
  infoRequest: { question: string; due: string } | null;
  /** Until when the reporter may rate the published result. */
  ratingDue: string | null;
  reopenCount: number;
  /** Counts every change; an Update's answer reflects the state after its own change. */
  version: number;
}

export interface Actor {
  userId: string;
}

export interface CompleteTaskInput {
  taskId: string;
  outcome: string;
  data?: Record<string, unknown>;
  actor: Actor;
}

export interface SupplyInfoInput {
  answer: string;
  mediaIds?: string[];
}

export interface RateInput {
  score: number;
  comment?: string;
}

export interface WithdrawInput {
  reason?: string;
}

/** Why an Update was refused (ApplicationFailure type). */
/**
 * The type of an activity's failure on data the database can never hold (activities/invalid-data.ts):
 * never retried, it fails the run.
 */
export const INVALID_CASE_DATA = 'InvalidCaseData';

export const UPDATE_REFUSALS = {
  /** The task id is not the open task (already done, or never existed): 409. */
  TASK_NOT_OPEN: 'TASK_NOT_OPEN',
  /** The outcome is not one of the step's: 409. */
  OUTCOME_NOT_ALLOWED: 'OUTCOME_NOT_ALLOWED',
  /** The answer lacks data it needs; details[0] holds FieldProblems: 422. */
  INVALID_DATA: 'INVALID_DATA',
  /** The case's step does not allow this now (rate before the reply, withdraw after processing started): 409. */
  NOT_ALLOWED_NOW: 'NOT_ALLOWED_NOW',
} as const;
export type UpdateRefusal = keyof typeof UPDATE_REFUSALS;
export type { FieldProblems };

/** Completes once the report is stored; the API answers the citizen with it. */
export const receiptUpdate = defineUpdate<Receipt>('receipt');
/** An official's answer to the open task; returns the case once the workflow has moved on. */
export const completeTaskUpdate = defineUpdate<CaseState, [CompleteTaskInput]>('completeTask');
/** The reporter answers a request for information. */
export const supplyInfoUpdate = defineUpdate<CaseState, [SupplyInfoInput]>('supplyInfo');
/** The reporter rates the published result (1-5). */
export const rateUpdate = defineUpdate<CaseState, [RateInput]>('rate');
/** The reporter withdraws the report, allowed until processing starts. */
export const withdrawUpdate = defineUpdate<CaseState, [WithdrawInput]>('withdraw');
export const stateQuery = defineQuery<CaseState>('state');
