/**
 * Jest's global set-up: bundles the case workflow once for the whole run (tests/support/workflow-bundle.ts),
 * and gives each Jest worker a database of its own copied from the seeded one (tests/support/worker-databases.ts).
 * The bundle goes to the run's directory (TEST_WORK_DIR from `npm test`, removed with it), or to a
 * directory of its own that the global tear-down removes.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WORKER_DATABASES_OF, createWorkerDatabases } from './worker-databases';
import { WORKFLOW_BUNDLE_PATH, writeCaseWorkflowBundle } from './workflow-bundle';

export const OWN_BUNDLE_DIR = 'WORKFLOW_BUNDLE_OWN_DIR';

export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  // Set before Jest starts its workers, which inherit them.
  const { DATABASE_URL: runUrl, TEST_SEEDED_DATABASE: template } = process.env;
  if (runUrl && template && !process.env[WORKER_DATABASES_OF]) {
    await createWorkerDatabases(runUrl, template, globalConfig.maxWorkers);
    process.env[WORKER_DATABASES_OF] = runUrl;
  }
  if (process.env[WORKFLOW_BUNDLE_PATH]) return; // given by the caller
  let dir = process.env.TEST_WORK_DIR;
  if (!dir) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'field-report-bundle-'));
    process.env[OWN_BUNDLE_DIR] = dir;
  }
  const file = path.join(dir, 'case-workflow-bundle.js');
  await writeCaseWorkflowBundle(file);
  process.env[WORKFLOW_BUNDLE_PATH] = file;
}
