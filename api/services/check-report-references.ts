/**
 * A report must name a category and commune the province knows, before its workflow starts:
 * the case row refers to both, and a report that cannot be stored must be refused at the door,
 * not retried forever by an activity.
 */
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';

export async function checkReportReferences(
  db: Db,
  report: { categoryCode: string; location: { communeCode?: string | null } },
): Promise<void> {
  const communeCode = report.location.communeCode ?? null;
  const [category, commune] = await Promise.all([
    db.category.findUnique({ where: { code: report.categoryCode }, select: { active: true } }),
    communeCode
      ? db.commune.findUnique({ where: { code: communeCode }, select: { active: true } })
      : Promise.resolve(null),
  ]);
  const fields: NonNullable<AppError['fields']> = {};
  if (!category?.active) fields.categoryCode = { code: 'unknown_category' };
  if (communeCode && !commune?.active) fields['location.communeCode'] = { code: 'unknown_commune' };
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
}
