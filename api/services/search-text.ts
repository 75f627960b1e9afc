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

/**
 * How the API folds searched text: one per API process, made at start-up (api/main.ts) and handed
 * to the routes that search (AppDependencies.searchFold). It starts with the copied table and
 * takes its server's rules when asked (adoptServer): the only state, and it is this object's.
 */
export interface SearchFold {
  /**
   * search_fold() in Node: unaccent's rules character by character as unaccent reads them, then
   * đ → d and lower case. Equal to PostgreSQL's on Vietnamese text with either table, and on
   * every rule once the server's are adopted (tests/search-fold.test.ts).
   */
  fold(text: string): string;
  /** Prisma's condition on Case.searchText: contains the folded text, as typed. */
  containing(text: string): { contains: string };
  /**
   * Takes this server's unaccent for every character of the copied table: another PostgreSQL
   * version has other rules (15 leaves superscripts, fractions and some Greek symbols as they
   * are), and a search must fold as the server folded Case.searchText. Vietnamese letters fold
   * alike everywhere, so until this answers the copied table serves. The rules that differ.
   */
  adoptServer(db: Db): Promise<number>;
}

export function createSearchFold(): SearchFold {
  // The copied table (scripts/unaccent-table.mjs), until the server's replaces it.
  let rules: Readonly<Record<string, string>> = UNACCENT_RULES;
  const fold = (text: string) => {
    let unaccented = '';
    for (const character of text) unaccented += rules[character] ?? character;
    return unaccented.replace(/[đĐ]/g, 'd').toLowerCase();
  };
  return {
    fold,
    containing: (text) => ({ contains: likeLiteral(fold(text)) }),
    async adoptServer(db) {
      const sources = Object.keys(UNACCENT_RULES);
      const rows = await db.$queryRaw<{ source: string; folded: string }[]>`
        SELECT s AS source, public.unaccent('public.unaccent'::regdictionary, s) AS folded
        FROM unnest(${sources}::text[]) AS s`;
      const adopted = Object.fromEntries(rows.map((r) => [r.source, r.folded]));
      rules = adopted;
      return sources.filter((source) => adopted[source] !== UNACCENT_RULES[source as keyof typeof UNACCENT_RULES])
        .length;
    },
  };
}
