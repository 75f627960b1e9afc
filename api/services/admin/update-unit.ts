/**
 * A unit's details change. Field by field: an administrator may change everything, a unit admin
 * only the contact details (phone, email, address) of their own unit (domain/abilities.ts).
 * react-admin sends the whole record back, so only the fields that differ are checked.
 */
import type { Db } from '../../../platform/db';
import type { Prisma } from '../../../prisma/generated/client';
import {
  assertAllowed,
  assertReadable,
  auditChange,
  changedFields,
  checked,
  conflictOn,
  isUuid,
  taken,
  type AdminActor,
} from './admin-actor';
import { checkUnitInput, unitData, type UnitInput } from './create-unit';
import { adminUnit } from './find-units';

export async function updateUnit(db: Db, actor: AdminActor, id: string, input: Partial<UnitInput>) {
  const before = assertReadable(
    actor.ability,
    'Unit',
    isUuid(id) ? await db.unit.findUnique({ where: { id } }) : null,
    id,
  );
  const fields = changedFields(before, input);
  for (const field of fields) assertAllowed(actor.ability, 'update', checked('Unit', before), field);
  if (fields.length === 0) return adminUnit(before);
  const patch = Object.fromEntries(fields.map((field) => [field, input[field]])) as Partial<UnitInput>;
  await checkUnitInput(db, patch, id);
  if (patch.code && (await db.unit.findFirst({ where: { code: patch.code, id: { not: id } }, select: { id: true } })))
    throw taken('code');
  const row = await db.unit
    .update({ where: { id }, data: unitData(patch) as Prisma.UnitUncheckedUpdateInput })
    .catch(conflictOn('code'));
  await auditChange(db, actor, { action: 'config.update', subjectType: 'Unit', subjectId: id, details: { fields } });
  return adminUnit(row);
}
