/**
 * /api/admin/announcements (ra-data-simple-rest): list with filters unitId, kind, severity,
 * published, communeCode, q; GET/POST/PUT/DELETE; and two actions:
 * POST /announcements/:id/publish   → the record + { alertsQueued } (critical disaster posts alert
 *                                     their area's subscribers)
 * POST /announcements/:id/unpublish → the record + { alertsCancelled }
 */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import { deleteAnnouncement } from '../services/announcements/delete-announcement';
import {
  adminAnnouncementFilter,
  ANNOUNCEMENT_SORTABLE,
  findAdminAnnouncements,
  getAdminAnnouncement,
} from '../services/announcements/find-admin-announcements';
import { publishAnnouncement, unpublishAnnouncement } from '../services/announcements/publish-announcement';
import {
  announcementInput,
  announcementPatch,
  createAnnouncement,
  updateAnnouncement,
} from '../services/announcements/save-announcement';
import { parseInput } from '../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './admin/crud';

export function adminAnnouncementRoutes(db: Db, publicBaseUrl: string): Router {
  const router = Router();
  router.get(
    '/announcements',
    listHandler(
      'announcements',
      { sortable: ANNOUNCEMENT_SORTABLE, defaultSort: ['createdAt', 'DESC'], filter: adminAnnouncementFilter },
      (actor, query) => findAdminAnnouncements(db, actor, query),
    ),
  );
  router.get('/announcements/:id', async (req, res) => {
    sendRecord(res, await getAdminAnnouncement(db, actorOf(req), idOf(req)));
  });
  router.post('/announcements', mayEver('create', 'Announcement'), async (req, res) => {
    sendRecord(res, await createAnnouncement(db, actorOf(req), parseInput(announcementInput, req.body)), 201);
  });
  router.put('/announcements/:id', mayEver('update', 'Announcement'), async (req, res) => {
    sendRecord(res, await updateAnnouncement(db, actorOf(req), idOf(req), parseInput(announcementPatch, req.body)));
  });
  router.delete('/announcements/:id', mayEver('delete', 'Announcement'), async (req, res) => {
    sendRecord(res, await deleteAnnouncement(db, actorOf(req), idOf(req)));
  });
  router.post('/announcements/:id/publish', mayEver('update', 'Announcement'), async (req, res) => {
    sendRecord(res, await publishAnnouncement(db, actorOf(req), idOf(req), publicBaseUrl));
  });
  router.post('/announcements/:id/unpublish', mayEver('update', 'Announcement'), async (req, res) => {
    sendRecord(res, await unpublishAnnouncement(db, actorOf(req), idOf(req)));
  });
  return router;
}
