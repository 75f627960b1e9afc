/**
 * The case workflow: one run per report (workflow id = case id). It owns the case: the status
 * and step change only here, and its activities project each change to PostgreSQL.
 *
 * This first version covers the regulation's step 1 (receive) and hands the case to
 * verification; the human steps that follow are built on the same state and projection.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { receiptUpdate, stateQuery, type CaseState, type FieldReportInput, type Receipt } from './messages';
import { CASE_STATUS, CASE_STEP } from './search-attributes';

const { recordReport, recordTransition } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // A database outage is waited out: the report is never lost, only delayed.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function fieldReportWorkflow(input: FieldReportInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'received', step: 'receive' };
  let receipt: Receipt | undefined = undefined; // set once the report is stored
  let seq = 0;

  setHandler(stateQuery, () => state);
  setHandler(receiptUpdate, async () => {
    // What is stored when the citizen is answered: the case as received.
    await condition(() => receipt !== undefined);
    return receipt!;
  });

  // receive: the report is stored and the citizen gets a tracking code at once.
  receipt = await recordReport(input);
  state.trackingCode = receipt.trackingCode;

  // verify: the operations centre screens the report.
  seq += 1;
  state.status = 'verifying';
  state.step = 'verify';
  await recordTransition({
    caseId: input.caseId, seq, kind: 'verification_started', visibility: 'public',
    status: state.status, step: state.step, at: new Date().toISOString(),
  });
  upsertSearchAttributes([
    { key: CASE_STATUS, value: state.status },
    { key: CASE_STEP, value: state.step },
  ]);

  await condition(() => state.status !== 'verifying');
  await condition(allHandlersFinished);
}
