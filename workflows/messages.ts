/**
 * The case workflow's messages, shared by the workflow, the API, the worker and tests.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseStatus, CaseStep } from '../domain/case-steps';
import type { ReportCommand } from '../domain/report-command';

export interface FieldReportInput {
  caseId: string;
  report: ReportCommand;
  /** SHA-256 of the request, to refuse an Idempotency-Key reused with another body. */
  fingerprint: string;
  channel: string;
  receivedAt: string;
}

export interface Receipt {
  id: string;
  trackingCode: string;
  status: CaseStatus;
  fingerprint: string;
}

export interface CaseState {
  caseId: string;
  trackingCode?: string;
  status: CaseStatus;
  step: CaseStep;
}

/** Completes once the report is stored; the API answers the citizen with it. */
export const receiptUpdate = defineUpdate<Receipt>('receipt');
export const stateQuery = defineQuery<CaseState>('state');
