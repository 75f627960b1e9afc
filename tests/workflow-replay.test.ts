/**
 * Replays the recorded histories (tests/histories/, recorded by tests/record-histories.ts) against
 * the workflow code as it is now: a change that would break running cases fails here, before it
 * reaches a worker (workflows/README.md, "Changing the workflow safely"). The replay worker has the
 * payload codec over the key the encrypted ones were recorded with (tests/histories/encrypted/);
 * the older plain ones pass through it, as cases started before encryption do on a real worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, Runtime, Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { workflowsPath } from '../worker/create-worker';
import { historyFromJSON } from '../platform/history-json';
import { parsePayloadKeys } from '../platform/config';
import { metadataOf, payloadsOf, RECORDED_PAYLOAD_KEYS, testDataConverter } from './support/payload-keys';
import { silentLogger } from './support/time-skipping';
import { REPORT } from './support/case-driver';

const dir = path.join(__dirname, 'histories');
// Subfolders keep the histories of an earlier version while cases from it may still run.
const recorded = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    // Histories carry no workflow id; the case workflow does not read its own.
    workflowId: file.replace(/\.json$/, ''),
    history: historyFromJSON(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))),
  }));

// The SDK's core logs a failed replay as a warning of its own: forwarded to a silent logger, so
// the expected failure below does not read as one in the test output.
Runtime.install({ logger: silentLogger, telemetryOptions: { logging: { forward: {}, filter: 'ERROR' } } });

const recordedKeys = testDataConverter(parsePayloadKeys(RECORDED_PAYLOAD_KEYS));

async function replay(workflows: string, histories: typeof recorded, dataConverter = recordedKeys) {
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: workflows, logger: silentLogger });
  const options: ReplayWorkerOptions = { workflowBundle, replayName: 'recorded-histories', dataConverter };
  const results: { workflowId: string; error?: Error }[] = [];
  for await (const { workflowId, error } of Worker.runReplayHistories(options, histories))
    results.push({ workflowId, error });
  return results;
}

const happyPath = () => recorded.filter((h) => h.workflowId === 'happy-path');
const encrypted = () => recorded.filter((h) => h.workflowId.startsWith('encrypted/'));
/**
 * The encrypted recordings: today's, those from before the receipt and a task's announcement were
 * cut to one activity each, and those from before the case's activities ran as local ones.
 */
const sealed = () =>
  recorded.filter((h) => /^(encrypted|before-fewer-activities|before-local-activities)\//.test(h.workflowId));

const PATHS = [
  'happy-path',
  'reject',
  'request-info-answered',
  'return-reroute',
  'extension-granted',
  'send-back',
  'reopen',
  'withdraw',
  'urgent',
  'urgent-point-only',
  'deadline-escalated',
  'request-info-expired',
  'rating-expired',
];

it('has a recorded history for every representative path, plain (before encryption) and encrypted', () => {
  const ids = recorded.map((h) => h.workflowId);
  expect(ids).toEqual(expect.arrayContaining(PATHS));
  expect(ids).toEqual(expect.arrayContaining(PATHS.map((id) => `encrypted/${id}`)));
  // Recorded before the commune of a point was located at receipt: cases like it still run.
  expect(ids).toContain('before-commune-from-point/urgent-point-only');
  // Recorded before the case's activities ran as local activities (patch 'local-activities').
  expect(ids).toEqual(expect.arrayContaining(PATHS.map((id) => `before-local-activities/${id}`)));
  // Recorded before the patch 'fewer-activities' (the receipt in one activity).
  expect(ids).toEqual(expect.arrayContaining(PATHS.map((id) => `before-fewer-activities/${id}`)));
});

/**
 * The SDK's own bookkeeping in a marker, written in clear by Temporal's core: a patch's id, and a
 * local activity's type, attempt and times. A local activity's result (its `result`) is ours and
 * goes through the codec like every other payload.
 */
function sdkMarkerPayloads(
  marker: { markerName?: string | null; details?: Record<string, unknown> | null } | null | undefined,
) {
  if (!marker) return [];
  return marker.markerName === 'core_local_activity' ? payloadsOf(marker.details?.data) : payloadsOf(marker);
}

it("holds the encrypted histories sealed: every payload but search attributes and the SDK's marker bookkeeping", () => {
  for (const { workflowId, history } of sealed()) {
    const uncoded = new Set(
      (history.events ?? []).flatMap((e) => [
        ...payloadsOf(e.upsertWorkflowSearchAttributesEventAttributes),
        ...sdkMarkerPayloads(e.markerRecordedEventAttributes),
      ]),
    );
    const coded = payloadsOf(history).filter((p) => !uncoded.has(p));
    // Not vacuous: the report itself, and every activity's result (local or not), are among those checked.
    const events = history.events ?? [];
    const report = payloadsOf(events[0]?.workflowExecutionStartedEventAttributes?.input);
    const results = events.flatMap((e) => [
      ...(e.markerRecordedEventAttributes?.markerName === 'core_local_activity'
        ? payloadsOf(e.markerRecordedEventAttributes.details?.result)
        : []),
      ...payloadsOf(e.activityTaskCompletedEventAttributes?.result),
    ]);
    expect([workflowId, report.length, results.length > 0]).toEqual([workflowId, 1, true]);
    expect(coded).toEqual(expect.arrayContaining([...report, ...results]));
    const encodings = new Set(coded.map((p) => `${metadataOf(p, 'encoding')} ${metadataOf(p, 'encryption-key-id')}`));
    expect([workflowId, [...encodings]]).toEqual([workflowId, ['binary/encrypted recorded-test-1']]);
    const text = payloadsOf(history)
      .map((p) => Buffer.from(p.data!).toString('utf8'))
      .join('\n');
    for (const secret of [REPORT.reporter!.name!, REPORT.reporter!.phone!, REPORT.description])
      expect([workflowId, text.includes(secret)]).toEqual([workflowId, false]);
  }
});

it('does not replay the encrypted histories without their key, and says which key is missing', async () => {
  const [result] = await replay(
    workflowsPath(),
    encrypted().slice(0, 1),
    testDataConverter(parsePayloadKeys(`other:${'A'.repeat(43)}=`)),
  );
  expect(result!.error).toBeDefined();
  expect(String(result!.error!.message) + String(result!.error!.cause ?? '')).toMatch(/recorded-test-1/);
});

it('replays every recorded history against the current workflow code', async () => {
  const results = await replay(workflowsPath(), recorded);
  expect(results.map(({ workflowId, error }) => ({ workflowId, error: error?.message }))).toEqual(
    recorded.map(({ workflowId }) => ({ workflowId, error: undefined })),
  );
});

it('fails when the workflow changes what a recorded case did (here: an activity before the first)', async () => {
  const [result] = await replay(require.resolve('./support/altered-workflows'), happyPath());
  expect(result!.error).toBeInstanceOf(DeterminismViolationError);
  expect(result!.error!.message).toMatch(/nondetermin/i);
});

it('passes when the same change is behind patched()', async () => {
  const [result] = await replay(require.resolve('./support/patched-workflows'), happyPath());
  expect(result).toEqual({ workflowId: 'happy-path', error: undefined });
});
