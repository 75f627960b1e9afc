// Step 4 of the bootstrap: the Prisma client generated for the current schema, migrations
// applied with Prisma's own command, and the idempotent seed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { run } from './run.mjs';

const prismaCli = (root) => path.join(root, 'node_modules', 'prisma', 'build', 'index.js');

function schemaHash(root) {
  const schema = readFileSync(path.join(root, 'prisma', 'schema.prisma'));
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'prisma', 'package.json'), 'utf8')).version;
  return createHash('sha256').update(schema).update(version).digest('hex');
}

/** Generates the client only when the schema or Prisma changed since the last generation. */
export async function generateClient(root, databaseUrl) {
  const marker = path.join(root, 'prisma', 'generated', '.schema-hash');
  const hash = schemaHash(root);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return { note: 'up to date' };
  await run(process.execPath, [prismaCli(root), 'generate'], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } });
  writeFileSync(marker, hash);
  return { note: 'generated' };
}

/** Migrations on disk that the database has not finished applying (fast path: ~50 ms). */
async function pendingMigrations(root, databaseUrl) {
  const onDisk = readdirSync(path.join(root, 'prisma', 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const pg = createRequire(path.join(root, 'package.json'))('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return onDisk.filter((name) => !applied.has(name));
  } catch {
    return onDisk; // no migrations table yet
  } finally {
    await client.end();
  }
}

export async function applyMigrations(root, databaseUrl) {
  // The Prisma CLI lingers ~10 s after its work (a timer in its WebAssembly engine): skip it
  // when nothing is pending.
  if ((await pendingMigrations(root, databaseUrl)).length === 0) return { note: 'no pending migrations' };
  await run(process.execPath, [prismaCli(root), 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    done: /All migrations have been successfully applied|No pending migrations to apply/,
  });
  return { note: 'applied new migrations' };
}

export async function seed(root, env) {
  const script = path.join(root, 'prisma', 'seed.ts');
  if (!existsSync(script)) return { note: 'nothing to seed yet' };
  await run(process.execPath, ['--import', 'tsx', script], { cwd: root, env });
  return { note: 'seeded' };
}
