/**
 * /api/admin/notifications: the outbox (read-only list and record). Officials see their own
 * in-app notifications (filter { "mine": true }) and mark them read with POST /:id/read; the IOC
 * reads the whole outbox; administrators send a failed one again with POST /:id/retry.
 */
import { Router } from 'express';
import type { Db } from '../../../platform/db';
import { findNotifications, NOTIFICATION_SORTABLE, notificationFilter } from '../../services/admin/find-notifications';
import { getNotification } from '../../services/admin/get-notification';
import { readNotification } from '../../services/admin/read-notification';
import { retryNotification } from '../../services/admin/retry-notification';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

export function adminNotificationRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/notifications',
    listHandler(
      'notifications',
      { sortable: NOTIFICATION_SORTABLE, defaultSort: ['createdAt', 'DESC'], filter: notificationFilter },
      (actor, query) => findNotifications(db, actor, query),
    ),
  );
  router.get('/notifications/:id', async (req, res) => {
    sendRecord(res, await getNotification(db, actorOf(req), idOf(req)));
  });
  router.post('/notifications/:id/retry', mayEver('retry', 'Notification'), async (req, res) => {
    sendRecord(res, await retryNotification(db, actorOf(req), idOf(req)));
  });
  router.post('/notifications/:id/read', async (req, res) => {
    sendRecord(res, await readNotification(db, actorOf(req), idOf(req)));
  });
  return router;
}
