/** /api/admin/audit-log: read-only, for supervisors and administrators (filters actorId, action, caseId, from, to). */
import { Router } from 'express';
import type { Db } from '../../../platform/db';
import { AUDIT_LOG_SORTABLE, auditLogFilter, findAuditLog } from '../../services/admin/find-audit-log';
import { getAuditEntry } from '../../services/admin/get-audit-entry';
import { actorOf, idOf, listHandler, sendRecord } from './crud';

export function adminAuditLogRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/audit-log',
    listHandler(
      'audit-log',
      { sortable: AUDIT_LOG_SORTABLE, defaultSort: ['at', 'DESC'], filter: auditLogFilter },
      (actor, query) => findAuditLog(db, actor, query),
    ),
  );
  router.get('/audit-log/:id', async (req, res) => {
    sendRecord(res, await getAuditEntry(db, actorOf(req), idOf(req)));
  });
  return router;
}
