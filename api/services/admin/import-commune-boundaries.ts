/**
 * An administrator imports the communes' boundaries at once from a GeoJSON FeatureCollection
 * (what GIS tools export: one Feature per commune, its official code in a property). All or
 * nothing: a file with an unknown code, a code given twice or a geometry that is not an area is
 * refused as a whole, every problem listed by feature, so a half-imported map never misplaces
 * reports. `dryRun` answers the same summary without writing. The new boundaries are used for
 * reports' communes within the configuration cache's minute (activities/find-commune.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { findAreaGeometryProblem } from '../../../domain/geo-index';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import type { Prisma } from '../../../prisma/generated/client';
import { assertAllowed, auditChange, type AdminActor } from './admin-actor';

export const communeBoundaryImportSchema = z.object({
  geojson: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.unknown()).min(1).max(5_000),
  }),
  /** The feature property holding the commune's official code (mã đơn vị hành chính). */
  codeProperty: z.string().trim().min(1).max(100).default('code'),
  dryRun: z.boolean().default(false),
});
export type CommuneBoundaryImport = z.infer<typeof communeBoundaryImportSchema>;

export interface CommuneBoundaryImportSummary {
  dryRun: boolean;
  /** Communes whose boundary is new or different. */
  updated: string[];
  /** Communes whose boundary was already exactly this. */
  unchanged: string[];
  /** Active communes that still have no boundary after the import (their reports need a commune picked by hand). */
  stillWithout: string[];
}

/** At most this many problems are listed: a wrong code property fails every feature alike. */
const MAX_LISTED_PROBLEMS = 50;

interface FeatureProblem {
  code: string;
  params?: Record<string, string | number>;
}

export async function importCommuneBoundaries(
  db: Db,
  actor: AdminActor,
  input: CommuneBoundaryImport,
): Promise<CommuneBoundaryImportSummary> {
  assertAllowed(actor.ability, 'update', 'Commune');
  const communes = await db.commune.findMany({ select: { code: true, boundary: true, active: true } });
  const known = new Map(communes.map((c) => [c.code, c]));
  const boundaries = new Map<string, Prisma.InputJsonValue>();
  const problems: Record<string, FeatureProblem> = {};

  input.geojson.features.forEach((feature, index) => {
    const problem = featureProblem(feature, input.codeProperty, known, boundaries);
    if (problem) problems[`geojson.features.${index}`] = problem;
    else {
      const f = feature as { properties: Record<string, unknown>; geometry: Prisma.InputJsonValue };
      boundaries.set(String(f.properties[input.codeProperty]).trim(), f.geometry);
    }
  });
  const listed = Object.entries(problems).slice(0, MAX_LISTED_PROBLEMS);
  if (listed.length > 0) throw new AppError('VALIDATION_FAILED', {}, Object.fromEntries(listed));

  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const [code, geometry] of boundaries) {
    // Deep equality, not JSON text: PostgreSQL's jsonb keeps object keys in its own order.
    const same = isDeepStrictEqual(known.get(code)!.boundary, geometry);
    (same ? unchanged : updated).push(code);
  }
  const stillWithout = communes
    .filter((c) => c.active && c.boundary === null && !boundaries.has(c.code))
    .map((c) => c.code);
  const summary = {
    dryRun: input.dryRun,
    updated: updated.sort(),
    unchanged: unchanged.sort(),
    stillWithout: stillWithout.sort(),
  };
  if (input.dryRun || updated.length === 0) return summary;

  await db.$transaction(async (tx) => {
    for (const code of updated) await tx.commune.update({ where: { code }, data: { boundary: boundaries.get(code)! } });
    await auditChange(tx, actor, {
      action: 'config.import',
      subjectType: 'Commune',
      subjectId: 'boundaries',
      details: { updated, unchanged: unchanged.length, codeProperty: input.codeProperty },
    });
  });
  return summary;
}

function featureProblem(
  feature: unknown,
  codeProperty: string,
  known: ReadonlyMap<string, unknown>,
  seen: ReadonlyMap<string, unknown>,
): FeatureProblem | null {
  const f = feature as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown } | null;
  if (!f || typeof f !== 'object' || f.type !== 'Feature') return { code: 'not_a_feature' };
  const raw = f.properties?.[codeProperty];
  if (typeof raw !== 'string' && typeof raw !== 'number')
    return { code: 'feature_without_code', params: { property: codeProperty } };
  const code = String(raw).trim();
  if (!known.has(code)) return { code: 'unknown_commune', params: { value: code } };
  if (seen.has(code)) return { code: 'duplicate_commune', params: { value: code } };
  const geometryProblem = findAreaGeometryProblem(f.geometry);
  if (geometryProblem) return { code: 'invalid_boundary', params: { problem: geometryProblem.code, value: code } };
  return null;
}
