/**
 * The monthly reports' Temporal schedule: at 01:00 on the 1st of each month, Hà Tĩnh time, the
 * reports of the month before (workflows/monthly-reports.ts). Created at the worker's start-up;
 * idempotent: a schedule that exists already is left as it is.
 */
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';

export const MONTHLY_REPORT_SCHEDULE_ID = 'monthly-unit-reports';

export async function ensureMonthlyReportSchedule(client: Client, taskQueue: string): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create({
      scheduleId: MONTHLY_REPORT_SCHEDULE_ID,
      spec: { calendars: [{ dayOfMonth: 1, hour: 1, minute: 0 }], timezone: 'Asia/Ho_Chi_Minh' },
      action: {
        type: 'startWorkflow',
        workflowType: 'monthlyReportsWorkflow',
        workflowId: 'monthly-unit-reports',
        taskQueue,
        args: [{}],
      },
      policies: { catchupWindow: '7 days' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
