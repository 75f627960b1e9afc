/**
 * The nightly reconcile of the statistics' rollups (platform/statistics-reconcile-schedule.ts
 * starts it): the recent days checked against a direct count, what differs recounted
 * (activities/reconcile-statistics.ts).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ReconcileStatisticsInput, ReconcileStatisticsResult } from '../activities/reconcile-statistics';

const { reconcileStatistics } = proxyActivities<Activities>({
  // A week of a million cases' days is counted in seconds; the locks of a repair wait for writers.
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10 },
});

export async function statisticsReconcileWorkflow(input: ReconcileStatisticsInput = {}): Promise<ReconcileStatisticsResult> {
  return reconcileStatistics(input);
}
