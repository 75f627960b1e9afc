import type { Db } from '../../../platform/db';
import { assertReadable, type AdminActor } from './admin-actor';
import { adminCategory } from './find-categories';

export async function getCategory(db: Db, actor: AdminActor, code: string) {
  const row = await db.category.findUnique({ where: { code } });
  return adminCategory(assertReadable(actor.ability, 'Category', row, code));
}
