// The browser for the end-to-end tests (ENVIRONMENT.md): Debian's Chromium driven by
// playwright-core (whose own browser download cannot reach its server here). Order:
// CHROMIUM_PATH, /usr/bin/chromium, else — as root with apt-get — `apt-get install -y chromium`.
import { existsSync } from 'node:fs';
import { isExecutable } from './executables.mjs';
import { run } from './run.mjs';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The last line: Debian's wrapper script may print shell noise before the version. */
async function version(file) {
  return (await run(file, ['--version'])).trim().split('\n').at(-1);
}

export const CHROMIUM_HINT =
  'install Chromium (Debian: `apt-get install -y chromium`, as root) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
    return { path: fromEnv, note: `CHROMIUM_PATH: ${await version(fromEnv)}` };
  }
  const found = SYSTEM.find(isExecutable);
  if (found) return { path: found, note: await version(found) };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get'))
    throw Object.assign(new Error('Chromium was not found'), { hint: CHROMIUM_HINT });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env });
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
  const installed = SYSTEM.find(isExecutable);
  if (!installed)
    throw Object.assign(new Error('apt-get installed chromium, but no binary was found'), { hint: CHROMIUM_HINT });
  return { path: installed, note: `installed with apt-get: ${await version(installed)}` };
}
