/**
 * Jest's global tear-down: drops the workers' databases and removes the workflow bundle's
 * directory, if the global set-up made them.
 */
import { rmSync } from 'node:fs';
import { OWN_BUNDLE_DIR } from './global-setup';
import { WORKER_DATABASES_OF, dropWorkerDatabases } from './worker-databases';

export default async function globalTeardown(globalConfig: { maxWorkers: number }): Promise<void> {
  const runUrl = process.env[WORKER_DATABASES_OF];
  if (runUrl) await dropWorkerDatabases(runUrl, globalConfig.maxWorkers);
  const dir = process.env[OWN_BUNDLE_DIR];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
