/**
 * The monthly schedule's workflow (platform/monthly-report-schedule.ts starts it on the 1st of
 * each month, Hà Tĩnh time): every unit's report of the month before, or of the month given.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { generateMonthlyReports } = proxyActivities<Activities>({
  // Every unit's workbook: a few minutes at most; a dead worker's attempt is retried.
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

/** The month before the instant's, on Hà Tĩnh's calendar (UTC+7, no daylight saving). */
export function monthBefore(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

export async function monthlyReportsWorkflow(
  input: { month?: string } = {},
): Promise<{ month: string; units: number }> {
  // A scheduled run's start time is the schedule's (workflowInfo is deterministic on replay).
  const month = input.month ?? monthBefore(workflowInfo().runStartTime);
  return generateMonthlyReports({ month });
}
