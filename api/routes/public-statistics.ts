/**
 * GET /api/v1/statistics: the public transparency figures per unit and per category
 * (docs/statistics.md). Public, cached five minutes by browsers and proxies and a minute in
 * process; a client that has the current version gets 304.
 */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import { publicStatistics, publicStatisticsQuery } from '../services/statistics/get-public-statistics';
import { parseInput } from '../validation';

export function publicStatisticsRoutes(db: Db): Router {
  const router = Router();
  const answer = publicStatistics(db);
  router.get('/statistics', async (req, res) => {
    const { body, etag } = await answer(parseInput(publicStatisticsQuery, req.query));
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('ETag', etag);
    if (matches(req.get('If-None-Match'), etag)) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(body);
  });
  return router;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
