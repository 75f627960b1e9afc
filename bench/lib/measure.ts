/**
 * What a benchmark measures: latencies and their percentiles, a closed-loop load (N callers that
 * each send the next request when the last is answered) and an open-loop one (requests at a fixed
 * rate, whatever the answers), and a process's CPU time and resident memory read from /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { temporal } from '@temporalio/proto';

/** Linux counts CPU time in clock ticks; 100 per second on every kernel this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of latencies in milliseconds, rounded to 0.1 ms. */
export function percentiles(latenciesMs: number[]): Percentiles {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1);
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(at(100)), mean: round(mean) };
}

export interface LoadResult extends Percentiles {
  concurrency: number;
  /** Answered requests (successes). */
  count: number;
  errors: number;
  /** The first few error messages, to say what went wrong. */
  errorSamples: string[];
  seconds: number;
  /** Successes per second over the whole run. */
  perSecond: number;
}

export interface LoadOptions {
  concurrency: number;
  /** Stops starting new calls after this long… */
  seconds: number;
  /** …or after this many, whichever comes first. */
  maxCalls?: number;
  /** Stops early after this many errors (a broken stack should not be hammered for minutes). */
  maxErrors?: number;
}

/** `concurrency` callers in a loop, each calling `call(i)` again as soon as it is answered. */
export async function closedLoop(options: LoadOptions, call: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const stopAt = started + options.seconds * 1000;
  const maxCalls = options.maxCalls ?? Number.POSITIVE_INFINITY;
  const maxErrors = options.maxErrors ?? 50;
  const caller = async () => {
    while (performance.now() < stopAt && next < maxCalls && errors < maxErrors) {
      const i = next++;
      const t0 = performance.now();
      try {
        await call(i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(String((error as Error).message ?? error).slice(0, 300));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency: options.concurrency,
    count: latencies.length,
    errors,
    errorSamples,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((latencies.length / seconds) * 10) / 10,
    ...percentiles(latencies),
  };
}

/**
 * Calls at a fixed rate for `seconds` (an open loop: a slow answer does not slow the arrivals, so
 * queueing shows in the latencies as it would for citizens). At most `maxInFlight` at once.
 */
export async function openLoop(
  options: { perSecond: number; seconds: number; maxInFlight?: number },
  call: (i: number) => Promise<void>,
): Promise<LoadResult & { targetPerSecond: number; skipped: number }> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let skipped = 0;
  let inFlight = 0;
  const maxInFlight = options.maxInFlight ?? 256;
  const total = Math.round(options.perSecond * options.seconds);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    inFlight++;
    const t0 = performance.now();
    pending.push(
      call(i).then(
        () => {
          latencies.push(performance.now() - t0);
          inFlight--;
        },
        (error: unknown) => {
          errors++;
          inFlight--;
          if (errorSamples.length < 5) errorSamples.push(String((error as Error).message ?? error).slice(0, 300));
        },
      ),
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency: maxInFlight,
    targetPerSecond: options.perSecond,
    count: latencies.length,
    errors,
    skipped,
    errorSamples,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((latencies.length / seconds) * 10) / 10,
    ...percentiles(latencies),
  };
}

/** The fields of /proc/<pid>/stat after the command name, which may hold spaces. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * User + system CPU seconds a process and all its descendants have used so far, from /proc:
 * its own threads, the children it has waited for (cutime, cstime: PostgreSQL's ended backends)
 * and the children still running.
 */
export function cpuSeconds(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(statFields(Number(entry))[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* ended meanwhile */
    }
  }
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const f = statFields(p);
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime stime cutime cstime
    } catch {
      return;
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return ticks / TICKS_PER_SECOND;
}

/** Resident memory of a process in MiB, from /proc/<pid>/status (VmRSS). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return Math.round((kib / 1024) * 10) / 10;
}

/** The processes of a stack whose CPU is counted, by name (api, worker, temporal, postgres, bench). */
export type Processes = Record<string, number>;

/** CPU seconds per named process tree and of this process, so a phase's cost is `after - before`. */
export function cpuSnapshot(processes: Processes): Record<string, number> {
  const snapshot: Record<string, number> = {};
  for (const [name, pid] of Object.entries(processes)) snapshot[name] = cpuSeconds(pid);
  // The load generator itself: its own threads only (the stack's processes are its children).
  const own = process.cpuUsage();
  snapshot.bench = (own.user + own.system) / 1e6;
  return snapshot;
}

/** CPU milliseconds per unit of work (per submission, per case) of each group between two snapshots. */
export function cpuPer(
  before: Record<string, number>,
  after: Record<string, number>,
  units: number,
): Record<string, number> {
  const per: Record<string, number> = {};
  for (const name of Object.keys(after)) {
    per[name] = units > 0 ? Math.round((((after[name] ?? 0) - (before[name] ?? 0)) * 1000 * 10) / units) / 10 : NaN;
  }
  return per;
}

/** Samples a process's RSS every `everyMs` until stopped: the peak and the series. */
export function sampleRss(pid: number, everyMs = 1_000) {
  const samples: { at: number; mib: number }[] = [];
  const started = Date.now();
  const take = () => {
    try {
      samples.push({ at: Math.round((Date.now() - started) / 1000), mib: rssMiB(pid) });
    } catch {
      /* the process has ended */
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    samples,
    now: () => rssMiB(pid),
    peak: () => samples.reduce((max, s) => Math.max(max, s.mib), 0),
    stop: () => clearInterval(timer),
  };
}

/** Waits until `condition` holds, checking every `everyMs`; throws with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  condition: () => Promise<boolean> | boolean,
  { timeoutMs = 60_000, everyMs = 250 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Waits until the stack has finished what earlier requests set off (the workflows' activities
 * after their receipt, notifications): the named processes together use less than `busyShare` of
 * a core over a second. So a phase's CPU includes its trailing work and the next phase starts clean.
 */
export async function waitQuiet(processes: Processes, { timeoutMs = 60_000, busyShare = 0.1 } = {}): Promise<number> {
  const started = Date.now();
  let before = cpuSnapshot(processes);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = cpuSnapshot(processes);
    const used = Object.keys(processes).reduce((sum, name) => sum + ((after[name] ?? 0) - (before[name] ?? 0)), 0);
    before = after;
    if (used < busyShare || Date.now() - started > timeoutMs) return Math.round((Date.now() - started) / 100) / 10;
  }
}

/** A history event's type by name (TIMER_STARTED…): the SDK hands the protobuf enum's number. */
export function eventTypeName(eventType: number | null | undefined): string {
  return String(temporal.api.enums.v1.EventType[eventType ?? 0] ?? eventType).replace(/^EVENT_TYPE_/, '');
}
