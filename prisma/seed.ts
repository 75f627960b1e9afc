/**
 * Seeds Hà Tĩnh's configuration (./seed): run by `npm start` at every start as
 * `node --import tsx prisma/seed.ts`, with DATABASE_URL, APP_SECRET, DEMO_MODE and DEMO_PASSWORD
 * in the environment. Idempotent: a seeded database is left as it is, administrators' edits
 * included. Prints one line; exits non-zero with the reason when it fails.
 */
import { ConfigError, loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { describeCounts, seedDatabase } from './seed/index';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { db } = createDb({ url: config.DATABASE_URL, poolSize: 8 });
  try {
    const result = await seedDatabase(db, { demoMode: config.DEMO_MODE, demoPassword: config.DEMO_PASSWORD });
    const inserted = Object.values(result.inserted).reduce((sum, count) => sum + count, 0);
    const demo = config.DEMO_MODE
      ? `demo accounts on${result.demoPasswordsUpdated > 0 ? `, ${result.demoPasswordsUpdated} passwords updated` : ''}`
      : `demo accounts off${result.removed.users > 0 ? `, ${result.removed.users} removed` : ''}`;
    process.stdout.write(
      `Seed: ${describeCounts(result.totals)} (${inserted} rows added; ${demo}) in ${result.durationMs} ms\n`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // The message says what failed (configuration, connection, a query); stacks only add noise here.
    const message = error instanceof ConfigError || error instanceof Error ? error.message.trim() : String(error);
    process.stderr.write(`Seed failed: ${message}\n`);
    process.exit(1);
  },
);
