/** An administrator adds a category; its code is permanent (cases and rules refer to it). */
import type { Db } from '../../../platform/db';
import type { CaseLevel } from '../../../prisma/generated/client';
import { iconExists } from '../get-icon';
import { assertAllowed, auditChange, conflictOn, invalid, taken, type AdminActor } from './admin-actor';
import { adminCategory } from './find-categories';

export interface CategoryInput {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi?: string | null;
  descriptionEn?: string | null;
  icon: string;
  group: string;
  defaultLevel?: CaseLevel;
  sortOrder?: number;
  active?: boolean;
}

export async function createCategory(db: Db, actor: AdminActor, input: CategoryInput) {
  assertAllowed(actor.ability, 'create', 'Category');
  if (await db.category.findUnique({ where: { code: input.code }, select: { code: true } })) throw taken('code');
  // Citizens see the icon (GET /api/v1/icons/{name}.svg): a name it cannot serve is refused here.
  if (!(await iconExists(input.icon))) throw invalid('icon', 'unknown_icon', { name: input.icon });
  const row = await db.category.create({ data: input }).catch(conflictOn('code'));
  await auditChange(db, actor, {
    action: 'config.create',
    subjectType: 'Category',
    subjectId: row.code,
    details: { fields: Object.keys(input) },
  });
  return adminCategory(row);
}
