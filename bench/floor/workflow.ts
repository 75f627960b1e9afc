/**
 * The least a durable case can do, for the submissions benchmark's floor: started with its receipt
 * Update in one request (as the API starts a case), it answers the Update after one local activity
 * (the write of the report, here an empty one) and then sleeps on a timer (the deadline watch).
 * Nothing of the platform runs: what this costs is Temporal's and the SDK's share of a submission.
 */
import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { FieldReportInput } from '../../workflows/messages';
import type { FloorActivities } from './activities';

export const floorReceipt = defineUpdate<{ id: string }>('receipt');

const { receive } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

/** `input` is a case's own (the report and its receipt's details), so that the payloads weigh the same. */
export async function floorWorkflow(input: FieldReportInput): Promise<void> {
  const received: { receipt?: { id: string } } = {};
  setHandler(floorReceipt, async () => {
    await condition(() => received.receipt !== undefined);
    return received.receipt!;
  });
  received.receipt = { id: await receive(input.caseId) };
  await condition(() => false, '2 days');
}
