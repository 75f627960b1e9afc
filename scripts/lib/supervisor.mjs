// Keeps a Node service of `npm start` (the worker, the API) running: once it has been ready,
// an exit nobody asked for (a crash, an out-of-memory kill, `kill -9`) starts it again after a
// back-off, 1 s doubled up to 30 s, back to 1 s once it has stayed up a minute; PostgreSQL and
// Temporal are not touched. The workflows lose nothing meanwhile: Temporal keeps their state and
// retries their activities, and clients retry their requests with the same Idempotency-Key.

export const RESTART_BACKOFF = { initialMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };

/**
 * `start()` returns a started service ({ name, child, ready, stop } of startNodeService). The
 * first start's `ready` is the caller's to await (a failure there is a start-up failure, not
 * restarted); `stop()` ends the supervision and stops the service that runs.
 */
export function superviseService({ name, start, log, backoff = RESTART_BACKOFF }) {
  let current = start();
  let delay = backoff.initialMs;
  let restarts = 0;
  let retry; // the timer of the next start, while the service is down
  let stopped = false;
  const listeners = new Set();

  function watch(service, readyAt) {
    service.child.once('exit', (code, signal) => {
      if (stopped || service !== current) return;
      if (readyAt() !== undefined && Date.now() - readyAt() >= backoff.healthyAfterMs) delay = backoff.initialMs;
      const wait = delay;
      delay = Math.min(delay * 2, backoff.maxMs);
      log(
        `✖ The ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again in ${wait / 1000} s`,
      );
      retry = setTimeout(() => restart(), wait);
    });
  }

  function restart() {
    retry = undefined;
    if (stopped) return;
    restarts += 1;
    const attempt = restarts;
    current = start();
    let readyAt;
    watch(current, () => readyAt);
    current.ready.then(
      () => {
        readyAt = Date.now();
        log(`✔ The ${name} is running again (restart ${attempt})`);
        for (const listener of listeners) listener(attempt);
      },
      // An exit before it was ready is handled by watch(); a hang is reported and the child killed,
      // so that the exit schedules the next attempt.
      (error) => {
        log(`✖ The ${name} did not become ready: ${error.message}`);
        if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill('SIGKILL');
      },
    );
  }

  // Supervised from its first readiness on: before it, an exit is the start-up's failure.
  const first = current;
  let firstReadyAt;
  first.ready.then(
    () => {
      firstReadyAt = Date.now();
      watch(first, () => firstReadyAt);
    },
    () => {},
  );

  return {
    name,
    ready: first.ready,
    get child() {
      return current.child;
    },
    get restarts() {
      return restarts;
    },
    /** Calls `listener(restartNumber)` each time a restarted service is ready again. */
    onRestarted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop(graceMs) {
      stopped = true;
      clearTimeout(retry);
      await current.stop(graceMs);
    },
  };
}
