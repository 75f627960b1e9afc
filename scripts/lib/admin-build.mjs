// The back office's build (admin/ → admin/dist, served by the API at /admin), run by `npm start`
// and `npm test` only when its sources changed: a hash of admin/'s files, the domain modules it
// imports and the lockfile is kept in admin/dist/.source-hash, as the Prisma step keeps
// prisma/generated/.schema-hash. Up to date, the step takes a few milliseconds.
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

/** What the build reads: admin/ (not its output), domain/ (imported by the app) and the lockfile. */
export function adminSourceHash(root) {
  const files = [
    ...filesUnder(path.join(root, 'admin'), root),
    ...filesUnder(path.join(root, 'domain'), root).filter((f) => !f.endsWith('.test.ts')),
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

const marker = (root) => path.join(root, 'admin', 'dist', '.source-hash');

export function adminBuildIsCurrent(root, hash = adminSourceHash(root)) {
  const file = marker(root);
  return (
    existsSync(path.join(root, 'admin', 'dist', 'index.html')) &&
    existsSync(file) &&
    readFileSync(file, 'utf8') === hash
  );
}

/** Builds admin/dist unless it is current; `{ note }` for the progress line. */
export async function buildAdmin(root) {
  if (!existsSync(path.join(root, 'admin', 'index.html'))) return { note: 'no admin/ in this checkout' };
  const hash = adminSourceHash(root);
  if (adminBuildIsCurrent(root, hash)) return { note: 'up to date' };
  const started = Date.now();
  await run(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'admin/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
    },
  );
  writeFileSync(marker(root), hash);
  return { note: `built admin/dist in ${((Date.now() - started) / 1000).toFixed(1)} s` };
}

export const ADMIN_BUILD_HINT = 'run `npm run build:admin` to see the whole error.';
