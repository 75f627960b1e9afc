/**
 * The deadlines of a human step, for the case workflow (docs/design.md, principles 3 and 4): when the
 * step starts, the workflow asks `scheduleStep` once and keeps the answer in its history for the
 * whole step; a granted extension asks `extendSchedule`. Instants are ISO strings, as activity
 * results go through Temporal's JSON.
 *
 * Decisions:
 * - SLA policies are read from the database (active rows only) and cached per database client for
 *   `ttlMs` (60 s by default, as the calendar), so an administrator's edit applies to the steps
 *   that start a minute later at most; running steps keep what they were given.
 * - No policy for the step (an administrator deactivated every fallback): the step has no deadline,
 *   `{ policyId: null, due: null, remindAt: null, escalations: [] }`. A case must keep going; the
 *   workflow simply sets no timers.
 * - A resolved policy that is invalid (an escalation ladder edited by hand into nonsense) is NOT
 *   replaced by a looser fallback, which would silently give the wrong deadline for good: the
 *   activity fails with a message naming the policy and its problems, Temporal retries it, and the
 *   step gets its deadline as soon as an administrator fixes the policy.
 */
import type { CaseLevel, HumanStep } from '../domain/case-steps';
import {
  computeStepDeadlines,
  resolveSlaPolicy,
  validateSlaPolicy,
  type EscalationTarget,
  type SlaEscalation,
  type SlaPolicy,
} from '../domain/sla';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  workingTimeBetween,
  type WorkingCalendar,
} from '../domain/working-time';
import type { Db } from '../platform/db';
import { cachedPerDb, type CacheOptions, type CalendarSource } from './working-calendars';

export interface StepSchedule {
  /** The SLA policy the step was scheduled by; null when none applied (no deadline). */
  policyId: string | null;
  due: string | null;
  remindAt: string | null;
  /** In level order. */
  escalations: { level: number; notify: EscalationTarget; at: string }[];
}

export interface StepScheduleDependencies {
  db: Db;
  calendars: CalendarSource;
  /** The SLA policies' cache time-to-live; 0 in tests that edit policies. Default 60 s. */
  ttlMs?: number;
  /** Epoch ms, for an extension of a step without a deadline; injectable for tests. */
  now?: () => number;
}

export interface ScheduleStepInput {
  step: HumanStep;
  categoryCode: string | null;
  level: CaseLevel | null;
  /** ISO instant the step started. */
  startedAt: string;
}

export interface ExtendScheduleInput {
  schedule: StepSchedule;
  /** Working days granted, a whole number ≥ 0. */
  workingDays: number;
  step: HumanStep;
  categoryCode: string | null;
  level: CaseLevel | null;
}

export interface WorkingDeadlineInput {
  /** ISO instant the time counts from. */
  from: string;
  amount: number;
  unit: 'hours' | 'days';
}

export const NO_SCHEDULE: StepSchedule = Object.freeze({
  policyId: null,
  due: null,
  remindAt: null,
  escalations: [],
}) as StepSchedule;

/** The deadline, reminder and escalations of a step started at `startedAt`, in working time. */
export async function scheduleStep(deps: StepScheduleDependencies, input: ScheduleStepInput): Promise<StepSchedule> {
  const startedAt = instant(input.startedAt, 'startedAt');
  const [calendar, policies] = await Promise.all([deps.calendars.calendar(), activeSlaPolicies(deps.db, deps)]);
  const policy = resolveSlaPolicy(policies, input);
  if (policy === undefined) return { ...NO_SCHEDULE, escalations: [] };
  assertUsable(policy);
  const deadlines = computeStepDeadlines(policy, calendar, startedAt);
  return {
    policyId: policy.id,
    due: deadlines.due.toISOString(),
    remindAt: deadlines.remindAt.toISOString(),
    escalations: deadlines.escalations.map(({ level, notify, at }) => ({ level, notify, at: at.toISOString() })),
  };
}

/**
 * A granted extension: `due` moves by `workingDays` working days (addWorkingDays, so the position
 * within the working day is kept); a schedule without a due counts from now.
 * The reminder and the escalations are then recomputed relative to the new due, with the policy
 * the step was scheduled by (found by policyId, even if deactivated since; its current values):
 * - reminder: after the policy's `reminderAt` fraction of the granted working time, i.e. of the
 *   time between the old due (or now) and the new due: the assignee is reminded before the new
 *   deadline as before the first one;
 * - escalations: new due + each level's afterWorkingHours.
 * If that policy has been DELETED since, the old schedule is kept in shape instead: the reminder
 * keeps its working-time lead before the due (at the start of the granted time if that lead is
 * longer), and each escalation keeps its working-time offset after the due.
 * A schedule without a policy (policyId null) takes the policy that applies now to the step,
 * category and level, if any (an administrator may have added one); else no reminder and no
 * escalations.
 */
