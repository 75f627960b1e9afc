import type { Db } from '../../../platform/db';
import { assertReadable, isUuid, type AdminActor } from './admin-actor';
import { adminTemplate } from './find-templates';

export async function getTemplate(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.replyTemplate.findUnique({ where: { id } }) : null;
  return adminTemplate(assertReadable(actor.ability, 'ReplyTemplate', row, id));
}
