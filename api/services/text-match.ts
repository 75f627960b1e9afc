/**
 * Text conditions for Prisma that match the text as typed. On PostgreSQL, Prisma turns `contains`,
 * `startsWith` and a case-insensitive `equals` into LIKE/ILIKE patterns without escaping them: a
 * search for "%" found every row, "_" any character, and a login name "%" matched the first
 * account. `\` is LIKE's escape character, so it is escaped too.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** Rows whose column contains the text, whatever its case. */
export function containing(text: string) {
  return { contains: likeLiteral(text), mode: 'insensitive' as const };
}

/** Rows whose column is the text, whatever its case (login names, tracking codes). */
export function sameIgnoringCase(text: string) {
  return { equals: likeLiteral(text), mode: 'insensitive' as const };
}

/** Rows whose column begins with the text, in its case (key prefixes). */
export function beginningWith(text: string) {
  return { startsWith: likeLiteral(text) };
}
