/**
 * The receipt in one activity (one local activity, one marker in the history, one round trip of
 * the worker's workflow machinery): the case is recorded with its commune and its reporter's
 * acknowledgement in one transaction, and the case's settings and its first step's deadlines come
 * back with the receipt. Before it, the receipt took five activities (recordReport, caseSettings,
 * locateCommune, notifyReporter, scheduleStep); the cost per activity is the SDK's, not the
 * database's (bench/README.md, "Profiling").
 *
 * - The commune of a point-only report is found before the transaction (a cached index) and
 *   stored with the row, as activities/locate-commune.ts stores it afterwards for older cases.
 * - Idempotent as recordReport is: a retry finds the case and returns what it holds; its
 *   notifications were written with it or not at all.
 */
import type { Db } from '../platform/db';
import type { FieldReportInput, Receipt } from '../workflows/messages';
import { findCommuneOfPoint } from './find-commune';
import type { CaseSettings } from './index';
import { notifyReporter, type ReporterNotification } from './notify-reporter';
import { recordReport } from './record-report';
import {
  scheduleStep,
  type ScheduleStepInput,
  type StepSchedule,
  type StepScheduleDependencies,
} from './step-schedule';
import type { TemplateSource } from './template-source';
import type { CacheOptions } from './working-calendars';

export interface ReceiveReportInput {
  report: FieldReportInput;
  /** The reporter's acknowledgement, when they gave a contact; its caseId is the report's. */
  reporterNotice?: Omit<ReporterNotification, 'caseId'>;
  /** The step the case enters next (verify), scheduled from when the workflow asks. */
  firstStep: ScheduleStepInput;
}

export interface ReceivedReport {
  receipt: Receipt;
  /** The commune the case holds: the report's, the one found for its point, or null. */
  communeCode: string | null;
  settings: CaseSettings;
  /**
   * The first step's deadlines; null when they cannot be computed now (a policy edited into
   * nonsense): the workflow then asks scheduleStep, which is retried until the policy is fixed,
   * and the receipt is not held back by it.
   */
  firstStep: StepSchedule | null;
}

export interface ReceiveReportDependencies {
  db: Db;
  trackingCodePrefix: string;
  settings: CaseSettings;
  publicBaseUrl: string;
  scheduling: StepScheduleDependencies;
  cache?: CacheOptions;
  /** The worker's cached notification templates (activities/template-source.ts). */
  templates?: TemplateSource;
}

export async function receiveReport(
  deps: ReceiveReportDependencies,
  input: ReceiveReportInput,
): Promise<ReceivedReport> {
  const { report } = input;
  const { lat, lng, communeCode } = report.report.location;
  const located =
    !communeCode && typeof lat === 'number' && typeof lng === 'number'
      ? await findCommuneOfPoint(deps.db, lat, lng, deps.cache)
      : null;
  const notice = input.reporterNotice;
  const [recorded, firstStep] = await Promise.all([
    recordReport(deps.db, deps.trackingCodePrefix, report, {
      communeCode: located,
      alongside: notice
        ? (tx, created) =>
            notifyReporter(
              { db: tx, publicBaseUrl: deps.publicBaseUrl, templates: deps.templates },
              { ...notice, caseId: report.caseId },
              created,
            )
        : undefined,
    }),
    scheduleStep(deps.scheduling, input.firstStep).catch(() => null),
  ]);
  return { ...recorded, settings: deps.settings, firstStep };
}
