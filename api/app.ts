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
import { createMetrics, mountPath } from './metrics';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { requestLogger } from './middleware/request-logger';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { citizenReportRoutes } from './routes/citizen-reports';
import { directoryRoutes } from './routes/directory';
import { healthRoutes } from './routes/health';

export interface AppDependencies {
  config: Config;
  db: Db;
  pool: pg.Pool;
  temporal: Client;
  connection: Connection;
  logger: Logger;
  /** Tests that log in many times from one address raise it. */
  loginRateLimit?: { limit: number; windowMs: number };
}

export function createApp({
  config,
  db,
  pool,
  temporal,
  connection,
  logger,
  loginRateLimit,
}: AppDependencies): express.Express {
  const app = express();
  const metrics = createMetrics();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogger(logger));
  app.use(metrics.middleware);
  app.use(express.json({ limit: '64kb' }));
  app.use(cookieParser());

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
    citizenReportRoutes({ temporal, db, taskQueue: config.TEMPORAL_TASK_QUEUE, secret: config.APP_SECRET }),
  );
  app.use('/api/v1', mountPath('/api/v1'), directoryRoutes(db));
  app.use('/api/auth', mountPath('/api/auth'), authRoutes({ db, config, loginRateLimit }));
  app.use('/api/admin', mountPath('/api/admin'), adminRoutes({ db, config, temporal }));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
