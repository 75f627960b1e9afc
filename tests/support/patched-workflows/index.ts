/**
 * The same change as ../altered-workflows, made safely (the worked example of workflows/README.md):
 * behind `patched()`, a case that started before it replays the old path, a new case takes the new.
 */
import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import { fieldReportWorkflow as currentWorkflow } from '../../../workflows/field-report';
import type { FieldReportInput } from '../../../workflows/messages';

const { caseSettings } = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

export async function fieldReportWorkflow(input: FieldReportInput) {
  if (patched('settings-before-report')) await caseSettings();
  return currentWorkflow(input);
}
