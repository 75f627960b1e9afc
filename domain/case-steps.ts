/**
 * The case's steps and statuses, as named in docs/api-contract.md. Step ids equal the BPMN element
 * ids of bpmn/field-report.bpmn, so the diagram, the workflow and the SLA policies line up by
 * construction.
 */

export const CASE_STEPS = [
  'receive',
  'verify',
  'route',
  'accept',
  'assign',
  'process',
  'extension',
  'approve',
  'respond',
  'rate',
  'review',
  'close',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** Steps where a person acts; each has a task, a deadline and an SLA policy. */
export const HUMAN_STEPS = [
  'verify',
  'route',
  'accept',
  'assign',
  'process',
  'extension',
  'approve',
  'review',
] as const;
export type HumanStep = (typeof HUMAN_STEPS)[number];

export const CASE_STATUSES = [
  'received',
  'verifying',
  'info_requested',
  'routing',
  'awaiting_acceptance',
  'processing',
  'awaiting_approval',
  'responded',
  'closed',
  'rejected',
  'duplicate',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses after which nothing more happens to a case. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'rejected', 'duplicate', 'withdrawn'];

export const CASE_LEVELS = ['normal', 'urgent', 'complex'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

export function isCaseStep(value: string): value is CaseStep {
  return (CASE_STEPS as readonly string[]).includes(value);
}

export function isFinalStatus(status: CaseStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
