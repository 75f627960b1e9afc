/**
 * Replays the recorded histories (tests/histories/, recorded by tests/record-histories.ts) against
 * the workflow code as it is now: a change that would break running cases fails here, before it
 * reaches a worker (workflows/README.md, "Changing the workflow safely").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, Runtime, Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { workflowsPath } from '../worker/create-worker';
import { historyFromJSON } from '../platform/history-json';
import { silentLogger } from './support/time-skipping';

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

async function replay(workflows: string, histories: typeof recorded) {
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: workflows, logger: silentLogger });
  const options: ReplayWorkerOptions = { workflowBundle, replayName: 'recorded-histories' };
  const results: { workflowId: string; error?: Error }[] = [];
  for await (const { workflowId, error } of Worker.runReplayHistories(options, histories))
    results.push({ workflowId, error });
  return results;
}

const happyPath = () => recorded.filter((h) => h.workflowId === 'happy-path');

it('has a recorded history for every representative path', () => {
  expect(recorded.map((h) => h.workflowId)).toEqual(
    expect.arrayContaining([
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
      'before-commune-from-point/urgent-point-only',
      'deadline-escalated',
      'request-info-expired',
      'rating-expired',
    ]),
  );
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
