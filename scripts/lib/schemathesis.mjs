// Schemathesis (PyPI), the property-based API tester that `npm test` runs against the running API
// and its OpenAPI document (tests/openapi-schemathesis.test.ts). Order: SCHEMATHESIS_CLI, then the
// pinned wheel in a project-local virtualenv under .tools/ (installed on first use), its own venv
// apart from the Temporal tools' so no install disturbs another.
import path from 'node:path';
import { isExecutable, pipInstall } from './executables.mjs';
import { run } from './run.mjs';

export const SCHEMATHESIS_VERSION = '4.32.0';

async function version(cli) {
  return (await run(cli, ['--version'])).trim();
}

export async function findSchemathesis(root) {
  const fromEnv = process.env.SCHEMATHESIS_CLI;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`SCHEMATHESIS_CLI=${fromEnv} is not an executable file`);
    return { path: fromEnv, note: await version(fromEnv) };
  }
  const venv = path.join(root, '.tools', 'schemathesis-venv');
  const local = path.join(venv, 'bin', 'schemathesis');
  if (isExecutable(local) && (await version(local)).endsWith(`version ${SCHEMATHESIS_VERSION}`)) {
    return { path: local, note: `.tools, ${SCHEMATHESIS_VERSION}` };
  }
  await pipInstall(venv, `schemathesis==${SCHEMATHESIS_VERSION}`);
  if (!isExecutable(local)) throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} installed no ${local}`);
  return { path: local, note: `installed schemathesis ${SCHEMATHESIS_VERSION} into .tools/` };
}

export const SCHEMATHESIS_HINT =
  'install python3 with venv (Debian: apt-get install -y python3-venv) so schemathesis can be installed ' +
  'from PyPI, or set SCHEMATHESIS_CLI to a `schemathesis` executable.';
