/**
 * The case workflow's side effects, as a factory over their dependencies: the worker passes
 * real clients, tests may pass others of the same shape.
 */
import { log as activityLog } from '@temporalio/activity';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { MediaStorage } from '../platform/storage';
import type { FieldReportInput } from '../workflows/messages';
import { failingOnInvalidData } from './invalid-data';
import { decideRouting, type DecideRoutingInput } from './decide-routing';
import { locateCommune, type LocateCommuneInput } from './locate-commune';
import { generateMonthlyReports, type MonthlyReportsInput } from './monthly-reports';
import { notifyOfficials, type OfficialNotification } from './notify-officials';
import { notifyReporter, type ReporterNotification } from './notify-reporter';
import { projectTransition, type Transition } from './project-transition';
import { recordRating } from './record-rating';
import { reconcileStatistics, type ReconcileStatisticsInput } from './reconcile-statistics';
import { receiveReport, type ReceiveReportInput } from './receive-report';
import { recordReport } from './record-report';
import {
  extendSchedule,
  scheduleStep,
  workingDeadline,
  type ExtendScheduleInput,
  type ScheduleStepInput,
  type WorkingDeadlineInput,
} from './step-schedule';
import { createTemplateSource } from './template-source';
import { createCalendarSource } from './working-calendars';

export interface ActivityDependencies {
  db: Db;
  trackingCodePrefix: string;
  settings: CaseSettings;
  /** How long configuration read from the database is cached (default 60 s; 0 in tests that edit it). */
  configTtlMs?: number;
  /** The public origin citizens' links lead to (PUBLIC_BASE_URL); default http://localhost:3000. */
  publicBaseUrl?: string;
  /** Where the monthly reports are stored (media storage); without it they cannot be made. */
  storage?: MediaStorage;
}

/** Process settings a case reads once, at its start (so they are in its history). */
export interface CaseSettings {
  ratingWindowDays: number;
  infoRequestWorkingDays: number;
  reviewRatingAtMost: number;
  /** The reporter is reminded to rate after this fraction of the window (0: never). Absent in
   * cases started before it existed: 0.5. */
  ratingReminderFraction?: number;
}

export function caseSettingsFrom(
  config: Pick<
    Config,
    'RATING_WINDOW_DAYS' | 'INFO_REQUEST_WORKING_DAYS' | 'REVIEW_RATING_AT_MOST' | 'RATING_REMINDER_FRACTION'
  >,
): CaseSettings {
  return {
    ratingWindowDays: config.RATING_WINDOW_DAYS,
    infoRequestWorkingDays: config.INFO_REQUEST_WORKING_DAYS,
    reviewRatingAtMost: config.REVIEW_RATING_AT_MOST,
    ratingReminderFraction: config.RATING_REMINDER_FRACTION,
  };
}

export function createActivities({
  db,
  trackingCodePrefix,
  settings,
  configTtlMs,
  publicBaseUrl = 'http://localhost:3000',
  storage,
}: ActivityDependencies) {
  const calendars = createCalendarSource(db, { ttlMs: configTtlMs });
  const scheduling = { db, calendars, ttlMs: configTtlMs };
  const templates = createTemplateSource(db, { ttlMs: configTtlMs });
  const activities = {
    receiveReport: (input: ReceiveReportInput) =>
      receiveReport(
        { db, trackingCodePrefix, settings, publicBaseUrl, scheduling, cache: { ttlMs: configTtlMs }, templates },
        input,
      ),
    /** Cases received before receiveReport (workflows/field-report-case.ts, FEWER_ACTIVITIES). */
    recordReport: async (input: FieldReportInput) => (await recordReport(db, trackingCodePrefix, input)).receipt,
    caseSettings: async (): Promise<CaseSettings> => settings,
    locateCommune: (input: LocateCommuneInput) => locateCommune(db, input, { ttlMs: configTtlMs }),
    projectTransition: (transition: Transition) =>
      projectTransition(db, transition, () => calendars.calendar(), publicBaseUrl, templates),
    scheduleStep: (input: ScheduleStepInput) => scheduleStep(scheduling, input),
    extendSchedule: (input: ExtendScheduleInput) => extendSchedule(scheduling, input),
    workingDeadline: (input: WorkingDeadlineInput) => workingDeadline(scheduling, input),
    decideRouting: (input: DecideRoutingInput) => decideRouting({ db, ttlMs: configTtlMs }, input),
    notifyOfficials: (notification: OfficialNotification) =>
      notifyOfficials(db, notification, publicBaseUrl, templates),
    notifyReporter: (notification: ReporterNotification) =>
      notifyReporter({ db, publicBaseUrl, templates }, notification),
    recordRating: (rating: Parameters<typeof recordRating>[1]) => recordRating(db, rating),
    generateMonthlyReports: (input: MonthlyReportsInput) => generateMonthlyReports({ db, storage }, input),
    reconcileStatistics: (input: ReconcileStatisticsInput) => reconcileStatistics(db, activityLog, input),
  };
  // Data the database can never hold fails an activity once; it never loops.
  return failingOnInvalidData(activities);
}

export type Activities = ReturnType<typeof createActivities>;
export type { Transition };
