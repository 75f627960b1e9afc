/**
 * The HTTP application: thin routes over services, one error handler. Built from its
 * dependencies so tests run the same app against the same kind of real services.
 */
import type { Client, Connection } from '@temporalio/client';
import cookieParser from 'cookie-parser';
import express from 'express';
import type pg from 'pg';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { createMediaStorage, type MediaStorage } from '../platform/storage';
import { mediaLimitsFrom } from './media/receive-uploads';
import { createMetrics, mountPath } from './metrics';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { documentedOptions, methodNotAllowed } from './middleware/method-not-allowed';
import { buildOpenApiDocument } from './openapi/document';
import { acceptParsedBody, acceptUrlText } from './middleware/input-text';
import { requestLogger } from './middleware/request-logger';
import { sameOriginWrites } from './middleware/same-origin';
import {
  citizenCors,
  citizenRateLimiters,
  citizenRateLimitsFrom,
  securityHeaders,
  type CitizenRateLimits,
} from './middleware/security';
import { adminRoutes } from './routes/admin';
import { adminAppRoutes } from './routes/admin-app';
import { apiDocsRoutes } from './routes/api-docs';
import { authRoutes } from './routes/auth';
import { citizenAccountRoutes } from './routes/citizen-account';
import { citizenCaseActionRoutes } from './routes/citizen-case-actions';
import { citizenInfoFileRoutes } from './routes/citizen-info-files';
import { citizenNearbyRoutes } from './routes/citizen-nearby';
import { citizenReportRoutes } from './routes/citizen-reports';
import { citizenSubscriptionRoutes } from './routes/citizen-subscriptions';
import { citizenTrackingRoutes } from './routes/citizen-tracking';
import { directoryRoutes } from './routes/directory';
import { healthRoutes } from './routes/health';
import { iconRoutes } from './routes/icons';
import { mapSettingsRoutes } from './routes/map-settings';
import { mediaRoutes } from './routes/media';
import { open311ErrorHandler, open311Routes } from './routes/open311';
import { portalAppRoutes } from './routes/portal-app';
import { publicFeedRoutes } from './routes/public-feed';
import { publicStatisticsRoutes } from './routes/public-statistics';
import { temporalCodecRoutes } from './routes/temporal-codec';
import { readsOwnJsonBody } from './routes/admin/admin-communes';
import { CITIZEN_SESSION_COOKIE } from './services/citizen-accounts/citizen-sessions';
import { DEFAULT_SIGN_IN_CODE_LIMITS, type SignInCodeLimits } from './services/citizen-accounts/sign-in-codes';
import type { SearchFold } from './services/search-text';

export interface AppDependencies {
  config: Config;
  db: Db;
  pool: pg.Pool;
  temporal: Client;
  connection: Connection;
  logger: Logger;
  /** How searched text is folded (api/services/search-text.ts): one per process, made at start-up. */
  searchFold: SearchFold;
  /** Tests that log in many times from one address raise it. */
  loginRateLimit?: { limit: number; windowMs: number };
  /** Tests set their own citizen rate limits; default from the config (per hour). */
  citizenRateLimits?: Partial<CitizenRateLimits>;
  /** Media storage; default from the config (MEDIA_DIR, or S3 when S3_BUCKET is set). */
  storage?: MediaStorage;
  /** Tests shorten the per-phone limits of sign-in codes; default one a minute, five an hour. */
  signInCodeLimits?: SignInCodeLimits;
}

