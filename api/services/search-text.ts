/**
 * Vietnamese text search on cases (issue 17): "duong" finds "đường", "DUONG" too. The text is
 * folded by PostgreSQL's own search_fold (no diacritics, đ → d, lower case: the migration
 * 20261206211534_list_indexes), the same function that fills Case.searchText, so both sides are
 * folded alike; the match is a LIKE '%…%' that the column's trigram index (pg_trgm) serves.
 * LIKE's metacharacters stay characters (text-match.ts).
 */
import type { Db } from '../../platform/db';
import { likeLiteral } from './text-match';

export async function foldForSearch(db: Db, text: string): Promise<string> {
  const [row] = await db.$queryRaw<{ folded: string }[]>`SELECT search_fold(${text}) AS folded`;
  return row?.folded ?? '';
}

/** Prisma's condition on Case.searchText: contains the folded text, as typed. */
export async function searchTextContaining(db: Db, text: string) {
  return { contains: likeLiteral(await foldForSearch(db, text)) };
}
