/**
 * The benchmark's own database, as `npm test` makes one: on DATABASE_URL's server a new database
 * dropped at the end, else an embedded PostgreSQL in a temporary directory removed at the end.
 * Migrations and the seed are applied with the bootstrap's own helpers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations, generateClient, seed } from '../../scripts/lib/database.mjs';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from '../../scripts/lib/postgres.mjs';
import { freePort } from '../../scripts/lib/services.mjs';

export interface ThrowawayDatabase {
  url: string;
  close(): Promise<void>;
}

export async function startThrowawayDatabase(root: string, log: (line: string) => void): Promise<ThrowawayDatabase> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'field-report-bench-'));
    cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
    let adminUrl = process.env.DATABASE_URL;
    const external = Boolean(adminUrl);
    if (!adminUrl) {
      const port = await freePort();
      const postgres = await startEmbeddedPostgres({
        root,
        dataDir: path.join(workDir, 'postgres'),
        port,
        logFile: path.join(workDir, 'postgres.log'),
      });
      cleanups.push(() => postgres.stop());
      adminUrl = postgres.url('postgres');
      log(`embedded PostgreSQL on 127.0.0.1:${port}`);
    }
    const database = `field_report_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await ensureDatabase(root, adminUrl, database);
    if (external) cleanups.push(() => dropDatabase(root, adminUrl, database));
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    await generateClient(root, url.toString());
    await applyMigrations(root, url.toString());
    await seed(root, {
      ...process.env,
      NODE_ENV: 'test',
      DEMO_MODE: 'true',
      DATABASE_URL: url.toString(),
      APP_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'silent',
    });
    log(`database ${database} migrated and seeded`);
    return { url: url.toString(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