export function createApp({
  config,
  db,
  pool,
  temporal,
  connection,
  logger,
  searchFold,
  loginRateLimit,
  citizenRateLimits,
  storage = createMediaStorage(config),
  signInCodeLimits = DEFAULT_SIGN_IN_CODE_LIMITS,
}: AppDependencies): express.Express {
  const app = express();
  const documentedPaths = buildOpenApiDocument().paths as Record<string, Record<string, unknown>>;
  const limits = mediaLimitsFrom(config);
  const metrics = createMetrics();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For gives req.ip (rate limits, lockout, audit) and -Proto req.secure.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestLogger(logger));
  app.use(metrics.middleware);
  app.use(securityHeaders(config));
  app.use('/api/v1', citizenCors(config.PORTAL_ORIGINS));
  app.use(documentedOptions(documentedPaths));
  // Every route's path, query and JSON body: no control characters or broken Unicode, text in NFC.
  app.use(acceptUrlText);
  const limiters = citizenRateLimiters({ ...citizenRateLimitsFrom(config), ...citizenRateLimits });
  app.post('/api/v1/reports', limiters.reports);
  app.post(
    [
      '/api/v1/reports/:trackingCode/rating',
      '/api/v1/reports/:trackingCode/info',
      '/api/v1/reports/:trackingCode/withdraw',
      '/api/v1/reports/:trackingCode/media',
      '/api/v1/reports/:trackingCode/me-too',
    ],
    limiters.citizenActions,
  );
  app.post('/api/v1/citizen/otp', limiters.signInCodes);
  app.post('/api/v1/citizen/session', limiters.signIns);
  app.post('/api/v1/subscriptions', limiters.subscriptions);
  // Commune boundaries are large GeoJSON: their routes read their bodies after authentication,
  // with their own limit (api/routes/admin/admin-communes.ts); every other JSON body stays small.
  app.use(
    express.json({
      limit: '64kb',
      type: (req) => {
        const request = req as express.Request;
        return !readsOwnJsonBody(request) && Boolean(request.is('application/json'));
      },
    }),
  );
  app.use(cookieParser());
  app.use(['/api/admin', '/api/auth'], sameOriginWrites([config.PUBLIC_BASE_URL, ...config.BACK_OFFICE_ORIGINS]));
  // The citizen's session cookie (SameSite=Lax) also rides on same-site requests: writes that
  // carry it come from the portal's own pages only. Requests without it are left as they were.
  const portalWrites = sameOriginWrites([config.PUBLIC_BASE_URL, ...config.PORTAL_ORIGINS]);
  app.use('/api/v1', (req, res, next) => {
    if ((req.cookies as Record<string, unknown> | undefined)?.[CITIZEN_SESSION_COOKIE] === undefined) return next();
    portalWrites(req, res, next);
  });
  app.use(acceptParsedBody);

  app.use(
    healthRoutes(
      {
        pool,
        temporal,
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workerHeartbeatMs: config.WORKER_HEARTBEAT_MS,
      },
      metrics,
    ),
  );
  app.use(
    '/api/v1',
    mountPath('/api/v1'),
    citizenNearbyRoutes({ db, secret: config.APP_SECRET }), // before /reports/:trackingCode
    citizenTrackingRoutes({ db, secret: config.APP_SECRET }),
    citizenCaseActionRoutes({ db, temporal, secret: config.APP_SECRET }),
    citizenAccountRoutes({ db, config, logger, signInCodeLimits }),
    publicFeedRoutes(db),
    publicStatisticsRoutes(db),
  );
  app.use(
    '/api/v1',
    mountPath('/api/v1'),
    citizenReportRoutes({
      temporal,
      db,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      secret: config.APP_SECRET,
      storage,
      limits,
      provinceBounds: config.PROVINCE_BOUNDS,
    }),
    citizenInfoFileRoutes({ db, storage, limits, secret: config.APP_SECRET }),
    mediaRoutes({ db, config, storage }),
  );
  app.use('/api/v1', mountPath('/api/v1'), directoryRoutes(db), mapSettingsRoutes(config), iconRoutes());
  app.use(
    '/api/v1',
    mountPath('/api/v1'),
    citizenSubscriptionRoutes({
      db,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      pushServiceHosts: config.WEB_PUSH_SERVICE_HOSTS,
      vapidPublicKey: config.WEB_PUSH_VAPID_PUBLIC_KEY,
    }),
  );
  app.use('/api/auth', mountPath('/api/auth'), authRoutes({ db, config, loginRateLimit }));
  app.use('/api', mountPath('/api'), apiDocsRoutes());
  app.use('/api/admin', mountPath('/api/admin'), adminRoutes({ db, config, temporal, storage, limits, searchFold }));
  app.use('/api/temporal-codec', mountPath('/api/temporal-codec'), temporalCodecRoutes({ db, config, temporal }));
  app.use('/admin', mountPath('/admin'), adminAppRoutes());
  // Open311 clients get the spec's error shape, also for input refused before their router.
  app.use('/open311/v2', open311ErrorHandler);
  app.use(
    '/open311/v2',
    mountPath('/open311/v2'),
    open311Routes({
      temporal,
      db,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      secret: config.APP_SECRET,
      config,
      provinceBounds: config.PROVINCE_BOUNDS,
    }),
  );

  // The citizens' portal at /, last: every route above keeps priority (api/routes/portal-app.ts).
  app.use(portalAppRoutes());

  app.use(methodNotAllowed(documentedPaths));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
