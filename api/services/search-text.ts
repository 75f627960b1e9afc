/**
 * Vietnamese text search on cases (issue 17): "duong" finds "đường", "DUONG" too. Case.searchText
 * is folded by PostgreSQL's search_fold (unaccent, đ → d, lower case: the migration
 * 20261206211534_list_indexes); the searched text is folded here, in Node, by the same rules, so
 * a search is one query rather than a round trip to fold it first. The match is a LIKE '%…%' that
 * the column's trigram index (pg_trgm) serves; LIKE's metacharacters stay characters
 * (text-match.ts).
 */
import type { Db } from '../../platform/db';
import { likeLiteral } from './text-match';
import UNACCENT_RULES from './unaccent-rules.json';

let rules: Readonly<Record<string, string>> = UNACCENT_RULES;

/**
 * Takes this server's unaccent for every character of the copied table, once per process at
 * start-up: another PostgreSQL version has other rules (15 leaves superscripts, fractions and
 * some Greek symbols as they are), and a search must fold as the server folded Case.searchText.
 * Vietnamese letters fold alike everywhere; until this answers, the copied table serves.
 */
export async function adoptServerFold(db: Db): Promise<number> {
  const sources = Object.keys(UNACCENT_RULES);
  const rows = await db.$queryRaw<{ source: string; folded: string }[]>`
    SELECT s AS source, public.unaccent('public.unaccent'::regdictionary, s) AS folded
    FROM unnest(${sources}::text[]) AS s`;
  const adopted = Object.fromEntries(rows.map((r) => [r.source, r.folded]));
  const differing = sources.filter((source) => adopted[source] !== UNACCENT_RULES[source as keyof typeof UNACCENT_RULES]);
  rules = adopted;
  return differing.length;
}

/**
 * search_fold() in Node: unaccent's own rules (scripts/unaccent-table.mjs copies them), character
 * by character as unaccent reads them, then đ → d and lower case. Equal to PostgreSQL's on every
 * rule and on Vietnamese text (tests/search-fold.test.ts).
 */
export function searchFold(text: string): string {
  let unaccented = '';
  for (const character of text) unaccented += rules[character] ?? character;
  return unaccented.replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Prisma's condition on Case.searchText: contains the folded text, as typed. */
export function searchTextContaining(text: string) {
  return { contains: likeLiteral(searchFold(text)) };
}
