/**
 * The loop the workers' background jobs share (the outbox's sender, the area digests): look for
 * work, and when there was none (or the look failed) sleep for the poll interval before looking
 * again. A failed look is logged and retried after the interval: the work waits in the database.
 * `stop()` ends the sleep at once and waits for the look in progress; `wake()` ends the sleep so
 * the next look happens now.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface PollLoopOptions {
  /** One look; true when there may be more work at once (no sleep before the next look). */
  look: () => Promise<boolean>;
  /** How long to sleep after an idle or failed look. */
  pollMs: number;
  /** A look threw; the loop goes on after the poll interval. */
  onError: (error: unknown) => void;
}

export interface PollLoop {
  start(): void;
  /** Started and not stopped. */
  isRunning(): boolean;
  /** Stops looking and waits for the look in progress. */
  stop(): Promise<void>;
  /** Looks now instead of after the poll interval. */
  wake(): void;
}

export function createPollLoop(options: PollLoopOptions): PollLoop {
  const { look, pollMs, onError } = options;
  let running: Promise<void> | undefined;
  let stopping = false;
  let wakeUp = new AbortController();

  async function loop(): Promise<void> {
    while (!stopping) {
      let more = false;
      try {
        more = await look();
      } catch (error) {
        onError(error);
      }
      if (more || stopping) continue;
      await sleep(pollMs, undefined, { signal: wakeUp.signal }).catch(() => undefined);
      if (wakeUp.signal.aborted) wakeUp = new AbortController();
    }
  }

  return {
    start() {
      if (running) return;
      stopping = false;
      // The last stop aborted the old one: a restarted loop would skip its first sleep.
      wakeUp = new AbortController();
      running = loop();
    },
    isRunning() {
      return running !== undefined;
    },
    async stop() {
      stopping = true;
      wakeUp.abort();
      await running;
      running = undefined;
    },
    wake() {
      wakeUp.abort();
    },
  };
}
