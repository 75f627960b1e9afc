/**
 * "Deleting" a category deactivates it: cases keep referring to it, new reports are refused it,
 * and the seed would insert a deleted default again at the next start (docs/configuration.md).
 */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, type AdminActor } from './admin-actor';
import { adminCategory } from './find-categories';

export async function deleteCategory(db: Db, actor: AdminActor, code: string) {
  const before = assertReadable(actor.ability, 'Category', await db.category.findUnique({ where: { code } }), code);
  assertAllowed(actor.ability, 'delete', checked('Category', before));
  const row = before.active ? await db.category.update({ where: { code }, data: { active: false } }) : before;
  await auditChange(db, actor, {
    action: 'config.delete',
    subjectType: 'Category',
    subjectId: code,
    details: { deactivated: true },
  });
  return adminCategory(row);
}