export async function extendSchedule(
  deps: StepScheduleDependencies,
  input: ExtendScheduleInput,
): Promise<StepSchedule> {
  const { schedule } = input;
  const calendar = await deps.calendars.calendar();
  const from = schedule.due === null ? new Date((deps.now ?? Date.now)()) : instant(schedule.due, 'schedule.due');
  const due = addWorkingDays(calendar, from, input.workingDays);
  const granted = workingTimeBetween(calendar, from, due);

  const policy =
    schedule.policyId === null
      ? resolveSlaPolicy(await activeSlaPolicies(deps.db, deps), input)
      : await slaPolicyById(deps.db, schedule.policyId);
  if (policy !== undefined) {
    assertUsable(policy);
    return {
      policyId: policy.id,
      due: due.toISOString(),
      remindAt: addWorkingTime(calendar, from, Math.floor(granted * policy.reminderAt)).toISOString(),
      escalations: ladderAfter(calendar, due, policy.escalations),
    };
  }
  if (schedule.due === null) return { policyId: null, due: due.toISOString(), remindAt: null, escalations: [] };

  // The policy was deleted: keep the offsets the old schedule implies.
  const oldDue = from;
  const remindAt =
    schedule.remindAt === null
      ? null
      : addWorkingTime(
          calendar,
          from,
          Math.max(0, granted - workingTimeBetween(calendar, instant(schedule.remindAt, 'schedule.remindAt'), oldDue)),
        ).toISOString();
  const escalations = schedule.escalations.map((escalation) => ({
    level: escalation.level,
    notify: escalation.notify,
    at: addWorkingTime(
      calendar,
      due,
      Math.max(0, workingTimeBetween(calendar, oldDue, instant(escalation.at, 'schedule.escalations.at'))),
    ).toISOString(),
  }));
  return { policyId: schedule.policyId, due: due.toISOString(), remindAt, escalations };
}

/** `amount` working hours or days after `from` (e.g. the deadline of a reporter's answer). */
export async function workingDeadline(
  deps: Pick<StepScheduleDependencies, 'calendars'>,
  input: WorkingDeadlineInput,
): Promise<string> {
  const from = instant(input.from, 'from');
  const calendar = await deps.calendars.calendar();
  if (input.unit === 'days') return addWorkingDays(calendar, from, input.amount).toISOString();
  if (input.unit === 'hours') return addWorkingHours(calendar, from, input.amount).toISOString();
  throw new RangeError(`unit must be hours or days, got ${String(input.unit)}`);
}

// ---------------------------------------------------------------------------------------------
// Policies from the database

/** The columns of an SlaPolicy row the mapping reads. */
export interface SlaPolicyRow {
  id: string;
  step: string;
  categoryCode: string | null;
  level: CaseLevel | null;
  durationAmount: number;
  durationUnit: 'hours' | 'days';
  reminderAt: number;
  escalations: unknown;
  active: boolean;
}

const ESCALATION_TARGETS: readonly EscalationTarget[] = ['unit_leader', 'ioc_supervisor'];

/**
 * A row as a domain SlaPolicy, with the problems of its escalations JSON that the domain's
 * validator cannot see (not a list, not objects, an unknown `notify`). Pure.
 */
export function toSlaPolicy(row: SlaPolicyRow): { policy: SlaPolicy; problems: string[] } {
  const problems: string[] = [];
  const escalations: SlaEscalation[] = [];
  if (!Array.isArray(row.escalations)) problems.push('escalations must be a list');
  else {
    row.escalations.forEach((entry: unknown, index) => {
      const escalation = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      const notify = escalation.notify as EscalationTarget;
      if (!ESCALATION_TARGETS.includes(notify)) {
        problems.push(`escalations[${index}].notify must be one of ${ESCALATION_TARGETS.join(', ')}`);
      }
      escalations.push({
        level: escalation.level as number,
        afterWorkingHours: escalation.afterWorkingHours as number,
        notify,
      });
    });
  }
  const policy: SlaPolicy = {
    id: row.id,
    step: row.step as HumanStep,
    categoryCode: row.categoryCode,
    level: row.level,
    duration: { amount: row.durationAmount, unit: row.durationUnit },
    reminderAt: row.reminderAt,
    escalations,
    active: row.active,
  };
  return { policy, problems };
}

const invalidPolicies = new WeakMap<SlaPolicy, string[]>();

function mapRow(row: SlaPolicyRow): SlaPolicy {
  const { policy, problems } = toSlaPolicy(row);
  const all = [...problems, ...validateSlaPolicy(policy).map((problem) => `${problem.path} ${problem.message}`)];
  if (all.length > 0) invalidPolicies.set(policy, all);
  return policy;
}

function assertUsable(policy: SlaPolicy): void {
  const problems = invalidPolicies.get(policy);
  if (problems !== undefined) {
    throw new Error(
      `SLA policy ${policy.id} (step ${policy.step}, category ${policy.categoryCode ?? 'any'}, level ${policy.level ?? 'any'}) is invalid, fix it in the back office: ${problems.join('; ')}`,
    );
  }
}

const loadActivePolicies = cachedPerDb(async (db): Promise<readonly SlaPolicy[]> => {
  const rows = await db.slaPolicy.findMany({ where: { active: true } });
  return Object.freeze(rows.map(mapRow));
});

function activeSlaPolicies(db: Db, options: CacheOptions): Promise<readonly SlaPolicy[]> {
  return loadActivePolicies(db, { ttlMs: options.ttlMs, now: options.now });
}

/** By id, active or not, uncached (extensions are rare); undefined when it was deleted. */
async function slaPolicyById(db: Db, id: string): Promise<SlaPolicy | undefined> {
  // A schedule written by hand or an older version may carry a non-UUID id: not a policy of ours.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const row = await db.slaPolicy.findUnique({ where: { id } });
  return row === null ? undefined : mapRow(row);
}

// ---------------------------------------------------------------------------------------------

function ladderAfter(
  calendar: WorkingCalendar,
  due: Date,
  escalations: readonly SlaEscalation[],
): StepSchedule['escalations'] {
  return [...escalations]
    .sort((a, b) => a.level - b.level)
    .map(({ level, notify, afterWorkingHours }) => ({
      level,
      notify,
      at: addWorkingHours(calendar, due, afterWorkingHours).toISOString(),
    }));
}

function instant(text: string, name: string): Date {
  const date = new Date(text);
  if (typeof text !== 'string' || Number.isNaN(date.getTime())) {
    throw new RangeError(`${name} must be an ISO instant, got ${JSON.stringify(text)}`);
  }
  return date;
}
