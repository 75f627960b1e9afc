/** An administrator adds a reply template (Vietnamese and English, with {{variables}}). */
import { unknownVariables } from '../../../domain/reply-letters';
import type { Db } from '../../../platform/db';
import { assertAllowed, auditChange, conflictOn, invalid, taken, type AdminActor } from './admin-actor';
import { adminTemplate } from './find-templates';

export interface TemplateInput {
  code: string;
  purpose: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  active?: boolean;
}

/** 422 naming a {{variable}} no letter has (a typo would reach a citizen as written). */
export function checkLetterVariables(input: Partial<TemplateInput>): void {
  for (const field of ['titleVi', 'titleEn', 'bodyVi', 'bodyEn'] as const) {
    const [unknown] = unknownVariables(input[field] ?? '');
    if (unknown !== undefined) throw invalid(field, 'unknown_variable', { name: unknown });
  }
}

export async function createTemplate(db: Db, actor: AdminActor, input: TemplateInput) {
  assertAllowed(actor.ability, 'create', 'ReplyTemplate');
  checkLetterVariables(input);
  if (await db.replyTemplate.findUnique({ where: { code: input.code }, select: { id: true } })) throw taken('code');
  const row = await db.replyTemplate.create({ data: input }).catch(conflictOn('code'));
  await auditChange(db, actor, {
    action: 'config.create',
    subjectType: 'ReplyTemplate',
    subjectId: row.id,
    details: { code: row.code, fields: Object.keys(input) },
  });
  return adminTemplate(row);
}
