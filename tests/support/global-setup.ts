/**
 * Jest's global set-up: bundles the case workflow once for the whole run (tests/support/workflow-bundle.ts).
 * The file goes to the run's directory (TEST_WORK_DIR from `npm test`, removed with it), or to a
 * directory of its own that the global tear-down removes.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WORKFLOW_BUNDLE_PATH, writeCaseWorkflowBundle } from './workflow-bundle';

export const OWN_BUNDLE_DIR = 'WORKFLOW_BUNDLE_OWN_DIR';

export default async function globalSetup(): Promise<void> {
  if (process.env[WORKFLOW_BUNDLE_PATH]) return; // given by the caller
  let dir = process.env.TEST_WORK_DIR;
  if (!dir) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'field-report-bundle-'));
    process.env[OWN_BUNDLE_DIR] = dir;
  }
  const file = path.join(dir, 'case-workflow-bundle.js');
  await writeCaseWorkflowBundle(file);
  // Set before Jest starts its workers, which inherit it.
  process.env[WORKFLOW_BUNDLE_PATH] = file;
}
