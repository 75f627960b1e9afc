/** An administrator deletes a reply template (a seeded one comes back at the next start: deactivate it instead). */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from './admin-actor';
import { adminTemplate } from './find-templates';

export async function deleteTemplate(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.replyTemplate.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'ReplyTemplate', row, id);
  assertAllowed(actor.ability, 'delete', checked('ReplyTemplate', before));
  await db.replyTemplate.delete({ where: { id } });
  await auditChange(db, actor, {
    action: 'config.delete',
    subjectType: 'ReplyTemplate',
    subjectId: id,
    details: { code: before.code },
  });
  return adminTemplate(before);
}
