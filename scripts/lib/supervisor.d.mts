// Types of the bootstrap's supervisor, for the TypeScript tests that reuse it.
import type { ChildProcess } from 'node:child_process';
import type { NodeService } from './services.mjs';

export interface RestartBackoff {
  initialMs: number;
  maxMs: number;
  healthyAfterMs: number;
}
export const RESTART_BACKOFF: RestartBackoff;
export interface SupervisedService {
  name: string;
  /** The first start's readiness (a failure there is not restarted). */
  ready: NodeService['ready'];
  /** The process that runs now (a new one after each restart). */
  readonly child: ChildProcess;
  readonly restarts: number;
  onRestarted(listener: (restart: number) => void): () => void;
  stop(graceMs?: number): Promise<void>;
}
export function superviseService(options: {
  name: string;
  start: () => NodeService;
  log: (line: string) => void;
  backoff?: RestartBackoff;
}): SupervisedService;
