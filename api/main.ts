/**
 * API process: serves HTTP on PORT; on SIGINT/SIGTERM stops accepting connections, finishes
 * the requests in flight (up to the grace time), closes its clients and exits.
 */
import type { Server } from 'node:http';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { createTemporalClient } from '../platform/temporal';
import { createApp } from './app';
import { createSearchFold } from './services/search-text';

function main(): void {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'api' });
  const { db, pool } = createDb({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, logger });
  const { client: temporal, connection } = createTemporalClient({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    payloadKeys: config.TEMPORAL_PAYLOAD_KEYS,
  });
  const searchFold = createSearchFold();
  const app = createApp({ config, db, pool, temporal, connection, logger, searchFold });
  searchFold.adoptServer(db).then(
    (differing) => differing && logger.info({ differing }, "search folds as this server's unaccent"),
    (error: unknown) =>
      logger.warn({ err: error }, "search keeps the copied unaccent table: the server's was not read"),
  );

  const server: Server = app.listen(config.PORT, () => {
    logger.info({ port: config.PORT }, 'API listening');
    process.send?.({ type: 'ready', port: config.PORT });
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'API cannot listen');
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'API stopping');
    const force = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      await Promise.allSettled([connection.close(), db.$disconnect()]);
      logger.info('API stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // The bootstrap stops its children in order; if it dies, this process must not linger.
  process.on('disconnect', () => stop('parent gone'));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
