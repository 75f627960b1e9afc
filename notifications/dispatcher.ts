/**
 * The outbox's sender: delivers pending notifications by their channel, in every worker process
 * (worker/main.ts), as many as run. See notifications/README.md for the guarantees.
 *
 * 1. Claim: one statement marks a batch `sending`, counts the attempt and sets a lease
 *    (`nextAttemptAt` = now + lease). `FOR UPDATE SKIP LOCKED`: two senders never take the same
 *    row. A row still `sending` after its lease (its sender died) is claimed again.
 * 2. Send through the channel's sender.
 * 3. Record: `sent`; or back to `pending` with an exponential back-off; or `failed` after the
 *    last attempt or a permanent refusal, the error kept in `lastError` for administrators (who
 *    may retry it: POST /api/admin/notifications/:id/retry). A channel this process has no
 *    configuration for fails its messages at once ("channel not configured").
 *
 * The database's clock decides every time, so senders on several machines agree.
 */
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { Prisma, type Notification } from '../prisma/generated/client';
import { CHANNEL_SETTINGS, DeliveryError, type OutboxChannel, type Senders } from './channels';
import { createPollLoop } from './poll-loop';

export interface DispatcherOptions {
  /** Rows claimed at once (sent concurrently). */
  batchSize?: number;
  maxAttempts?: number;
  /** The first retry's delay; doubled each time, capped at maxRetryMs. */
  retryBaseMs?: number;
  maxRetryMs?: number;
  /** How long a claimed row is this sender's. Longer than a send can take (the senders time out sooner). */
  leaseMs?: number;
  /** How long an idle sender sleeps between looks. */
  pollMs?: number;
  /**
   * Only rows whose dedupeKey starts with one of these (tests sharing a database with other
   * suites; or a sender dedicated to some messages). Default: all.
   */
  keyPrefixes?: string[];
  /** Tests only: runs after a message was sent, before it is recorded (a crash in between). */
  afterSend?: (message: Notification) => Promise<void>;
}

export interface Dispatcher {
  start(): void;
  /** Stops claiming and waits for the messages in flight. */
  stop(): Promise<void>;
  /** One claim-and-send round; the number of messages it handled. */
  runOnce(): Promise<number>;
  /** Looks for work now instead of after the poll interval. */
  wake(): void;
}

const MAX_ERROR_LENGTH = 1_000;
/**
 * The database's clock as Prisma stores DateTime (timestamp without time zone, in UTC): right
 * whatever the server's or the session's TimeZone.
 */
const NOW = Prisma.raw(`(now() AT TIME ZONE 'UTC')`);

export function createDispatcher(deps: { db: Db; senders: Senders; logger?: Logger }, options: DispatcherOptions = {}) {
  const { db, senders, logger } = deps;
  const batchSize = options.batchSize ?? 10;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const maxRetryMs = options.maxRetryMs ?? 3_600_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 2_000;
  const scope = options.keyPrefixes
    ? Prisma.sql`AND "dedupeKey" LIKE ANY(${options.keyPrefixes.map((p) => `${p.replace(/[\\%_]/g, '\\$&')}%`)}::text[])`
    : Prisma.empty;

  /** Marks the batch `sending` under a lease and returns it. */
  async function claim(): Promise<Notification[]> {
    // A row whose sender died on its last attempt is failed rather than sent once more.
    await db.$executeRaw`
      UPDATE "Notification"
         SET state = 'failed', "lastError" = left(coalesce("lastError" || ' / ', '') || 'lease expired while sending (the sender stopped)', ${MAX_ERROR_LENGTH}::integer), "updatedAt" = ${NOW}
       WHERE state = 'sending' AND "nextAttemptAt" <= ${NOW} AND attempts >= ${maxAttempts} ${scope}`;
    return db.$queryRaw<Notification[]>`
      UPDATE "Notification"
         SET state = 'sending', attempts = attempts + 1,
             "nextAttemptAt" = ${NOW} + ${leaseMs}::integer * interval '1 millisecond', "updatedAt" = ${NOW}
       WHERE id IN (
         SELECT id FROM "Notification"
          WHERE channel <> 'in_app'
            AND ((state = 'pending' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${NOW}))
              OR (state = 'sending' AND "nextAttemptAt" <= ${NOW}))
            ${scope}
          ORDER BY "createdAt"
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED)
      RETURNING *`;
  }

  async function deliver(message: Notification): Promise<void> {
    const channel = message.channel as OutboxChannel;
    const send = senders[channel];
    try {
      if (!send) throw new DeliveryError(`channel not configured (${CHANNEL_SETTINGS[channel]})`, true);
      await send(message);
    } catch (error) {
      await recordFailure(message, error);
      return;
    }
    await options.afterSend?.(message);
    // Only the claim this sender holds: a sender that lost its lease does not overwrite another's.
    await db.notification.updateMany({
      where: { id: message.id, state: 'sending', attempts: message.attempts },
      data: { state: 'sent', sentAt: new Date(), lastError: null, nextAttemptAt: null },
    });
  }

  async function recordFailure(message: Notification, error: unknown): Promise<void> {
    const permanent = error instanceof DeliveryError && error.permanent;
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    const last = permanent || message.attempts >= maxAttempts;
    const delayMs = Math.min(maxRetryMs, retryBaseMs * 2 ** Math.max(0, message.attempts - 1));
    logger?.warn(
      { notificationId: message.id, channel: message.channel, attempts: message.attempts, reason, failed: last },
      last ? 'notification failed' : 'notification not sent, will retry',
    );
    await db.$executeRaw`
      UPDATE "Notification"
         SET state = ${last ? 'failed' : 'pending'}::"NotificationState", "lastError" = ${reason},
             "nextAttemptAt" = ${last ? null : delayMs}::integer * interval '1 millisecond' + ${NOW}, "updatedAt" = ${NOW}
       WHERE id = ${message.id}::uuid AND state = 'sending' AND attempts = ${message.attempts}`;
  }

  async function runOnce(): Promise<number> {
    const batch = await claim();
    await Promise.all(batch.map((message) => deliver(message)));
    return batch.length;
  }

  const polling = createPollLoop({
    // Messages were waiting: more may be, so look again at once.
    look: async () => (await runOnce()) > 0,
    pollMs,
    // The database is away: the rows wait in the outbox; look again after the poll interval.
    onError: (error) => logger?.warn({ err: error }, 'notification dispatcher could not claim messages'),
  });

  const dispatcher: Dispatcher = {
    start() {
      if (polling.isRunning()) return;
      const unconfigured = (Object.keys(CHANNEL_SETTINGS) as OutboxChannel[]).filter((c) => !senders[c]);
      if (unconfigured.length)
        logger?.warn(
          { channels: unconfigured.map((c) => `${c} (${CHANNEL_SETTINGS[c]})`) },
          'notification channels not configured: their messages are failed with "channel not configured"',
        );
      polling.start();
    },
    stop: polling.stop,
    runOnce,
    wake: polling.wake,
  };
  return dispatcher;
}
