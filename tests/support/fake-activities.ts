/**
 * In-memory activities for the case workflow's unit tests (workflows/field-report*.test.ts): the
 * workflow's real code runs on the time-skipping test server, and these stand in for PostgreSQL.
 * Typed as `Activities` (the return type of `createActivities` in activities/index.ts), so an
 * activity that changes its signature breaks the type check here rather than silently the tests.
 * Every call is recorded, so a test asserts what the workflow asked of the world: the transitions
 * it projected, whom it notified, the rating it stored.
 * Deadlines are computed as the real `scheduleStep` computes them (domain/sla.ts over a working
 * calendar), from policies given here instead of rows; `workingDeadline` is the real activity
 * over the same calendar.
 */
import { Context } from '@temporalio/activity';
import type { Activities, CaseSettings, Transition } from '../../activities';
import type { RoutingDecision } from '../../activities/decide-routing';
import type { OfficialNotification } from '../../activities/notify-officials';
import type { ReporterNotification } from '../../activities/notify-reporter';
import {
  NO_SCHEDULE,
  workingDeadline,
  type ScheduleStepInput,
  type StepSchedule,
} from '../../activities/step-schedule';
import type { HumanStep } from '../../domain/case-steps';
import { computeStepDeadlines, resolveSlaPolicy, type SlaPolicy } from '../../domain/sla';
import type { WorkingCalendar } from '../../domain/working-calendar';
import { VIETNAM_OFFICE_CALENDAR } from '../../domain/working-calendar.fixture';
import { addWorkingDays, addWorkingHours, addWorkingTime, workingTimeBetween } from '../../domain/working-time';
import type { FieldReportInput, Receipt } from '../../workflows/messages';

/** The unit automatic routing sends reports to, unless a test routes otherwise. */
export const ROUTED_UNIT = { id: 'unit-18073', code: '18073', name: 'UBND phường Thành Sen' };

export const FAKE_SETTINGS: CaseSettings = {
  ratingWindowDays: 7,
  infoRequestWorkingDays: 5,
  reviewRatingAtMost: 2,
  ratingReminderFraction: 0.5,
};

/** One policy per human step, any category and level: the seed's shape, simpler numbers. */
export function policy(step: HumanStep, duration: SlaPolicy['duration'], escalations: SlaPolicy['escalations'] = []) {
  return {
    id: `policy-${step}`,
    step,
    categoryCode: null,
    level: null,
    duration,
    reminderAt: 0.75,
    escalations,
    active: true,
  } satisfies SlaPolicy;
}

export const DEFAULT_POLICIES: SlaPolicy[] = [
  policy('verify', { amount: 8, unit: 'hours' }, [{ level: 1, afterWorkingHours: 0, notify: 'unit_leader' }]),
  policy('route', { amount: 4, unit: 'hours' }),
  policy('accept', { amount: 1, unit: 'days' }),
  policy('assign', { amount: 1, unit: 'days' }),
  policy('process', { amount: 5, unit: 'days' }, [{ level: 1, afterWorkingHours: 0, notify: 'unit_leader' }]),
  policy('extension', { amount: 1, unit: 'days' }),
  policy('approve', { amount: 1, unit: 'days' }),
  policy('review', { amount: 2, unit: 'days' }),
];

/** Automatic routing to ROUTED_UNIT: the default decision. */
export function routedToUnit(input: Parameters<Activities['decideRouting']>[0]): RoutingDecision {
  return {
    kind: 'automatic',
    unitId: ROUTED_UNIT.id,
    unitCode: ROUTED_UNIT.code,
    unitName: ROUTED_UNIT.name,
    ruleId: 'rule-1',
    priority: 1,
    reasons: [],
    communeCode: input.communeCode ?? null,
    communeFromPoint: false,
    skippedRuleIds: [],
  };
}

export interface FakeWorldOptions {
  calendar?: WorkingCalendar;
  policies?: SlaPolicy[];
  settings?: CaseSettings;
  /** The routing decision; automatic to ROUTED_UNIT by default. */
  routing?: (input: Parameters<Activities['decideRouting']>[0]) => RoutingDecision;
  /** The commune `locateCommune` finds for a point (null: none). */
  communeOfPoint?: string | null;
  /**
   * The workflow's clock (the test server's time). A local activity's own schedule time is the
   * worker's wall clock, which the time-skipping server does not move; without it calls are
   * timed by that wall clock.
   */
  clock?: () => Promise<number>;
}

/** One call: the activity, its arguments, and when the workflow scheduled it (workflow time, epoch ms). */
export type ActivityCall = {
  [K in keyof Activities]: { name: K; input: Parameters<Activities[K]>; at: number };
}[keyof Activities];

