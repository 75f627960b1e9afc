/**
 * Keyset (cursor) pagination (issue 17): a page that starts after the last row of the page before,
 * read from the list's index however deep it is, where OFFSET reads and drops every row before
 * it. Rows that arrive between two pages sort before the first one (newest first) or wherever
 * their key puts them; none is read twice and none already behind the cursor is skipped.
 *
 * A cursor is opaque to clients: base64url of JSON `[field, order, value, id]`, the sort key and
 * the id of the last row sent. It is not signed: each part is checked against the list it is
 * sent to, and a forged one can only start a list the caller may read anyway at another place.
 */
import { z } from 'zod';
import { AppError } from '../platform/app-error';

/** How a sort key is carried in a cursor and compared. */
export type KeyKind = 'instant' | 'text' | 'integer';

export interface KeysetOrder {
  field: string;
  order: 'asc' | 'desc';
  kind: KeyKind;
  /** The column may be NULL: PostgreSQL sorts NULL last ascending, first descending. */
  nullable?: boolean;
  /** The tie-breaker's direction (the list's second sort key, `id`). */
  idOrder: 'asc' | 'desc';
}

type Key = Date | string | number | null;

export interface Cursor {
  value: Key;
  id: string;
}

const MAX_CURSOR_LENGTH = 600;

const invalid = () => new AppError('VALIDATION_FAILED', {}, { after: { code: 'invalid_cursor' } });

const keySchema: Record<KeyKind, z.ZodType<Key>> = {
  instant: z
    .string()
    .datetime()
    .transform((v) => new Date(v)),
  text: z.string().max(200),
  integer: z.number().int().min(-2_147_483_648).max(2_147_483_647),
};

export function encodeCursor(order: KeysetOrder, row: Record<string, unknown>): string {
  const value = row[order.field];
  const key = value instanceof Date ? value.toISOString() : (value ?? null);
  return Buffer.from(JSON.stringify([order.field, order.order, key, row.id]), 'utf8').toString('base64url');
}

/** The cursor sent as `after`, checked against the list's order; 422 `invalid_cursor` otherwise. */
export function decodeCursor(raw: string, order: KeysetOrder): Cursor {
  if (raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) throw invalid();
  const bytes = Buffer.from(raw, 'base64url');
  // Node skips stray trailing characters: only the exact encoding of the bytes is a cursor.
  if (bytes.toString('base64url') !== raw) throw invalid();
  let parts: unknown;
  try {
    parts = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid();
  }
  const shape = z.tuple([
    z.literal(order.field),
    z.literal(order.order),
    order.nullable ? keySchema[order.kind].nullable() : keySchema[order.kind],
    z.string().uuid(),
  ]);
  const parsed = shape.safeParse(parts);
  if (!parsed.success) throw invalid();
  const [, , value, id] = parsed.data;
  return { value, id };
}

/**
 * The rows after the cursor, in Prisma's terms. The first condition bounds the sort key on its
 * own, so that PostgreSQL starts the index scan at the cursor rather than filtering from the top.
 */
export function afterCursor(order: KeysetOrder, cursor: Cursor): Record<string, unknown> {
  const { field } = order;
  const beyond = order.order === 'asc' ? 'gt' : 'lt';
  const from = order.order === 'asc' ? 'gte' : 'lte';
  const idBeyond = { [order.idOrder === 'asc' ? 'gt' : 'lt']: cursor.id };
  if (cursor.value === null) {
    // NULLs come last ascending (only NULLs follow), first descending (then every other row).
    const sameKey = { [field]: null, id: idBeyond };
    return order.order === 'asc' ? sameKey : { OR: [sameKey, { [field]: { not: null } }] };
  }
  const nullsAfter = order.nullable && order.order === 'asc' ? [{ [field]: null }] : [];
  return {
    AND: [
      nullsAfter.length
        ? { OR: [{ [field]: { [from]: cursor.value } }, ...nullsAfter] }
        : { [field]: { [from]: cursor.value } },
      { OR: [{ [field]: { [beyond]: cursor.value } }, { [field]: cursor.value, id: idBeyond }, ...nullsAfter] },
    ],
  };
}
