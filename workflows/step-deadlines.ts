/**
 * The deadlines a case is watching, one `DeadlineWatch` per open step, and the escalation they add
 * up to: the case's `escalationLevel` is the highest level any of them reached, `overdue` whether
 * one did. What a deadline's event does (project it, notify) is the case's (`FieldReportCase`).
 */
import type { StepSchedule } from '../activities/step-schedule';
import type { HumanStep } from '../domain/case-steps';
import { DeadlineWatch, type DeadlineEvent } from './deadline-watch';
import type { CaseState } from './messages';

/** Whom a step's reminders and escalations concern, read when the event fires. */
export type Recipients = { unitId: string | null; assigneeId: string | null };

export type OnDeadline = (step: HumanStep, watch: DeadlineWatch, event: DeadlineEvent, to: Recipients) => Promise<void>;

export class StepDeadlines {
  private readonly watches = new Map<HumanStep, DeadlineWatch>();

  constructor(
    private readonly state: CaseState,
    private readonly onDeadline: OnDeadline,
  ) {}

  /** Watches the step's schedule (replacing a watch it had); `alreadyFired` events are not repeated. */
  watch(step: HumanStep, schedule: StepSchedule, recipients: () => Recipients, alreadyFired: string[] = []): void {
    this.unwatch(step);
    const watch: DeadlineWatch = new DeadlineWatch(
      schedule,
      (event): Promise<void> => this.onDeadline(step, watch, event, recipients()),
      alreadyFired,
    );
    this.watches.set(step, watch);
    watch.start();
  }

  /** Stops the step's watch (its task is done); its escalation no longer counts. */
  unwatch(step: HumanStep): void {
    this.watches.get(step)?.stop();
    this.watches.delete(step);
    this.refresh();
  }

  /** The case is ending: no deadline is watched any more. */
  unwatchAll(): void {
    for (const step of [...this.watches.keys()]) this.unwatch(step);
  }

  has(step: HumanStep): boolean {
    return this.watches.has(step);
  }

  get(step: HumanStep): DeadlineWatch | undefined {
    return this.watches.get(step);
  }

  /** Puts the highest level reached into the case's state. */
  refresh(): void {
    const levels = [...this.watches.values()].map((w) => w.level);
    this.state.escalationLevel = Math.max(0, ...levels);
    this.state.overdue = this.state.escalationLevel > 0;
  }
}
