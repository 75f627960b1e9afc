/**
 * The case's state inside its workflow and its projection: every change is numbered (seq) and
 * written by one idempotent activity, in order, together with the search attributes Temporal's
 * own UI filters on.
 */
import {
  patched,
  proxyActivities,
  proxyLocalActivities,
  upsertSearchAttributes,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CaseChanges, Transition } from '../activities/project-transition';
import { INVALID_CASE_DATA, type CaseState, type FieldReportInput } from './messages';
import { CASE_CATEGORY, CASE_LEVEL, CASE_OVERDUE, CASE_STATUS, CASE_STEP, CASE_UNIT } from './search-attributes';

const options: ActivityOptions & LocalActivityOptions = {
  // Each is a few database statements: a dead worker's activity is retried after this.
  startToCloseTimeout: '10 seconds',
  // A database outage is waited out: the case is never lost, only delayed. Data the database
  // can never hold is not retried (activities/invalid-data.ts): the run fails, visibly.
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [INVALID_CASE_DATA],
  },
};

/** Each call its own activity task: three history events and a workflow task of its own. */
const taskActivities = proxyActivities<Activities>(options);
/**
 * Run by the worker inside the workflow task that asks for them: one marker event each, and a
 * run of them (project, then notify) costs one workflow task instead of one per call. Every
 * activity here is a few statements and idempotent by the case id and its seq or dedupe key, so
 * running it again after a crash (the workflow task is retried) changes nothing.
 */
const localActivities = proxyLocalActivities<Activities>(options);

/** The patch that runs the case's activities as local activities (2026-12); its id is forever. */
export const LOCAL_ACTIVITIES = 'local-activities';

export type TransitionNote = Omit<Transition, 'caseId' | 'seq' | 'at' | 'case'> & { case?: Partial<CaseChanges> };

export class CaseRecord {
  readonly state: CaseState;
  private seq = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private indexed = '';
  private localThroughout = false;

  constructor(readonly input: FieldReportInput) {
    const { report } = input;
    this.state = {
      caseId: input.caseId,
      status: 'received',
      step: 'receive',
      level: report.level,
      categoryCode: report.categoryCode,
      communeCode: report.location.communeCode ?? null,
      unitId: null,
      assigneeId: null,
      deadline: null,
      resolutionDeadline: null,
      overdue: false,
      escalationLevel: 0,
      openTask: null,
      excludedUnitIds: [],
      infoRequest: null,
      ratingDue: null,
      reopenCount: 0,
      version: 0,
    };
  }

  /**
   * The activities, as this point of the case runs them: local ones from the patch on; a case
   * that got this far before it replays them as activity tasks (workflows/README.md). A case
   * received under a later patch (`fewerActivities`) runs local ones throughout, without asking:
   * each patch costs its history a marker and a search-attribute upsert.
   */
  activities(): typeof taskActivities {
    return this.localThroughout || patched(LOCAL_ACTIVITIES) ? localActivities : taskActivities;
  }

  /** The case was received under a patch newer than LOCAL_ACTIVITIES: every activity is local. */
  runLocalActivitiesThroughout(): void {
    this.localThroughout = true;
  }

  /** Bumps the version: an Update's answer shows the state after its own change. */
  touch(): void {
    this.state.version += 1;
  }

  /**
   * Records a transition: the state's projected fields as they are now, plus what the note adds.
   * Writes are chained, so they reach the database in the order the workflow made them.
   */
  project(note: TransitionNote): Promise<void> {
    const s = this.state;
    this.seq += 1;
    this.touch();
    const transition: Transition = {
      ...note,
      caseId: s.caseId,
      seq: this.seq,
      at: new Date().toISOString(),
      case: {
        status: s.status,
        step: s.step,
        level: s.level,
        categoryCode: s.categoryCode,
        unitId: s.unitId,
        assigneeId: s.assigneeId,
        deadline: s.deadline,
        resolutionDeadline: s.resolutionDeadline,
        overdue: s.overdue,
        escalationLevel: s.escalationLevel,
        reopenCount: s.reopenCount,
        ...note.case,
      },
    };
    this.index();
    const written = this.tail.then(() => this.activities().projectTransition(transition));
    this.tail = written.catch(() => undefined);
    return written;
  }

  /** The next transition's sequence number, for keys of side effects that belong to it. */
  get nextSeq(): number {
    return this.seq + 1;
  }

  private index(): void {
    const s = this.state;
    const values = {
      status: s.status,
      step: s.step,
      unit: s.unitId,
      category: s.categoryCode,
      level: s.level,
      overdue: s.overdue,
    };
    const key = JSON.stringify(values);
    if (key === this.indexed) return; // an upsert is a history event: only when something changed
    this.indexed = key;
    upsertSearchAttributes([
      { key: CASE_STATUS, value: values.status },
      { key: CASE_STEP, value: values.step },
      { key: CASE_UNIT, value: values.unit }, // null removes it
      { key: CASE_CATEGORY, value: values.category },
      { key: CASE_LEVEL, value: values.level },
      { key: CASE_OVERDUE, value: values.overdue },
    ]);
  }
}
