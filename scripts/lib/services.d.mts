// Types of the bootstrap's process helpers, for the TypeScript tests that reuse them.
import type { ChildProcess } from 'node:child_process';

export function stopChild(child: ChildProcess, signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
export function freePort(preferred?: number): Promise<number>;
export function isFree(port: number): Promise<boolean>;
export function waitForPort(port: number, options?: { host?: string; timeoutMs?: number; child?: ChildProcess }): Promise<void>;
