/**
 * The first screen stays light on a phone: the JavaScript the built index.html loads (the entry
 * and everything it imports statically, not the screens loaded on demand) is under 200 KB
 * gzipped. Needs the build (`npm test` makes it; `npm run build:portal` by hand).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PORTAL_DIST } from '../api/routes/portal-app';

const LIMIT = 200 * 1024;

/** The entry's file and its static imports, transitively (dynamic `import()` excluded). */
function firstScreenScripts(): string[] {
  const html = readFileSync(path.join(PORTAL_DIST, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(PORTAL_DIST, file), 'utf8');
    // `import … from"./x.js"` and `import"./x.js"`, never `import("./x.js")`.
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g))
      visit(path.posix.join(path.posix.dirname(file), m[1]!));
  };
  entries.forEach(visit);
  return [...seen];
}

describe('the portal’s first screen', () => {
  it('loads less than 200 KB of gzipped JavaScript', () => {
    expect(existsSync(path.join(PORTAL_DIST, 'index.html'))).toBe(true);
    const files = firstScreenScripts();
    expect(files.length).toBeGreaterThan(1); // the entry and at least the React chunk
    const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(PORTAL_DIST, file))).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    // The screens behind the first are not in it.
    expect(files.some((f) => /Report-/.test(f))).toBe(false);
    // Every file index.html preloads is counted.
    const html = readFileSync(path.join(PORTAL_DIST, 'index.html'), 'utf8');
    for (const m of html.matchAll(/rel="modulepreload"[^>]*href="\/([^"]+)"/g)) expect(files).toContain(m[1]);
    process.stdout.write(
      `portal first screen: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)}`).join(', ')})\n`,
    );
    expect(total).toBeLessThan(LIMIT);
  });
});
