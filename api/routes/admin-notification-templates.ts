/**
 * /api/admin/notification-templates (ra-data-simple-rest): the wording of every notification,
 * one record per event and locale, id "<event>.<locale>" (api/services/notifications/
 * notification-templates.ts has the record's shape). No create: the events are the platform's.
 * GET (list, filters event, locale, audience, edited, q) · GET /:id · PUT /:id {subject, body,
 * shortBody} · DELETE /:id (back to the default; answers the default) ·
 * POST /:id/preview {subject?, body?, shortBody?, variables?} → {subject, body, html, shortBody, …}.
 */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import {
  findNotificationTemplates,
  getNotificationTemplate,
  NOTIFICATION_TEMPLATE_SORTABLE,
  notificationTemplateFilter,
  resetNotificationTemplate,
  templateInput,
  updateNotificationTemplate,
} from '../services/notifications/notification-templates';
import { previewInput, previewNotificationTemplate } from '../services/notifications/preview-notification-template';
import { parseInput } from '../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './admin/crud';

export function adminNotificationTemplateRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/notification-templates',
    listHandler(
      'notification-templates',
      { sortable: NOTIFICATION_TEMPLATE_SORTABLE, defaultSort: ['id', 'ASC'], filter: notificationTemplateFilter },
      (actor, query) => findNotificationTemplates(db, actor, query),
    ),
  );
  router.get('/notification-templates/:id', async (req, res) => {
    sendRecord(res, await getNotificationTemplate(db, actorOf(req), idOf(req)));
  });
  router.put('/notification-templates/:id', mayEver('update', 'NotificationTemplate'), async (req, res) => {
    const body = req.body as Record<string, unknown>;
    // react-admin sends the whole record back: only the texts are editable.
    const input = parseInput(templateInput, { subject: body?.subject, body: body?.body, shortBody: body?.shortBody });
    sendRecord(res, await updateNotificationTemplate(db, actorOf(req), idOf(req), input));
  });
  router.delete('/notification-templates/:id', mayEver('update', 'NotificationTemplate'), async (req, res) => {
    sendRecord(res, await resetNotificationTemplate(db, actorOf(req), idOf(req)));
  });
  router.post('/notification-templates/:id/preview', async (req, res) => {
    sendRecord(
      res,
      await previewNotificationTemplate(db, actorOf(req), idOf(req), parseInput(previewInput, req.body ?? {})),
    );
  });
  return router;
}
