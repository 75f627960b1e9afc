// Prisma CLI configuration: Prisma 6.19 in its Rust-free mode. The CLI runs the WebAssembly
// schema engine through the pg driver adapter, so no engine binary is ever downloaded
// (docs/environment.md). Two gaps of adapter-pg 6.19.3 that only the CLI meets are bridged
// here; the application's own client (platform/db.ts) needs neither.
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

/** The schema engine selects `name` and `"char"` catalog columns, which the adapter cannot read. */
function readCatalogTypesAsText(result: pg.QueryResult | undefined): void {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
}

class CatalogFriendlyClient extends pg.Client {
  // pg's query has many overloads: the pool calls it with a callback, a client with a promise.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) => {
        readCatalogTypesAsText(result);
        (last as (e: Error | null, r: pg.QueryResult) => void)(error, result);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.then((res: pg.QueryResult) => (readCatalogTypesAsText(res), res)) as never;
    }
    return result as never;
  }
}

function poolConfig(url: string, database?: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    Client: CatalogFriendlyClient,
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: database ?? decodeURIComponent(parsed.pathname.slice(1)),
    max: 4,
    // The CLI does not always dispose its adapters: let the process exit when the pool is idle.
    allowExitOnIdle: true,
    idleTimeoutMillis: 100,
  };
}

/** Like PrismaPg, but its shadow database is dropped only after its own pool has closed. */
class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    // A config, not a pool: each connect() gets its own pool, so closing one leaves the others.
    super(poolConfig(url));
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg(poolConfig(this.url, database)).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations'), seed: 'tsx prisma/seed.ts' },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: the Prisma CLI needs a database');
    return new MigrationAdapterFactory(url);
  },
});
