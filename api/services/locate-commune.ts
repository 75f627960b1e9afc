/**
 * The commune of a point on the map (GET /api/v1/communes/locate), so the portal can preselect
 * it on the report form. The same answer routing gives a report that has a point but no commune
 * (activities/find-commune.ts, a plain read over the database shared with the worker, with the
 * same one-minute cache): a commune only when exactly one active boundary contains the point.
 * Otherwise COMMUNE_NOT_LOCATED (404): outside the province, on a border, or no boundaries
 * imported yet; the citizen then chooses the commune, or leaves it to the operators.
 */
import { z } from 'zod';
import { documentedAs } from '../../domain/documented-schema';
import { findCommuneOfPoint } from '../../activities/find-commune';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { Language } from '../i18n/language';
import { communeView } from './list-directory';

/** A number in a query string: required and never the 0 that `Number('')` would make of an empty value. */
const coordinate = (limit: number) =>
  documentedAs(z.string().trim().min(1).pipe(z.coerce.number().min(-limit).max(limit)), {
    type: 'number',
    minimum: -limit,
    maximum: limit,
  });

export const locateCommuneQuery = z.object({ lat: coordinate(90), lng: coordinate(180) }).strict();

export type LocateCommuneQuery = z.infer<typeof locateCommuneQuery>;

export async function locateCommune(db: Db, { lat, lng }: LocateCommuneQuery, language: Language) {
  const code = await findCommuneOfPoint(db, lat, lng);
  const commune =
    code === null
      ? null
      : await db.commune.findUnique({ where: { code }, select: { code: true, name: true, kind: true } });
  if (commune === null) throw new AppError('COMMUNE_NOT_LOCATED');
  return { commune: communeView(commune, language) };
}
