/** Jest's global tear-down: removes the workflow bundle's directory if the global set-up made it. */
import { rmSync } from 'node:fs';
import { OWN_BUNDLE_DIR } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[OWN_BUNDLE_DIR];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
