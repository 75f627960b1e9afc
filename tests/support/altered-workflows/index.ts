/**
 * The case workflow with a change that is NOT safe for running cases: it reads the case settings
 * before storing the report, so its first command is no longer the one every recorded history
 * starts with. tests/workflow-replay.test.ts replays a history against it to show that replay
 * catches such a change (done right, the new call would sit behind `patched()`).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import { fieldReportWorkflow as currentWorkflow } from '../../../workflows/field-report';
import type { FieldReportInput } from '../../../workflows/messages';

const { caseSettings } = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

export async function fieldReportWorkflow(input: FieldReportInput) {
  await caseSettings();
  return currentWorkflow(input);
}
