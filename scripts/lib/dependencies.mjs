// Step 1 of the bootstrap: install node_modules with `npm ci` when missing or older than the
// lockfile. Zero dependencies: this runs before anything is installed.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { run } from './run.mjs';

export function dependenciesAreCurrent(root) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(marker)) return false;
  return statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
}

export async function ensureDependencies(root) {
  if (dependenciesAreCurrent(root)) return { note: 'already installed' };
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
  return { note: 'npm ci' };
}
