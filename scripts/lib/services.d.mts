// Types of the bootstrap's process helpers, for the TypeScript tests that reuse them.
import type { ChildProcess } from 'node:child_process';

export function stopChild(child: ChildProcess, signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
export function freePort(preferred?: number): Promise<number>;
export function isFree(port: number): Promise<boolean>;
export function waitForPort(port: number, options?: { host?: string; timeoutMs?: number; child?: ChildProcess }): Promise<void>;
export interface NodeService {
  name: string;
  child: ChildProcess;
  /** Resolves with the service's { type: 'ready', ... } message; rejects if it exits first. */
  ready: Promise<{ type: 'ready' } & Record<string, unknown>>;
  stop(graceMs?: number): Promise<void>;
}
export function startNodeService(options: {
  name: string;
  script: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  echo?: boolean;
  readyTimeoutMs?: number;
  /** Options for this Node process only (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}): NodeService;
