// Workflows for tests/time-skipping.test.ts: what the workflow's clock reads around a long timer.
import { sleep } from '@temporalio/workflow';

export const SLEEPY_DURATION_MS = 3 * 24 * 60 * 60 * 1000;

/** Sleeps 3 days; returns the workflow's `Date.now()` before and after. */
export async function sleepy(): Promise<{ before: number; after: number }> {
  const before = Date.now();
  await sleep(SLEEPY_DURATION_MS);
  return { before, after: Date.now() };
}

/** Returns the workflow's `Date.now()` at its start. */
export async function clock(): Promise<number> {
  return Date.now();
}
