/**
 * An administrator edits a commune: its name, kind, order, whether it is offered, and its boundary
 * (GeoJSON Polygon or MultiPolygon, WGS84), from which a report's commune is found from its point.
 * The code cannot change: cases, units and routing rules refer to it.
 */
import { findAreaGeometryProblem } from '../../../domain/geo-index';
import type { Db } from '../../../platform/db';
import type { CommuneKind } from '../../../prisma/generated/client';
import {
  assertAllowed,
  assertReadable,
  auditChange,
  changedFields,
  checked,
  invalid,
  optionalJson,
  type AdminActor,
} from './admin-actor';
import { adminCommune } from './find-communes';

export interface CommuneInput {
  code: string;
  name: string;
  kind: CommuneKind;
  active: boolean;
  sortOrder: number;
  boundary: unknown;
}

export async function updateCommune(db: Db, actor: AdminActor, code: string, input: Partial<CommuneInput>) {
  const before = assertReadable(actor.ability, 'Commune', await db.commune.findUnique({ where: { code } }), code);
  assertAllowed(actor.ability, 'update', checked('Commune', before));
  if (input.code !== undefined && input.code !== code) throw invalid('code', 'immutable');
  if (input.boundary != null) {
    const problem = findAreaGeometryProblem(input.boundary);
    if (problem) throw invalid('boundary', 'invalid_boundary', { problem: problem.code });
  }
  const { code: _code, boundary, ...rest } = input;
  const fields = changedFields(before, { ...rest, boundary });
  if (fields.length === 0) return adminCommune(before);
  const row = await db.commune.update({
    where: { code },
    data: { ...rest, ...(boundary !== undefined && { boundary: optionalJson(boundary) }) },
  });
  await auditChange(db, actor, {
    action: 'config.update',
    subjectType: 'Commune',
    subjectId: code,
    details: { fields },
  });
  return adminCommune(row);
}
