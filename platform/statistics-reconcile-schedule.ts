/**
 * The statistics' nightly reconcile schedule: at 02:30 every night, Hà Tĩnh time, when few cases
 * are written, statisticsReconcileWorkflow checks the last days' rollups (docs/statistics.md).
 * Created at the worker's start-up; idempotent: a schedule that exists already is left as it is.
 */
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';

export const STATISTICS_RECONCILE_SCHEDULE_ID = 'statistics-reconcile';

export async function ensureStatisticsReconcileSchedule(
  client: Client,
  taskQueue: string,
): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create({
      scheduleId: STATISTICS_RECONCILE_SCHEDULE_ID,
      spec: { calendars: [{ hour: 2, minute: 30 }], timezone: 'Asia/Ho_Chi_Minh' },
      action: {
        type: 'startWorkflow',
        workflowType: 'statisticsReconcileWorkflow',
        workflowId: STATISTICS_RECONCILE_SCHEDULE_ID,
        taskQueue,
        args: [{}],
      },
      // A missed night is made up once, not once per night missed: each run checks the last days.
      policies: { catchupWindow: '1 day' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
