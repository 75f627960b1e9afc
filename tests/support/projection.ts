/**
 * Waits for the case projection to reach a transition, by its sequence number, without polling:
 * projectTransition announces each committed transition on CASE_PROJECTED_CHANNEL
 * (activities/project-transition.ts), and transitions are written in order, so seq n committed
 * means every earlier one is too. The workflow numbers its transitions 1, 2, ... (0 is the
 * receipt): after a report's receipt, seq 1 is its `verification_started`.
 */
import type pg from 'pg';
import { CASE_PROJECTED_CHANNEL } from '../../activities/project-transition';
import type { Db } from '../../platform/db';

export async function waitForProjection(
  { db, pool }: { db: Db; pool: pg.Pool },
  caseId: string,
  seq: number,
  timeoutMs = 10_000,
): Promise<void> {
  const client = await pool.connect();
  let timer: NodeJS.Timeout | undefined;
  let onNotification: ((message: pg.Notification) => void) | undefined;
  try {
    const announced = new Promise<void>((resolve) => {
      onNotification = ({ channel, payload }) => {
        const [id, n] = (payload ?? '').split(':');
        if (channel === CASE_PROJECTED_CHANNEL && id === caseId && Number(n) >= seq) resolve();
      };
      client.on('notification', onNotification);
    });
    await client.query(`LISTEN ${CASE_PROJECTED_CHANNEL}`);
    // Listening first, then looking: a transition committed before LISTEN is found here.
    const written = await db.caseTimelineEntry.findUnique({
      where: { caseId_seq: { caseId, seq } },
      select: { id: true },
    });
    if (written) return;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`case ${caseId}: transition ${seq} was not projected within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    await Promise.race([announced, timedOut]);
  } finally {
    clearTimeout(timer);
    if (onNotification) client.off('notification', onNotification);
    await client.query(`UNLISTEN ${CASE_PROJECTED_CHANNEL}`).catch(() => undefined);
    client.release();
  }
}
