/**
 * Vietnamese text search on cases (issue 17): "duong" finds "đường", "DUONG" too. Case.searchText
 * is folded by PostgreSQL's search_fold (unaccent, đ → d, lower case: the migration
 * 20261206211534_list_indexes); the searched text is folded here, in Node, by the same rules, so
 * a search is one query rather than a round trip to fold it first. The match is a LIKE '%…%' that
 * the column's trigram index (pg_trgm) serves; LIKE's metacharacters stay characters
 * (text-match.ts).
 */
import { likeLiteral } from './text-match';
import UNACCENT_RULES from './unaccent-rules.json';

const rules: Readonly<Record<string, string>> = UNACCENT_RULES;

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
