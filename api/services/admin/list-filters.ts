/** Filter pieces every back-office list accepts (react-admin's getMany sends `filter={"id":[...]}`). */
import { z } from 'zod';
import { isUuid } from './admin-actor';

export const idFilter = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/** Ids of uuid rows: anything else cannot exist, and must not reach a uuid column. */
export function uuidIds(ids: string[]): { in: string[] } {
  return { in: ids.filter(isUuid) };
}

export const searchText = z.string().trim().max(200);

export const dateTime = z.string().datetime({ offset: true });

/** An optional text column in a create/update body: '' clears it like null does. */
export const optionalText = (max: number) =>
  z
    .union([z.string().trim().max(max), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v));
