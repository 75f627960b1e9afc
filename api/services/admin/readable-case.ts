/** The case if the official may read it; otherwise "not found" (its existence is not theirs to know). */
import type { AppAbility } from '../../../domain/abilities';
import type { Db } from '../../../platform/db';
import { assertReadable, isUuid } from './admin-actor';

export async function readableCase(db: Db, ability: AppAbility, id: string) {
  const row = isUuid(id) ? await db.case.findUnique({ where: { id } }) : null;
  return assertReadable(ability, 'Case', row, id);
}
