/** Cases in the back office (/api/admin/cases), read side; actions go through tasks (issue 4). */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import { parseListQuery, sendList } from '../list-query';
import { authOf } from '../middleware/authenticate';
import { ADMIN_CASE_SORTABLE, adminCaseFilter, findAdminCases } from '../services/find-admin-cases';
import { getAdminCase } from '../services/get-admin-case';

export function adminCaseRoutes(db: Db): Router {
  const router = Router();

  router.get('/cases', async (req, res) => {
    const query = parseListQuery(req.query, {
      sortable: ADMIN_CASE_SORTABLE,
      defaultSort: ['createdAt', 'DESC'],
      filter: adminCaseFilter,
    });
    const { rows, total, totalEstimated } = await findAdminCases(db, authOf(req).ability, query);
    sendList(res, 'cases', query, rows, total, totalEstimated);
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
