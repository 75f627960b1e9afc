/** An administrator edits a reply template. */
import type { Db } from '../../../platform/db';
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
import { checkLetterVariables, type TemplateInput } from './create-template';
import { adminTemplate } from './find-templates';

export async function updateTemplate(db: Db, actor: AdminActor, id: string, input: Partial<TemplateInput>) {
  const row = isUuid(id) ? await db.replyTemplate.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'ReplyTemplate', row, id);
  assertAllowed(actor.ability, 'update', checked('ReplyTemplate', before));
  checkLetterVariables(input);
  const fields = changedFields(before, input);
  if (fields.length === 0) return adminTemplate(before);
  const patch = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<TemplateInput>;
  if (patch.code && (await db.replyTemplate.findFirst({ where: { code: patch.code, id: { not: id } } })))
    throw taken('code');
  const updated = await db.replyTemplate.update({ where: { id }, data: patch }).catch(conflictOn('code'));
  await auditChange(db, actor, {
    action: 'config.update',
    subjectType: 'ReplyTemplate',
    subjectId: id,
    details: { fields },
  });
  return adminTemplate(updated);
}
