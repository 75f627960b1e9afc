// Long-running child processes of the bootstrap (PostgreSQL, Temporal, worker, API): spawned in
// their own process group so that Ctrl-C reaches only the bootstrap, which then stops them in
// order (API and worker first, so they drain while the database and Temporal are still up).
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import readline from 'node:readline';

/** Sends `signal`, waits up to `graceMs`, then kills the whole process group. */
export function stopChild(child, signal = 'SIGTERM', graceMs = 20_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    killGroup(child, signal);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Starts a Node service (worker or API). Its lines are echoed with a prefix and kept in a log
 * file; it reports readiness over IPC with { type: 'ready', ...details }.
 */
export function startNodeService({ name, script, cwd, env, logFile, echo = true, readyTimeoutMs = 120_000, nodeArgs = [] }) {
  // nodeArgs: options for this Node process only (e.g. --cpu-prof, which NODE_OPTIONS refuses).
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  const tail = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      log.write(`${line}\n`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (echo) process.stdout.write(`${name.padEnd(8)}| ${line}\n`);
    });
  }
  child.on('exit', () => log.end());
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`${name} did not become ready in ${readyTimeoutMs / 1000} s`), { details: tail.join('\n') })), readyTimeoutMs);
    child.on('message', (message) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`${name} exited with ${signal ?? code} before it was ready`), { details: tail.join('\n') }));
    });
  });
  return { name, child, ready, stop: (graceMs = 30_000) => stopChild(child, 'SIGTERM', graceMs) };
}

/** A free TCP port on 127.0.0.1, preferring `preferred` when it is free. */
export async function freePort(preferred) {
  if (preferred && (await isFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Resolves once something accepts TCP connections on host:port. */
export async function waitForPort(port, { host = '127.0.0.1', timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