/** The activities and what they were asked, per case. */
export function fakeWorld(options: FakeWorldOptions = {}) {
  const calendar = options.calendar ?? VIETNAM_OFFICE_CALENDAR;
  const policies = options.policies ?? DEFAULT_POLICIES;
  const calls: ActivityCall[] = [];
  const receipts = new Map<string, Receipt>();
  const record = async <K extends keyof Activities>(name: K, ...input: Parameters<Activities[K]>) => {
    const { info } = Context.current();
    const at = info.isLocal && options.clock ? await options.clock() : info.currentAttemptScheduledTimestampMs;
    calls.push({ name, input, at } as ActivityCall);
  };

  // Idempotent by case, as the real one is: a retry gets the same receipt.
  const receiptOf = (input: FieldReportInput): Receipt => {
    const known = receipts.get(input.caseId);
    if (known) return known;
    const receipt: Receipt = {
      id: input.caseId,
      trackingCode: `HT-2026-${String(receipts.size + 2).padStart(4, '2')}`,
      status: 'received',
      fingerprint: input.fingerprint,
    };
    receipts.set(input.caseId, receipt);
    return receipt;
  };
  const schedule = (input: ScheduleStepInput): StepSchedule => {
    const found = resolveSlaPolicy(policies, input);
    if (!found) return { ...NO_SCHEDULE, escalations: [] };
    const deadlines = computeStepDeadlines(found, calendar, new Date(input.startedAt));
    return {
      policyId: found.id,
      due: deadlines.due.toISOString(),
      remindAt: deadlines.remindAt.toISOString(),
      escalations: deadlines.escalations.map(({ level, notify, at }) => ({ level, notify, at: at.toISOString() })),
    };
  };

  const activities: Activities = {
    async receiveReport(input) {
      await record('receiveReport', input);
      const { report } = input.report;
      const point = typeof report.location.lat === 'number' && typeof report.location.lng === 'number';
      return {
        receipt: receiptOf(input.report),
        communeCode: report.location.communeCode ?? (point ? (options.communeOfPoint ?? null) : null),
        settings: options.settings ?? FAKE_SETTINGS,
        firstStep: schedule(input.firstStep),
      };
    },
    async recordReport(input) {
      await record('recordReport', input);
      return receiptOf(input);
    },
    async caseSettings() {
      await record('caseSettings');
      return options.settings ?? FAKE_SETTINGS;
    },
    async locateCommune(input) {
      await record('locateCommune', input);
      return options.communeOfPoint ?? null;
    },
    async projectTransition(transition) {
      await record('projectTransition', transition);
    },
    async scheduleStep(input) {
      await record('scheduleStep', input);
      return schedule(input);
    },
    async extendSchedule(input) {
      await record('extendSchedule', input);
      const from = new Date(input.schedule.due ?? Date.now());
      const due = addWorkingDays(calendar, from, input.workingDays);
      const found = policies.find((p) => p.id === input.schedule.policyId);
      const granted = workingTimeBetween(calendar, from, due);
      const extended: StepSchedule = {
        policyId: input.schedule.policyId,
        due: due.toISOString(),
        remindAt: found ? addWorkingTime(calendar, from, Math.floor(granted * found.reminderAt)).toISOString() : null,
        escalations: (found?.escalations ?? []).map(({ level, notify, afterWorkingHours }) => ({
          level,
          notify,
          at: addWorkingHours(calendar, due, afterWorkingHours).toISOString(),
        })),
      };
      return extended;
    },
    async workingDeadline(input) {
      await record('workingDeadline', input);
      return workingDeadline({ calendars: { calendar: async () => calendar } }, input);
    },
    async decideRouting(input) {
      await record('decideRouting', input);
      return (options.routing ?? routedToUnit)(input);
    },
    async notifyOfficials(notification) {
      await record('notifyOfficials', notification);
      return 1;
    },
    async notifyReporter(notification) {
      await record('notifyReporter', notification);
      return 1;
    },
    async recordRating(rating) {
      await record('recordRating', rating);
    },
    // The monthly reports' workflow, not the case's: recorded, no unit written.
    async generateMonthlyReports(input) {
      await record('generateMonthlyReports', input);
      return { month: input.month, units: 0 };
    },
    // The statistics' reconcile workflow, not the case's: recorded, nothing checked.
    async reconcileStatistics(input) {
      await record('reconcileStatistics', input);
      return { checked: { from: '', to: '' }, repairedDays: [], repairedMonths: [], repairedWeeks: [] };
    },
  };

  const callsOf = <K extends keyof Activities>(name: K, caseId: string) =>
    calls.filter(
      (call): call is Extract<ActivityCall, { name: K }> => call.name === name && caseOf(call.input[0]) === caseId,
    );
  const of = <K extends keyof Activities>(name: K, caseId: string) =>
    callsOf(name, caseId).map((call) => call.input[0] as Parameters<Activities[K]>[0]);

  return {
    activities,
    calls,
    /** The case's calls of one activity, with when they were scheduled. */
    callsOf,
    /** The transitions the case's workflow projected, in the order it made them. */
    transitions: (caseId: string): Transition[] => of('projectTransition', caseId) as Transition[],
    /** "kind status/step" of each projected transition: the case's timeline. */
    timeline: (caseId: string): string[] =>
      (of('projectTransition', caseId) as Transition[]).map((t) => `${t.kind} ${t.case.status}/${t.case.step}`),
    /** Officials notified, on their own or with the transition that opened a task, in order. */
    officialNotifications: (caseId: string): OfficialNotification[] =>
      calls.flatMap((call) => {
        if (call.name === 'notifyOfficials' && call.input[0].caseId === caseId) return [call.input[0]];
        if (call.name === 'projectTransition' && call.input[0].caseId === caseId)
          return call.input[0].notifyOfficials ?? [];
        return [];
      }),
    /** The reporter's notifications, the receipt's acknowledgement first. */
    reporterNotifications: (caseId: string): ReporterNotification[] =>
      calls.flatMap((call) => {
        if (call.name === 'notifyReporter' && call.input[0].caseId === caseId) return [call.input[0]];
        const notice =
          call.name === 'receiveReport' && call.input[0].report.caseId === caseId && call.input[0].reporterNotice;
        return notice ? [{ ...notice, caseId }] : [];
      }),
    ratings: (caseId: string) => of('recordRating', caseId),
  };
}

export type FakeWorld = ReturnType<typeof fakeWorld>;

/** The case an activity's input is about (receiveReport's is its report's). */
function caseOf(input: unknown): string | undefined {
  const given = input as { caseId?: string; report?: { caseId?: string } } | undefined;
  return given?.caseId ?? given?.report?.caseId;
}
