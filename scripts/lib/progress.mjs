// Step-by-step progress with timings for the bootstrap. A failing step names itself and
// what to do, so a person on a fresh machine knows where it stopped.
import { performance } from 'node:perf_hooks';

export class StepError extends Error {
  constructor(step, cause, hint) {
    super(`${step} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.step = step;
    this.hint = hint;
    this.cause = cause;
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export function createProgress(title, out = process.stdout) {
  const startedAt = performance.now();
  let count = 0;
  out.write(`\n${title}\n`);
  return {
    /**
     * Runs one step; `hint` says what to do when it fails. The step may describe its outcome
     * with `note(text)` (or return an object with a `note`), shown after its timing.
     */
    async step(label, run, hint) {
      count += 1;
      const n = count;
      const t0 = performance.now();
      out.write(`  [${n}] ${label} …\n`);
      try {
        let noted;
        const result = await run((text) => (noted = text));
        noted ??= typeof result === 'object' ? result?.note : undefined;
        const note = noted ? ` (${noted})` : '';
        out.write(`  [${n}] ${label}: done in ${seconds(performance.now() - t0)}${note}\n`);
        return result;
      } catch (error) {
        out.write(`  [${n}] ${label}: FAILED after ${seconds(performance.now() - t0)}\n`);
        throw new StepError(label, error, hint);
      }
    },
    elapsed: () => seconds(performance.now() - startedAt),
  };
}

/** Prints a step failure the way a person can act on, then returns the exit code. */
export function reportFailure(error, out = process.stderr) {
  if (error instanceof StepError) {
    out.write(`\n✖ ${error.message}\n`);
    if (error.cause?.details) out.write(`${error.cause.details}\n`);
    if (error.hint) out.write(`→ What to do: ${error.hint}\n`);
  } else if (error?.hint) {
    out.write(`\n✖ ${error.message}\n→ What to do: ${error.hint}\n`);
  } else {
    out.write(`\n✖ ${error?.stack ?? error}\n`);
  }
  return 1;
}
