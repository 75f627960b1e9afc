/**
 * The deadline of one human step, watched in workflow time: a reminder at the policy's reminder
 * point, then each rung of the escalation ladder (level 1 at the deadline: overdue, the unit
 * leader; level 2 later: the IOC supervisor). Overdue never blocks the case; the watch only
 * reports. The schedule can be replaced (an extension moves the deadline): the watch's timer is
 * "updatable", re-armed on the new instants, and rungs not yet reached are undone.
 */
import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import type { StepSchedule } from '../activities/step-schedule';

export type DeadlineEvent =
  | { kind: 'reminder'; at: string }
  | { kind: 'escalation'; level: number; notify: 'unit_leader' | 'ioc_supervisor'; at: string };

function eventsOf(schedule: StepSchedule): (DeadlineEvent & { key: string })[] {
  const events: (DeadlineEvent & { key: string })[] = [];
  if (schedule.remindAt) events.push({ key: 'reminder', kind: 'reminder', at: schedule.remindAt });
  for (const e of schedule.escalations)
    events.push({ key: `level-${e.level}`, kind: 'escalation', level: e.level, notify: e.notify, at: e.at });
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export class DeadlineWatch {
  private readonly fired = new Set<string>();
  private version = 0;
  private readonly scope = new CancellationScope({ cancellable: true });
  /** The highest escalation level reached (0: on time). */
  level = 0;

  constructor(
    private schedule: StepSchedule,
    private readonly onEvent: (event: DeadlineEvent) => Promise<void>,
    /** Events a previous watch of the same deadline already fired (e.g. before a send-back): not repeated. */
    alreadyFired: Iterable<string> = [],
  ) {
    for (const key of alreadyFired) this.fired.add(key);
    const levels = eventsOf(schedule).filter((e) => this.fired.has(e.key) && e.kind === 'escalation');
    this.level = Math.max(0, ...levels.map((e) => (e.kind === 'escalation' ? e.level : 0)));
  }

  /** What has fired, to carry over to a later watch of the same deadline. */
  get firedEvents(): string[] {
    return [...this.fired];
  }

  get due(): string | null {
    return this.schedule.due;
  }

  start(): void {
    const running = this.scope.run(() => this.loop());
    // The loop ends only by cancellation (stop()); anything else is a bug and must fail loudly.
    void running.catch((error: unknown) => {
      if (!isCancellation(error)) throw error;
    });
  }

  /** A new schedule for the same step (an extension): rungs whose new instant is still ahead are undone. */
  reschedule(schedule: StepSchedule): void {
    const now = Date.now();
    const still = eventsOf(schedule).filter((e) => this.fired.has(e.key) && Date.parse(e.at) <= now);
    this.fired.clear();
    for (const e of still) this.fired.add(e.key);
    this.level = Math.max(0, ...still.map((e) => (e.kind === 'escalation' ? e.level : 0)));
    this.schedule = schedule;
    this.version += 1;
  }

  stop(): void {
    this.scope.cancel();
  }

  private async loop(): Promise<never> {
    for (;;) {
      const version = this.version;
      const next = eventsOf(this.schedule).find((e) => !this.fired.has(e.key));
      if (!next) {
        await condition(() => this.version !== version);
        continue;
      }
      const wait = Date.parse(next.at) - Date.now();
      if (wait > 0 && (await condition(() => this.version !== version, wait))) continue; // rescheduled
      this.fired.add(next.key);
      if (next.kind === 'escalation') this.level = Math.max(this.level, next.level);
      // Once begun, the consequence of a deadline is carried out even if the step ends meanwhile.
      await CancellationScope.nonCancellable(() => this.onEvent(next));
    }
  }
}
