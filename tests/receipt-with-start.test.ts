/**
 * The receipt in one round trip (issue 18): a report starts its case workflow with the receipt
 * Update in the same request (update-with-start), so the Update is handled in the case's first
 * workflow task. A retry with the same Idempotency-Key, while the case runs or after it finished,
 * answers the same case: never a second case, a second run or a second Update. A finished run
 * with no receipt (update-with-start then fails as "already started") is answered from the row.
 */
import { randomUUID } from 'node:crypto';
import { temporal as proto } from '@temporalio/proto';
import { caseIdForKey, createReport, fingerprintOf } from '../api/services/create-report';
import type { fieldReportWorkflow } from '../workflows/field-report';
import { CaseDriver, REPORT } from './support/case-driver';
import { platformSuite } from './support/platform-suite';

const { config, db, temporal } = platformSuite();
const { EventType } = proto.api.enums.v1;

/** A report as the API submits it (api/services/create-report.ts), its description marked to count its cases. */
function submit(description: string, idempotencyKey?: string) {
  return createReport(
    {
      temporal,
      db,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      secret: config.APP_SECRET,
      provinceBounds: config.PROVINCE_BOUNDS,
    },
    { report: { ...REPORT, description }, idempotencyKey, channel: 'test', now: new Date() },
  );
}

type Events = NonNullable<Awaited<ReturnType<CaseDriver['handle']['fetchHistory']>>['events']>;

async function eventsOf(c: CaseDriver): Promise<Events> {
  return (await c.handle.fetchHistory()).events ?? [];
}

const ofType = (events: Events, type: number) => events.filter((e) => e.eventType === type);

/** Workflow tasks completed before the receipt Update was accepted: 1 when the Update came with the start. */
function tasksBeforeReceipt(events: Events): number {
  const accepted = events.findIndex((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
  expect(accepted).toBeGreaterThan(0);
  return ofType(events.slice(0, accepted), EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).length;
}

test('each submission has its receipt Update in its first workflow task', async () => {
  const perSubmission: { beforeReceipt: number; workflowTasks: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const created = await submit(`${REPORT.description} (${randomUUID()})`);
    const c = CaseDriver.attach(temporal, created.id, created.trackingCode);
    await c.quiet();
    const events = await eventsOf(c);
    perSubmission.push({
      beforeReceipt: tasksBeforeReceipt(events),
      workflowTasks: ofType(events, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).length,
    });
  }
  console.log(`workflow tasks per submission: ${JSON.stringify(perSubmission)}`);
  expect(perSubmission.map((s) => s.beforeReceipt)).toEqual([1, 1, 1, 1]);
});

test('retries with the same key, at once and later, answer one case with one Update', async () => {
  const description = `${REPORT.description} (${randomUUID()})`;
  const key = `receipt-${randomUUID()}`;
  const answers = await Promise.all(Array.from({ length: 5 }, () => submit(description, key)));
  answers.push(await submit(description, key));
  for (const answer of answers) expect(answer).toEqual(answers[0]);

  const c = CaseDriver.attach(temporal, answers[0]!.id, answers[0]!.trackingCode);
  await c.quiet();
  const events = await eventsOf(c);
  expect(ofType(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)).toHaveLength(1);
  expect(ofType(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).toHaveLength(1);
  expect(ofType(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)).toHaveLength(1);
  expect(tasksBeforeReceipt(events)).toBe(1);
  expect(await db.case.count({ where: { description } })).toBe(1);
  expect(await db.caseTimelineEntry.count({ where: { caseId: c.caseId, kind: 'received' } })).toBe(1);
});

test('a retry after the case finished answers its receipt as first given, and starts nothing', async () => {
  const description = `${REPORT.description} (${randomUUID()})`;
  const key = `receipt-${randomUUID()}`;
  const first = await submit(description, key);
  const c = CaseDriver.attach(temporal, first.id, first.trackingCode);
  await c.quiet();
  await c.withdraw('Đã tự xử lý');
  await c.handle.result();
  const finished = await c.handle.describe();

  // The server answers the finished run's completed receipt Update (same id, same outcome).
  expect(await submit(description, key)).toEqual(first);
  const after = await c.handle.describe();
  expect(after.runId).toBe(finished.runId);
  expect(after.status.name).toBe('COMPLETED');
  expect(after.historyLength).toBe(finished.historyLength);
  expect(await db.case.count({ where: { description } })).toBe(1);
});

test('a retry of a case whose run ended before its receipt answers from the case row', async () => {
  const description = `${REPORT.description} (${randomUUID()})`;
  const report = { ...REPORT, description };
  const key = `receipt-${randomUUID()}`;
  const caseId = caseIdForKey(key);
  // A run that recorded the case, then ended with no receipt Update: no outcome to answer with.
  const run = await temporal.workflow.start<typeof fieldReportWorkflow>('fieldReportWorkflow', {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: caseId,
    args: [
      { caseId, report, fingerprint: fingerprintOf(report, []), channel: 'test', receivedAt: new Date().toISOString() },
    ],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  await CaseDriver.attach(temporal, caseId, '').quiet();
  await run.terminate('ended before the receipt');

  const retry = await submit(description, key);
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect(retry).toMatchObject({ id: caseId, trackingCode: row.trackingCode, status: row.status });
  const after = await run.describe();
  expect(after.runId).toBe(run.firstExecutionRunId);
  expect(after.status.name).toBe('TERMINATED');
});
