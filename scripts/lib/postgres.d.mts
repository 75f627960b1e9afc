// Types of the bootstrap's PostgreSQL helpers, for the TypeScript tests that reuse them.
import type { ChildProcess } from 'node:child_process';

export interface EmbeddedPostgres {
  url(database: string): string;
  initialised: boolean;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startEmbeddedPostgres(options: { root: string; dataDir: string; port: number; logFile: string }): Promise<EmbeddedPostgres>;
export function ensureDatabase(root: string, adminUrl: string, database: string): Promise<'existing' | 'created'>;
export function dropDatabase(root: string, adminUrl: string, database: string): Promise<void>;
export function dropDatabasesStartingWith(root: string, adminUrl: string, prefix: string): Promise<void>;
export function copyDatabase(root: string, adminUrl: string, template: string, database: string): Promise<void>;
