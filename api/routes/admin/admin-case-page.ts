/**
 * What the case page needs besides the case: GET /cases/:id/timeline, /cases/:id/media,
 * /cases/:id/similar?radiusMeters=500&days=30&limit=20, /cases/:id/routing-suggestion.
 * Lists answer a JSON array with Content-Range, like every list here. A case the official may
 * not read is 404.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { sendList } from '../../list-query';
import { findCaseMedia } from '../../services/admin/find-case-media';
import { findCaseTimeline } from '../../services/admin/find-case-timeline';
import { findSimilarCases } from '../../services/admin/find-similar-cases';
import { getRoutingSuggestion } from '../../services/admin/get-routing-suggestion';
import { parseInput } from '../../validation';
import { actorOf, idOf, sendRecord } from './crud';

export const similarQuery = z
  .object({
    radiusMeters: z.coerce.number().int().min(10).max(5000).default(500),
    days: z.coerce.number().int().min(1).max(365).default(30),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export function adminCasePageRoutes(db: Db): Router {
  const router = Router();
  const all = { skip: 0 };
  router.get('/cases/:id/timeline', async (req, res) => {
    const rows = await findCaseTimeline(db, actorOf(req), idOf(req));
    sendList(res, 'timeline', all, rows, rows.length);
  });
  router.get('/cases/:id/media', async (req, res) => {
    const rows = await findCaseMedia(db, actorOf(req), idOf(req));
    sendList(res, 'media', all, rows, rows.length);
  });
  router.get('/cases/:id/similar', async (req, res) => {
    const query = parseInput(similarQuery, req.query);
    const rows = await findSimilarCases(db, actorOf(req), idOf(req), query);
    sendList(res, 'cases', all, rows, rows.length);
  });
  router.get('/cases/:id/routing-suggestion', async (req, res) => {
    sendRecord(res, await getRoutingSuggestion(db, actorOf(req), idOf(req)));
  });
  return router;
}
