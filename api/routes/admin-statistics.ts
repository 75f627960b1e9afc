/**
 * GET /api/admin/statistics/{summary,by-unit,by-category,by-commune,trend,steps}: the
 * dashboard's figures (docs/statistics.md). CASL decides whose: `readStatistics` on Case gives
 * the IOC every unit and a leader their own units; asking for another unit is 403.
 */
import { Router, type Request } from 'express';
import { statisticsScope } from '../../domain/abilities';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import { authOf } from '../middleware/authenticate';
import {
  statisticsBy,
  statisticsSteps,
  statisticsSummary,
  statisticsTrend,
  type StatisticsOptions,
} from '../services/statistics/get-statistics';
import { completeFilter, statisticsFilter, trendQuery } from '../services/statistics/statistics-query';
import { parseInput } from '../validation';
import { sendRecord } from './admin/crud';

/** The reader's scope and the checked filter; 403 for a reader without statistics or another unit. */
export function statisticsOptions(req: Request, query: unknown = req.query): StatisticsOptions {
  const scope = statisticsScope(authOf(req).ability);
  if (scope === null) throw new AppError('FORBIDDEN');
  const filter = completeFilter(parseInput(statisticsFilter, query));
  if (filter.unitId && scope !== 'all' && !scope.includes(filter.unitId)) throw new AppError('FORBIDDEN');
  return { scope, filter };
}

export function adminStatisticsRoutes(db: Db): Router {
  const router = Router();
  router.get('/statistics/summary', async (req, res) => {
    sendRecord(res, await statisticsSummary(db, statisticsOptions(req)));
  });
  router.get('/statistics/by-unit', async (req, res) => {
    sendRecord(res, await statisticsBy(db, 'unit', statisticsOptions(req)));
  });
  router.get('/statistics/by-category', async (req, res) => {
    sendRecord(res, await statisticsBy(db, 'category', statisticsOptions(req)));
  });
  router.get('/statistics/by-commune', async (req, res) => {
    sendRecord(res, await statisticsBy(db, 'commune', statisticsOptions(req)));
  });
  router.get('/statistics/trend', async (req, res) => {
    const { interval, ...filter } = parseInput(trendQuery, req.query);
    sendRecord(res, await statisticsTrend(db, interval, statisticsOptions(req, filter)));
  });
  router.get('/statistics/steps', async (req, res) => {
    sendRecord(res, await statisticsSteps(db, statisticsOptions(req)));
  });
  return router;
}
