/**
 * GET /api/v1/citizen/reports: the signed-in citizen's reports, newest first, paged, with what
 * the portal's "my reports" shows and the actions the reporter may take now. Only the account's
 * own cases are read (Case.citizenId): another citizen's never appear.
 */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Language } from '../../i18n/language';
import { statusLabel } from '../../i18n/status-labels';
import { allowedActions } from '../get-report';

export const citizenReportsQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export async function findCitizenReports(
  db: Db,
  citizenId: string,
  query: z.infer<typeof citizenReportsQuery>,
  language: Language,
) {
  const where = { citizenId };
  const [rows, total] = await Promise.all([
    db.case.findMany({
      where,
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        trackingCode: true,
        status: true,
        step: true,
        description: true,
        address: true,
        receivedAt: true,
        category: { select: { code: true, nameVi: true, nameEn: true } },
      },
    }),
    db.case.count({ where }),
  ]);
  return {
    items: rows.map((row) => ({
      trackingCode: row.trackingCode,
      status: row.status,
      step: row.step,
      statusLabel: statusLabel(row.status, language),
      category: { code: row.category.code, name: language === 'en' ? row.category.nameEn : row.category.nameVi },
      description: row.description,
      address: row.address,
      createdAt: row.receivedAt.toISOString(),
      allowedActions: allowedActions(row),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
