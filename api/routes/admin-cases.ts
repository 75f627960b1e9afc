/** Cases in the back office (/api/admin/cases), read side; actions go through tasks (issue 4). */
import { Router } from 'express';
import { z } from 'zod';
import { parseListQuery, sendList } from '../list-query';
import { authOf } from '../middleware/authenticate';
import {
  ADMIN_CASE_SORTABLE,
  adminCaseFilter,
  findAdminCases,
  type CaseSearchDependencies,
} from '../services/find-admin-cases';
import { getAdminCase } from '../services/get-admin-case';
import { exportCases } from '../services/exports/export-cases';
import { sendExport } from '../services/exports/send-export';
import { EXPORT_FORMATS } from '../services/exports/table-file';
import { requestLanguage } from '../i18n/language';
import { parseInput } from '../validation';

/** The list's cursor: the previous page's `X-Next-Cursor`, for the page after it (api/list-cursor.ts). */
export const caseListCursor = z.object({ after: z.string().min(1).optional() });

/** The export's own parameter; sort and filter are the list's (range is not: every row is in the file). */
export const caseExportQuery = z.object({ format: z.enum(EXPORT_FORMATS) });

export function adminCaseRoutes(deps: CaseSearchDependencies): Router {
  const { db } = deps;
  const router = Router();

  router.get('/cases', async (req, res) => {
    const query = parseListQuery(req.query, {
      sortable: ADMIN_CASE_SORTABLE,
      defaultSort: ['createdAt', 'DESC'],
      filter: adminCaseFilter,
    });
    const { after } = parseInput(caseListCursor, { after: req.query.after });
    const { rows, total, totalEstimated, nextCursor } = await findAdminCases(deps, authOf(req).ability, {
      ...query,
      after,
    });
    if (nextCursor) res.setHeader('X-Next-Cursor', nextCursor);
    sendList(res, 'cases', query, rows, total, totalEstimated);
  });

  // Before /cases/:id, which would take "export" for an id.
  router.get('/cases/export', async (req, res) => {
    const { format } = parseInput(caseExportQuery, { format: req.query.format });
    const query = parseListQuery(req.query, {
      sortable: ADMIN_CASE_SORTABLE,
      defaultSort: ['createdAt', 'DESC'],
      filter: adminCaseFilter,
    });
    const auth = authOf(req);
    const table = await exportCases(
      deps,
      {
        ability: auth.ability,
        userId: auth.user.id,
        ip: req.ip,
        requestId: String(req.id),
        language: requestLanguage(req),
      },
      query,
      format,
    );
    const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Hà Tĩnh's date
    await sendExport(res, format, `phan-anh-${day}`, table);
  });

  router.get('/cases/:id', async (req, res) => {
    const auth = authOf(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await getAdminCase(
        db,
        { ability: auth.ability, userId: auth.user.id, ip: req.ip, requestId: String(req.id) },
        req.params.id,
      ),
    );
  });

  return router;
}
