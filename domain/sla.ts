/**
 * SLA policies: which deadline, reminder and escalation ladder a human step gets, as data that
 * administrators edit (docs/design.md, principle 3), and the instants they give in working time.
 * A running case resolves the policy when a step starts and keeps it for that step.
 */
import { HUMAN_STEPS, type CaseLevel, type HumanStep } from './case-steps';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  workingTimeBetween,
  type WorkingCalendar,
} from './working-time';

export const DEFAULT_REMINDER_FRACTION = 0.75;

export type EscalationTarget = 'unit_leader' | 'ioc_supervisor';

export interface SlaEscalation {
  level: number;
  /** Working hours after the deadline; 0 = as soon as the deadline has passed. */
  afterWorkingHours: number;
  notify: EscalationTarget;
}

export interface SlaPolicy {
  id: string;
  step: HumanStep;
  /** null = any category. */
  categoryCode: string | null;
  /** null = any level. */
  level: CaseLevel | null;
  /** Working hours or working days (see ./working-time for what a working day is). */
  duration: { amount: number; unit: 'hours' | 'days' };
  /** Fraction of the duration's working time after which the assignee is reminded. */
  reminderAt: number;
  escalations: SlaEscalation[];
  active: boolean;
}

/** What a policy is chosen for; a null category or level (not yet known) matches only "any". */
export interface SlaSubject {
  step: HumanStep;
  categoryCode: string | null;
  level: CaseLevel | null;
}

/**
 * The most specific active policy for the subject, falling back in this order:
 * (step, category, level) → (step, category, any level) → (step, any category, level)
 * → (step, any, any) → undefined. A category outranks a level: categories decide who
 * handles a report, levels only how fast.
 * Two active policies with the same step, category and level are a configuration mistake that
 * `findSlaPolicyConflicts` reports to the editor; resolution never throws (a case must keep going),
 * it takes the one with the lowest id (numeric ids compared as numbers), so the choice is stable.
 */
export function resolveSlaPolicy(policies: readonly SlaPolicy[], subject: SlaSubject): SlaPolicy | undefined {
  let best: SlaPolicy | undefined;
  for (const policy of policies) {
    if (!policy.active || !appliesTo(policy, subject)) continue;
    if (!best) best = policy;
    else {
      const bySpecificity = specificity(policy) - specificity(best);
      if (bySpecificity > 0 || (bySpecificity === 0 && compareIds(policy.id, best.id) < 0)) best = policy;
    }
  }
  return best;
}

function appliesTo(policy: SlaPolicy, subject: SlaSubject): boolean {
  return (
    policy.step === subject.step &&
    (policy.categoryCode === null || policy.categoryCode === subject.categoryCode) &&
    (policy.level === null || policy.level === subject.level)
  );
}

/** 3 = category and level, 2 = category, 1 = level, 0 = neither: the fallback order. */
function specificity(policy: SlaPolicy): number {
  return (policy.categoryCode === null ? 0 : 2) + (policy.level === null ? 0 : 1);
}

/** Numeric ids as numbers ('9' before '10'), anything else by code units: stable everywhere. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface SlaPolicyConflict {
  step: HumanStep;
  categoryCode: string | null;
  level: CaseLevel | null;
  /** The active policies that compete, lowest id (the one that wins) first. */
  ids: string[];
}

/** Active policies that claim the same step, category and level: to refuse when saving. */
export function findSlaPolicyConflicts(policies: readonly SlaPolicy[]): SlaPolicyConflict[] {
  const groups = new Map<string, SlaPolicy[]>();
  for (const policy of policies.filter((candidate) => candidate.active)) {
    const key = JSON.stringify([policy.step, policy.categoryCode, policy.level]);
    groups.set(key, [...(groups.get(key) ?? []), policy]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const [first] = group as [SlaPolicy, ...SlaPolicy[]];
      return {
        step: first.step,
        categoryCode: first.categoryCode,
        level: first.level,
        ids: group.map((policy) => policy.id).sort(compareIds),
      };
    });
}

export interface SlaPolicyProblem {
  path: string;
  message: string;
}

/** Every problem of one policy (empty when usable), for the back office's editor. */
export function validateSlaPolicy(policy: SlaPolicy): SlaPolicyProblem[] {
  const problems: SlaPolicyProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const { amount, unit } = policy.duration;

  if (!(HUMAN_STEPS as readonly string[]).includes(policy.step)) report('step', `"${policy.step}" is not a human step`);
  if (unit !== 'hours' && unit !== 'days') report('duration.unit', 'must be hours or days');
  else if (unit === 'days' && !(Number.isSafeInteger(amount) && amount > 0))
    report('duration.amount', 'working days must be a whole number above 0');
  else if (!(Number.isFinite(amount) && amount > 0))
    report('duration.amount', 'working hours must be a number above 0');
  if (!(policy.reminderAt > 0 && policy.reminderAt < 1))
    report('reminderAt', 'must be a fraction between 0 and 1 (e.g. 0.75)');

  const seenLevels = new Set<number>();
  policy.escalations.forEach((escalation, index) => {
    const path = `escalations[${index}]`;
    if (!(Number.isSafeInteger(escalation.level) && escalation.level > 0))
      report(`${path}.level`, 'must be a whole number above 0');
    else if (seenLevels.has(escalation.level)) report(`${path}.level`, `level ${escalation.level} appears twice`);
    seenLevels.add(escalation.level);
    if (!(Number.isFinite(escalation.afterWorkingHours) && escalation.afterWorkingHours >= 0)) {
      report(`${path}.afterWorkingHours`, 'must be a number of working hours ≥ 0');
    }
  });
  const ladder = [...policy.escalations].sort((a, b) => a.level - b.level);
  for (let i = 1; i < ladder.length; i++) {
    if (ladder[i]!.afterWorkingHours < ladder[i - 1]!.afterWorkingHours) {
      report('escalations', `level ${ladder[i]!.level} would come before level ${ladder[i - 1]!.level}`);
    }
  }
  return problems;
}

export interface StepDeadlines {
  due: Date;
  remindAt: Date;
  /** In level order. */
  escalations: { level: number; notify: EscalationTarget; at: Date }[];
}

/**
 * The instants of a step started at `start` under `policy`, all in working time:
 * - due: start + the duration (working hours, or working days as ./working-time defines them);
 * - remindAt: start + reminderAt × the working time between start and due (rounded down);
 * - each escalation: due + afterWorkingHours. With 0, that is the first working instant at or
 *   after the deadline, so a deadline at Friday's close escalates on Monday morning, not at
 *   the weekend.
 * Throws a RangeError for a policy `validateSlaPolicy` rejects, rather than compute nonsense.
 */
export function computeStepDeadlines(policy: SlaPolicy, calendar: WorkingCalendar, start: Date): StepDeadlines {
  const problems = validateSlaPolicy(policy);
  if (problems.length > 0) {
    throw new RangeError(
      `Invalid SLA policy ${policy.id}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    );
  }
  const { amount, unit } = policy.duration;
  const due = unit === 'days' ? addWorkingDays(calendar, start, amount) : addWorkingHours(calendar, start, amount);
  const allotted = workingTimeBetween(calendar, start, due);
  const remindAt = addWorkingTime(calendar, start, Math.floor(allotted * policy.reminderAt));
  const escalations = [...policy.escalations]
    .sort((a, b) => a.level - b.level)
    .map((escalation) => ({
      level: escalation.level,
      notify: escalation.notify,
      at: addWorkingHours(calendar, due, escalation.afterWorkingHours),
    }));
  return { due, remindAt, escalations };
}
