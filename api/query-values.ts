/**
 * Query values the citizens' API reads leniently, with the JSON Schema that says exactly what it
 * accepts (domain/documented-schema.ts), so the OpenAPI document is neither looser nor stricter:
 * - lists: `a,b` or `?x=a&x=b`, items trimmed, empty items skipped, at least one item;
 * - time bounds: a day (YYYY-MM-DD, Asia/Ho_Chi_Minh) or an instant (ISO 8601 with offset).
 */
import { z } from 'zod';
import { documentedAs } from '../domain/documented-schema';
import { textClasses } from './openapi/plain-text';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

const { space, visibleBut, anyBut } = textClasses(false);

/** A comma list whose items, once trimmed, are `item`. */
function listPattern(item: string, maxItems: number): string {
  const entry = `${space}*${item}${space}*`;
  return `^(?:${space}*,)*${entry}(?:,(?:${space}*,)*${entry}){0,${maxItems - 1}}(?:,${space}*)*$`;
}

function list<T extends z.ZodTypeAny>(item: T, itemPattern: string, maxItems: number) {
  return documentedAs(
    z
      .union([z.string(), z.array(z.string())])
      .transform((v) =>
        (Array.isArray(v) ? v : [v])
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(item).min(1).max(maxItems)),
    { type: 'string', pattern: listPattern(itemPattern, maxItems) },
  );
}

/** Free-text items of at most `maxLength` characters each (codes). */
export const valueList = (maxLength: number, maxItems = 50) =>
  list(
    z.string().max(maxLength),
    `${visibleBut(',')}(?:${anyBut(',')}{0,${maxLength - 2}}${visibleBut(',')})?`,
    maxItems,
  );

/** Items from a fixed set (statuses, kinds). */
export const enumList = <const V extends readonly [string, ...string[]]>(values: V, maxItems = 50) =>
  list(z.enum(values as unknown as [V[number], ...V[number][]]), `(?:${values.map(escape).join('|')})`, maxItems);
