// The citizens' portal build (portal/ → portal/dist, served by the API at /), run by `npm start`
// and `npm test` only when its sources changed, as the back office's (admin-build.mjs): a hash
// of portal/'s files and the lockfile is kept in portal/dist/.source-hash.
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

/** What the build reads: portal/ (not its output) and the lockfile. */
export function portalSourceHash(root) {
  const files = [...filesUnder(path.join(root, 'portal'), root), 'package-lock.json'].sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

const marker = (root) => path.join(root, 'portal', 'dist', '.source-hash');

export function portalBuildIsCurrent(root, hash = portalSourceHash(root)) {
  const file = marker(root);
  return (
    existsSync(path.join(root, 'portal', 'dist', 'index.html')) &&
    existsSync(file) &&
    readFileSync(file, 'utf8') === hash
  );
}

/** Builds portal/dist unless it is current; `{ note }` for the progress line. */
export async function buildPortal(root) {
  if (!existsSync(path.join(root, 'portal', 'index.html'))) return { note: 'no portal/ in this checkout' };
  const hash = portalSourceHash(root);
  if (portalBuildIsCurrent(root, hash)) return { note: 'up to date' };
  const started = Date.now();
  await run(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'portal/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root },
  );
  writeFileSync(marker(root), hash);
  return { note: `built portal/dist in ${((Date.now() - started) / 1000).toFixed(1)} s` };
}

export const PORTAL_BUILD_HINT = 'run `npm run build:portal` to see the whole error.';
