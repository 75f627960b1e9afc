// The front ends' builds (admin/ → admin/dist at /admin, portal/ → portal/dist at /), run by
// `npm start` and `npm test` only when their sources changed: a hash of the app's files, the
// shared modules it imports and the lockfile is kept in <app>/dist/.source-hash, as the Prisma
// step keeps prisma/generated/.schema-hash. Up to date, a step takes a few milliseconds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './run.mjs';

const SKIP = new Set(['dist', 'node_modules']);

function filesUnder(dir, root) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : filesUnder(full, root);
    return [path.relative(root, full)];
  });
}

/** The back office imports domain/ (statuses, outcomes); the portal only its own files. */
export const APPS = {
  admin: { dir: 'admin', shared: ['domain'], hint: 'run `npm run build:admin` to see the whole error.' },
  portal: { dir: 'portal', shared: [], hint: 'run `npm run build:portal` to see the whole error.' },
};

/** What a build reads: the app (not its output), the shared modules (not their tests), the lockfile. */
export function sourceHash(root, app) {
  const files = [
    ...filesUnder(path.join(root, app.dir), root),
    ...app.shared.flatMap((dir) => filesUnder(path.join(root, dir), root).filter((f) => !f.endsWith('.test.ts'))),
    'package-lock.json',
  ].sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

const marker = (root, app) => path.join(root, app.dir, 'dist', '.source-hash');

export function buildIsCurrent(root, app, hash = sourceHash(root, app)) {
  const file = marker(root, app);
  return (
    existsSync(path.join(root, app.dir, 'dist', 'index.html')) &&
    existsSync(file) &&
    readFileSync(file, 'utf8') === hash
  );
}

/** Builds <app>/dist unless it is current; `{ note }` for the progress line. */
export async function buildApp(root, app) {
  if (!existsSync(path.join(root, app.dir, 'index.html'))) return { note: `no ${app.dir}/ in this checkout` };
  const hash = sourceHash(root, app);
  if (buildIsCurrent(root, app, hash)) return { note: 'up to date' };
  const started = Date.now();
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // NODE_ENV from the caller's shell (test, development) would make Vite bundle React's development
  // build: several times larger and slower, with warnings in the console. These builds are served.
  await run(process.execPath, [vite, 'build', '--config', `${app.dir}/vite.config.ts`, '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  writeFileSync(marker(root, app), hash);
  return { note: `built ${app.dir}/dist in ${((Date.now() - started) / 1000).toFixed(1)} s` };
}
