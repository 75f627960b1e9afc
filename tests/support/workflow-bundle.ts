/**
 * The case workflow's bundle, made once per Jest run: webpack takes a few seconds per bundle, and
 * some 30 suites start a worker. Jest's global set-up (tests/support/global-setup.ts) bundles
 * workflows/ to a file in the run's directory and names it in WORKFLOW_BUNDLE_PATH; every suite's
 * `bundleWorkflows()` (tests/support/platform.ts) then reads that file. Run without the global
 * set-up (a single file through another runner), it bundles as before. Suites that bundle other
 * workflows on purpose (tests/support/altered-workflows, patched-workflows) keep bundling them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { workflowsPath } from '../../worker/create-worker';
import { silentLogger } from './time-skipping';

export const WORKFLOW_BUNDLE_PATH = 'WORKFLOW_BUNDLE_PATH';

/** Bundles workflows/ (the code the worker registers). */
export async function bundleCaseWorkflows(): Promise<WorkflowBundle> {
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: silentLogger });
  return { code };
}

/** Bundles workflows/ into `file`, for the suites of this run. */
export async function writeCaseWorkflowBundle(file: string): Promise<void> {
  const { code } = await bundleCaseWorkflows();
  await writeFile(file, code);
}

/** The run's bundle if the global set-up made one, else a fresh one. */
export async function caseWorkflowBundle(): Promise<WorkflowBundle> {
  const file = process.env[WORKFLOW_BUNDLE_PATH];
  if (file) return { code: await readFile(file, 'utf8') };
  return bundleCaseWorkflows();
}
