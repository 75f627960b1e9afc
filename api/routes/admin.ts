/**
 * The back-office API under /api/admin. One gate for all of it: a live session, a password that
 * need not be changed first, and the official's ability built once (middleware/authenticate.ts).
 */
import { Router } from 'express';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import type { MediaLimits } from '../media/receive-uploads';
import { authenticate, requireOfficial } from '../middleware/authenticate';
import type { LogInDependencies } from '../services/log-in';
import type { Client } from '@temporalio/client';
import { adminCaseMediaRoutes } from './admin-case-media';
import { adminCaseRoutes } from './admin-cases';
import { adminTaskRoutes } from './admin-tasks';

export function adminRoutes(
  deps: LogInDependencies & { db: Db; temporal: Client; storage: MediaStorage; limits: MediaLimits },
): Router {
  const router = Router();
  router.use(authenticate(deps), requireOfficial());
  router.use(adminCaseRoutes(deps.db));
  router.use(adminCaseMediaRoutes(deps));
  router.use(adminTaskRoutes(deps));
  return router;
}
