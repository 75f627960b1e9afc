// Step 5 of the bootstrap: Temporal's dev server (`temporal server start-dev`), a real
// single-binary server, with a SQLite file for persistence (or in memory for tests) and the
// custom search attributes the case workflow sets.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { stopChild, waitForPort } from './services.mjs';

export function searchAttributes(root) {
  const file = path.join(root, 'workflows', 'search-attributes.json');
  return JSON.parse(readFileSync(file, 'utf8'));
}

export async function startTemporalDevServer({ root, cli, port, uiPort, dbFile, logFile, namespace = 'default' }) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'];
  if (dbFile) args.push('--db-filename', dbFile);
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  if (namespace !== 'default') args.push('--namespace', namespace);
  for (const [name, type] of Object.entries(searchAttributes(root))) args.push('--search-attribute', `${name}=${type}`);

  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(cli, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exitedEarly;
  child.once('exit', (code) => (exitedEarly = code));
  await waitForPort(port, { timeoutMs: 60_000, child });
  await waitForNamespace(root, `127.0.0.1:${port}`, namespace, () => exitedEarly);
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined,
    child,
    async stop() {
      await stopChild(child, 'SIGTERM', 20_000);
      log.end();
    },
  };
}

/** The frontend accepts connections a moment before the namespace is usable. */
async function waitForNamespace(root, address, namespace, exited) {
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(root, 'package.json'));
  const { Connection } = require('@temporalio/client');
  const deadline = Date.now() + 60_000;
  let lastError;
  while (Date.now() < deadline) {
    if (exited() !== undefined) throw new Error(`the Temporal dev server exited with ${exited()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`the Temporal namespace "${namespace}" was not ready: ${lastError?.message}`);
}
