/**
 * The monthly schedule's work: every active unit's report for a month (api/services/exports/
 * monthly-report.ts), stored in media storage and listed in MonthlyReport. Idempotent: a retried or
 * re-run month overwrites the same key and row, so there is one report per unit and month.
 */
import { buildMonthlyReport } from '../api/services/exports/monthly-report';
import { EXPORT_CONTENT_TYPES } from '../api/services/exports/table-file';
import type { Db } from '../platform/db';
import type { MediaStorage } from '../platform/storage';

export interface MonthlyReportsInput {
  /** yyyy-mm. */
  month: string;
}

export const monthlyReportKey = (month: string, unitCode: string) =>
  `reports/monthly/${month}/${unitCode.toLowerCase()}.xlsx`;

export async function generateMonthlyReports(
  deps: { db: Db; storage: MediaStorage | undefined },
  { month }: MonthlyReportsInput,
): Promise<{ month: string; units: number }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new TypeError(`not a month: ${JSON.stringify(month)}`);
  if (!deps.storage) throw new Error('the worker has no media storage for monthly reports');
  const units = await deps.db.unit.findMany({ where: { active: true }, orderBy: { code: 'asc' } });
  for (const unit of units) {
    const report = await buildMonthlyReport(deps.db, { unitId: unit.id, month, scope: 'all' });
    const storageKey = monthlyReportKey(month, unit.code);
    await deps.storage.put(storageKey, report.buffer, EXPORT_CONTENT_TYPES.xlsx, report.buffer.length);
    await deps.db.monthlyReport.upsert({
      where: { unitId_month: { unitId: unit.id, month } },
      create: { unitId: unit.id, month, storageKey, size: report.buffer.length },
      update: { storageKey, size: report.buffer.length },
    });
  }
  return { month, units: units.length };
}
