/** An administrator edits a category; the code cannot change (it is the id cases refer to). */
import type { Db } from '../../../platform/db';
import { iconExists } from '../get-icon';
import {
  assertAllowed,
  assertReadable,
  auditChange,
  changedFields,
  checked,
  invalid,
  type AdminActor,
} from './admin-actor';
import type { CategoryInput } from './create-category';
import { adminCategory } from './find-categories';

export async function updateCategory(db: Db, actor: AdminActor, code: string, input: Partial<CategoryInput>) {
  const before = assertReadable(actor.ability, 'Category', await db.category.findUnique({ where: { code } }), code);
  assertAllowed(actor.ability, 'update', checked('Category', before));
  if (input.code !== undefined && input.code !== code) throw invalid('code', 'immutable');
  // A new icon must be one citizens can be shown; an unchanged one is left alone.
  if (input.icon !== undefined && input.icon !== before.icon && !(await iconExists(input.icon)))
    throw invalid('icon', 'unknown_icon', { name: input.icon });
  const { code: _code, ...patch } = input;
  const fields = changedFields(before, patch);
  if (fields.length === 0) return adminCategory(before);
  const row = await db.category.update({ where: { code }, data: patch });
  await auditChange(db, actor, {
    action: 'config.update',
    subjectType: 'Category',
    subjectId: code,
    details: { fields },
  });
  return adminCategory(row);
}
