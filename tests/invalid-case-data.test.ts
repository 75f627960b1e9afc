/**
 * Data PostgreSQL cannot hold never makes a case loop (issue 14): started past the API's checks
 * (here straight through Temporal) with a NUL in its description, a case's receipt (receiveReport) fails at
 * its first attempt with a non-retryable InvalidCaseData failure, and the run fails visibly.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { temporal as proto } from '@temporalio/proto';
import type { fieldReportWorkflow } from '../workflows/field-report';
import { INVALID_CASE_DATA } from '../workflows/messages';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

/** The run's result, or a timeout: a run that retries forever never gives one. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`no result within ${ms} ms: still retrying?`)), ms).unref(),
    ),
  ]);
}

it.each([
  ['a NUL in the description', { description: 'Đèn đường hỏng\u0000 đã ba ngày' }],
  ['a NUL in the reporter name', { description: 'Đèn đường hỏng đã ba ngày', reporter: { name: 'Nguyễn\u0000' } }],
])('a case with %s fails at the first attempt, not forever', async (_what, content) => {
  const caseId = randomUUID();
  const handle = await api.deps.temporal.workflow.start<typeof fieldReportWorkflow>('fieldReportWorkflow', {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: caseId,
    args: [
      {
        caseId,
        report: {
          categoryCode: 'moi-truong',
          location: { lat: 18.3428, lng: 105.9057, communeCode: '18073' },
          level: 'normal',
          confidential: true,
          ...content,
        },
        fingerprint: 'invalid-case-data',
        channel: 'test',
        receivedAt: new Date().toISOString(),
      },
    ],
  });
  const failure = await within(15_000, handle.result()).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(WorkflowFailedError);
  // The case's activities run as local activities (workflows/case-record.ts): the failure comes
  // as it was thrown, not wrapped in an ActivityFailure; the history's marker names the activity.
  const invalid = (failure as WorkflowFailedError).cause;
  expect(invalid).not.toBeInstanceOf(ActivityFailure);
  expect(invalid).toBeInstanceOf(ApplicationFailure);
  expect(invalid).toMatchObject({ type: INVALID_CASE_DATA, nonRetryable: true });

  const history = await handle.fetchHistory();
  // No activity task; one local activity, receiveReport (the receipt), failed at its first attempt.
  const events = history.events ?? [];
  expect(events.filter((e) => e.eventType === proto.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)).toEqual(
    [],
  );
  const local = events.flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    const data = marker?.markerName === 'core_local_activity' ? marker.details?.data?.payloads?.[0]?.data : undefined;
    if (!data) return [];
    const recorded = JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string; attempt?: number };
    return [{ activity: recorded.activity_type, attempt: recorded.attempt, failed: Boolean(marker?.failure) }];
  });
  expect(local).toEqual([{ activity: 'receiveReport', attempt: 1, failed: true }]);
  expect(await api.deps.db.case.findUnique({ where: { id: caseId } })).toBeNull();
});
