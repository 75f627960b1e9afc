/** An administrator adds a unit (a department, a commune's People's Committee, a utility). */
import { findAreaGeometryProblem } from '../../../domain/geo-index';
import type { Db } from '../../../platform/db';
import type { Prisma, UnitKind } from '../../../prisma/generated/client';
import { assertAllowed, auditChange, conflictOn, invalid, optionalJson, taken, type AdminActor } from './admin-actor';
import { adminUnit } from './find-units';

export interface UnitInput {
  code: string;
  name: string;
  nameEn?: string | null;
  kind: UnitKind;
  parentId?: string | null;
  communeCodes?: string[];
  boundary?: unknown;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  active?: boolean;
}

export async function createUnit(db: Db, actor: AdminActor, input: UnitInput) {
  assertAllowed(actor.ability, 'create', 'Unit');
  await checkUnitInput(db, input);
  if (await db.unit.findUnique({ where: { code: input.code }, select: { id: true } })) throw taken('code');
  const row = await db.unit
    .create({ data: unitData(input) as Prisma.UnitUncheckedCreateInput })
    .catch(conflictOn('code'));
  await auditChange(db, actor, {
    action: 'config.create',
    subjectType: 'Unit',
    subjectId: row.id,
    details: { code: row.code, fields: Object.keys(input) },
  });
  return adminUnit(row);
}

/** The references and the GeoJSON of a unit as it would be stored: 422 per field. */
export async function checkUnitInput(db: Db, input: Partial<UnitInput>, id?: string): Promise<void> {
  if (input.boundary != null) {
    const problem = findAreaGeometryProblem(input.boundary);
    if (problem) throw invalid('boundary', 'invalid_boundary', { problem: problem.code });
  }
  if (input.parentId) {
    const parent = await db.unit.findUnique({ where: { id: input.parentId }, select: { id: true } });
    if (!parent || input.parentId === id) throw invalid('parentId', 'unknown_unit');
  }
  if (input.communeCodes?.length) {
    const known = await db.commune.count({ where: { code: { in: input.communeCodes } } });
    if (known !== new Set(input.communeCodes).size) throw invalid('communeCodes', 'unknown_commune');
  }
}

export function unitData(input: Partial<UnitInput>) {
  const { boundary, ...rest } = input;
  return { ...rest, ...(boundary !== undefined && { boundary: optionalJson(boundary) }) };
}
