// Types of the bootstrap's Temporal dev server, for the TypeScript benchmarks that reuse it.
import type { ChildProcess } from 'node:child_process';

export interface TemporalDevServer {
  address: string;
  uiUrl: string | undefined;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function searchAttributes(root: string): Record<string, string>;
/** `temporal server start-dev` on 127.0.0.1:port; dbFile null keeps it in memory; no uiPort: headless. */
export function startTemporalDevServer(options: {
  root: string;
  cli: string;
  port: number;
  uiPort?: number;
  dbFile: string | null;
  logFile: string;
  namespace?: string;
}): Promise<TemporalDevServer>;
