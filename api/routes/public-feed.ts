/**
 * What everyone may read under /api/v1 (docs/api-contract.md): the feed of published reports
 * (`{ items, page, pageSize, total }`) and the announcements in force (a JSON array).
 */
import { Router, type Response } from 'express';
import type { Db } from '../../platform/db';
import { requestLanguage } from '../i18n/language';
import { announcementQuery, findAnnouncements } from '../services/find-announcements';
import { findPublicReports, publicFeedQuery } from '../services/find-public-reports';
import { parseInput } from '../validation';

/** Public and the same for everyone; a minute old is fresh enough and spares the database. */
function cacheForAMinute(res: Response): void {
  res.setHeader('Cache-Control', 'public, max-age=60');
  res.vary('Accept-Language');
}

export function publicFeedRoutes(db: Db): Router {
  const router = Router();

  router.get('/reports', async (req, res) => {
    const query = parseInput(publicFeedQuery, req.query);
    const page = await findPublicReports(db, query, requestLanguage(req));
    cacheForAMinute(res);
    res.json(page);
  });

  router.get('/announcements', async (req, res) => {
    const query = parseInput(announcementQuery, req.query);
    const announcements = await findAnnouncements(db, query, requestLanguage(req), new Date());
    cacheForAMinute(res);
    res.json(announcements);
  });

  return router;
}
