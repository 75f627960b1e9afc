/**
 * The back-office API under /api/admin. One gate for all of it: a live session, a password that
 * need not be changed first, and the official's ability built once (middleware/authenticate.ts).
 */
import { Router } from 'express';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import type { MediaLimits } from '../media/receive-uploads';
import { authenticate, requireOfficial } from '../middleware/authenticate';
import type { LogInDependencies } from '../services/log-in';
import type { Client } from '@temporalio/client';
import { adminAnnouncementRoutes } from './admin-announcements';
import { adminCaseMediaRoutes } from './admin-case-media';
import { adminCaseProcessRoutes } from './admin-case-process';
import { adminCaseRoutes } from './admin-cases';
import { adminIntakeRoutes } from './admin-intake';
import { adminNotificationStreamRoutes } from './admin-notification-stream';
import { adminNotificationTemplateRoutes } from './admin-notification-templates';
import { adminProcessSummaryRoutes } from './admin-process-summary';
import { adminStatisticsExportRoutes } from './admin-statistics-exports';
import { adminStatisticsRoutes } from './admin-statistics';
import { adminTaskRoutes } from './admin-tasks';
import { adminApiKeyRoutes } from './admin/admin-api-keys';
import { adminAuditLogRoutes } from './admin/admin-audit-log';
import { adminCalendarRoutes } from './admin/admin-calendars';
import { adminCasePageRoutes } from './admin/admin-case-page';
import { adminCategoryRoutes } from './admin/admin-categories';
import { adminCommuneRoutes } from './admin/admin-communes';
import { adminConfigurationWarningRoutes } from './admin/admin-configuration-warnings';
import { adminNotificationRoutes } from './admin/admin-notifications';
import { adminRoutingRuleRoutes } from './admin/admin-routing-rules';
import { adminSlaPolicyRoutes } from './admin/admin-sla-policies';
import { adminTaskCountRoutes } from './admin/admin-task-counts';
import { adminTemplateRoutes } from './admin/admin-templates';
import { adminUnitRoutes } from './admin/admin-units';
import { adminUserRoutes } from './admin/admin-users';
import type { SearchFold } from '../services/search-text';

export function adminRoutes(
  deps: LogInDependencies & {
    db: Db;
    temporal: Client;
    storage: MediaStorage;
    limits: MediaLimits;
    searchFold: SearchFold;
  } & {
    config: Pick<
      Config,
      'NOTIFY_STREAM_POLL_MS' | 'PUBLIC_BASE_URL' | 'PROVINCE_BOUNDS' | 'TEMPORAL_TASK_QUEUE' | 'APP_SECRET'
    >;
  },
): Router {
  const router = Router();
  router.use(authenticate(deps), requireOfficial());
  router.use(adminCaseRoutes(deps));
  router.use(adminCaseProcessRoutes(deps));
  router.use(adminProcessSummaryRoutes(deps.db));
  router.use(adminStatisticsRoutes(deps.db));
  router.use(adminStatisticsExportRoutes(deps.db, deps.storage));
  router.use(adminCasePageRoutes(deps.db));
  router.use(adminCaseMediaRoutes(deps));
  router.use(
    adminIntakeRoutes({
      temporal: deps.temporal,
      db: deps.db,
      taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
      secret: deps.config.APP_SECRET,
      storage: deps.storage,
      limits: deps.limits,
      provinceBounds: deps.config.PROVINCE_BOUNDS,
    }),
  );
  router.use(adminTaskCountRoutes(deps.db)); // before /tasks/:id
  router.use(adminTaskRoutes(deps));
  router.use(adminUnitRoutes(deps.db));
  router.use(adminUserRoutes(deps.db));
  router.use(adminCategoryRoutes(deps.db));
  router.use(adminCommuneRoutes(deps.db));
  router.use(adminConfigurationWarningRoutes(deps.db));
  router.use(adminRoutingRuleRoutes(deps.db, deps.config.PROVINCE_BOUNDS));
  router.use(adminSlaPolicyRoutes(deps.db));
  router.use(adminCalendarRoutes(deps.db));
  router.use(adminTemplateRoutes(deps.db));
  router.use(adminApiKeyRoutes(deps.db));
  // The bell (stream, unread count, read-all) before /notifications/:id.
  router.use(adminNotificationStreamRoutes(deps.db, { pollMs: deps.config.NOTIFY_STREAM_POLL_MS }));
  router.use(adminNotificationRoutes(deps.db));
  router.use(adminNotificationTemplateRoutes(deps.db));
  router.use(adminAnnouncementRoutes(deps.db, deps.config.PUBLIC_BASE_URL));
  router.use(adminAuditLogRoutes(deps.db));
  return router;
}
