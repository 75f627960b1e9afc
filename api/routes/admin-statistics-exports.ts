/**
 * The dashboard's tables as files (GET /api/admin/statistics/export?table=…&format=xlsx|csv, with
 * the statistics filters) and a unit's monthly report in the province's layout
 * (GET /api/admin/reports/monthly?unitId&month=yyyy-mm), and the reports the monthly schedule
 * stored (GET /api/admin/monthly-reports, …/{id}/file). Same CASL scope as the statistics API:
 * a leader exports their own unit's figures only.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import { AppError } from '../../platform/app-error';
import { statisticsScope } from '../../domain/abilities';
import { requestLanguage } from '../i18n/language';
import { authOf } from '../middleware/authenticate';
import { buildMonthlyReport, monthlyReportQuery, reportMonth } from '../services/exports/monthly-report';
import { sendExport } from '../services/exports/send-export';
import { STATISTICS_TABLES, statisticsRowsTable, statisticsStepsTable } from '../services/exports/statistics-tables';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS } from '../services/exports/table-file';
import { recordAudit } from '../services/record-audit';
import { statisticsBy, statisticsSteps, statisticsTrend } from '../services/statistics/get-statistics';
import { statisticsFilter } from '../services/statistics/statistics-query';
import { parseInput } from '../validation';
import { statisticsOptions } from './admin-statistics';

export const statisticsExportQuery = statisticsFilter
  .extend({
    table: z.enum(STATISTICS_TABLES),
    format: z.enum(EXPORT_FORMATS),
    /** For table=trend only; by month unless said. */
    interval: z.enum(['week', 'month']).optional(),
  })
  .strict();

export const monthlyReportList = z
  .object({
    month: reportMonth.optional(),
  })
  .strict();

/** The units whose stored reports the official may read; null: none (403). */
function reportScope(req: Parameters<typeof authOf>[0]) {
  const scope = statisticsScope(authOf(req).ability);
  if (scope === null) throw new AppError('FORBIDDEN');
  return scope === 'all' ? {} : { unitId: { in: scope } };
}

export function adminStatisticsExportRoutes(db: Db, storage: MediaStorage): Router {
  const router = Router();

  router.get('/statistics/export', async (req, res) => {
    const { table, format, interval, ...filter } = parseInput(statisticsExportQuery, req.query);
    const options = statisticsOptions(req, filter);
    const language = requestLanguage(req);
    const file =
      table === 'steps'
        ? statisticsStepsTable((await statisticsSteps(db, options)).rows, language)
        : table === 'trend'
          ? statisticsRowsTable(table, (await statisticsTrend(db, interval ?? 'month', options)).rows, language)
          : statisticsRowsTable(table, (await statisticsBy(db, table.slice(3) as 'unit', options)).rows, language);
    const { from, to } = options.filter;
    await sendExport(res, format, `thong-ke-${table}-${from}-${to}`, file);
  });

  router.get('/reports/monthly', async (req, res) => {
    const query = parseInput(monthlyReportQuery, req.query);
    const { scope } = statisticsOptions(req, {});
    const report = await buildMonthlyReport(db, { ...query, scope });
    const auth = authOf(req);
    await recordAudit(db, {
      actorKind: 'official',
      actorId: auth.user.id,
      action: 'export_monthly_report',
      subjectType: 'Unit',
      subjectId: query.unitId,
      ip: req.ip ?? null,
      requestId: String(req.id),
      details: { month: query.month },
    });
    res.setHeader('Content-Type', EXPORT_CONTENT_TYPES.xlsx);
    res.setHeader('Content-Disposition', `attachment; filename="${report.name}.xlsx"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(report.buffer);
  });

  /** The stored monthly reports, newest month first, with the unit's name. */
  router.get('/monthly-reports', async (req, res) => {
    const { month } = parseInput(monthlyReportList, req.query);
    const rows = await db.monthlyReport.findMany({
      where: { ...reportScope(req), ...(month && { month }) },
      orderBy: [{ month: 'desc' }, { unitId: 'asc' }],
      take: 500,
    });
    const units = await db.unit.findMany({ where: { id: { in: rows.map((r) => r.unitId) } } });
    const name = new Map(units.map((u) => [u.id, u.name]));
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      rows.map((r) => ({
        id: r.id,
        unitId: r.unitId,
        unitName: name.get(r.unitId) ?? null,
        month: r.month,
        size: r.size,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
    );
  });

  router.get('/monthly-reports/:id/file', async (req, res) => {
    const id = parseInput(z.object({ id: z.string().uuid() }), req.params).id;
    const row = await db.monthlyReport.findFirst({ where: { id, ...reportScope(req) } });
    if (!row) throw new AppError('NOT_FOUND');
    const unit = await db.unit.findUniqueOrThrow({ where: { id: row.unitId } });
    const stored = await storage.get(row.storageKey);
    res.setHeader('Content-Type', EXPORT_CONTENT_TYPES.xlsx);
    res.setHeader('Content-Disposition', `attachment; filename="bao-cao-thang-${row.month}-${unit.code}.xlsx"`);
    res.setHeader('Cache-Control', 'no-store');
    stored.body.pipe(res);
  });

  return router;
}
