/**
 * The case workflow: one run per report (workflow id = case id). It owns the case (docs/design.md,
 * principle 1): the status and step change only here; its activities project each change to
 * PostgreSQL. The regulation's steps, in order (docs/design.md, "The case, step by step"):
 * receive → verify (↔ information from the reporter) → route → accept (return → route) → assign →
 * process (↔ extension) → approve (send back → process) → respond → rate (→ review → reopen) → close.
 * Each human step is a task with a deadline from its SLA policy, watched in working time.
 * The case itself, one method per step, is `FieldReportCase` (field-report-case.ts).
 */
import { FieldReportCase } from './field-report-case';
import type { CaseState, FieldReportInput } from './messages';

// Not `async`: the run's promise is the workflow's own, so its completion resolves exactly when
// the case's last step does (no extra turn of the event loop between them).
export function fieldReportWorkflow(input: FieldReportInput): Promise<CaseState> {
  const fieldCase = new FieldReportCase(input);
  fieldCase.registerHandlers();
  return fieldCase.run();
}
