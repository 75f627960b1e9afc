/**
 * One case, as its workflow runs it: the state (`CaseRecord`), the Update inbox, the deadlines it
 * watches, and one method per step of the regulation, each returning the next step. The workflow
 * function (field-report.ts) only makes one, registers its handlers and runs it.
 *
 * Replay: every recorded history (tests/histories) must produce the same commands in the same
 * order, so the order of the activities, timers, upserts and patches in each method is the
 * contract (workflows/README.md, "Changing the workflow safely").
 */
import { allHandlersFinished, condition, patched, setHandler, uuid4 } from '@temporalio/workflow';
import type { CaseSettings } from '../activities';
import type { OfficialNotification } from '../activities/notify-officials';
import type { ReporterEvent, ReporterNotification } from '../activities/notify-reporter';
import type { StepSchedule } from '../activities/step-schedule';
import type { HumanStep } from '../domain/case-steps';
import { fillLetter, letterDateTime } from '../domain/reply-letters';
import type { StepOutcome } from '../domain/task-outcomes';
import { allowedOutcomes } from '../domain/task-outcomes';
import { CaseRecord, type TransitionNote } from './case-record';
import type { DeadlineEvent, DeadlineWatch } from './deadline-watch';
import {
  completeTaskUpdate,
  rateUpdate,
  receiptUpdate,
  stateQuery,
  supplyInfoUpdate,
  withdrawUpdate,
  type CaseState,
  type CompleteTaskInput,
  type FieldReportInput,
  type RateInput,
  type Receipt,
  type SupplyInfoInput,
  type TaskRole,
  type WithdrawInput,
} from './messages';
import { StepDeadlines, type Recipients } from './step-deadlines';
import { UpdateInbox } from './update-inbox';
import { checkCompletion, checkRating, checkSupplyInfo, checkWithdrawal } from './update-checks';

/** The steps the main loop runs, and `done`. */
export type Next =
  | 'verify'
  | 'info'
  | 'route'
  | 'accept'
  | 'assign'
  | 'process'
  | 'extension'
  | 'approve'
  | 'respond'
  | 'rate'
  | 'review'
  | 'close'
  | 'withdrawn'
  | 'done';
type Step = Exclude<Next, 'done'>;

/** What the inbox holds: one slot per Update that carries a message to the main loop. */
export interface CaseMessages {
  completion: CompleteTaskInput;
  info: SupplyInfoInput;
  rating: RateInput;
  withdrawal: WithdrawInput;
}

const WITHDRAWN = Symbol('withdrawn');
/** The patch of the reporter's notifications (2026-12); its id is forever. */
const REPORTER_NOTIFICATIONS = 'reporter-notifications';
/** The patch that locates and stores the commune of a point-only report at receipt (2026-12). */
const COMMUNE_FROM_POINT = 'commune-from-point';
/**
 * The patch (2026-12) that cuts the activities a case runs: the receipt in one (receiveReport:
 * record, commune, settings, the reporter's acknowledgement, verify's deadlines), and a task's
 * announcement to officials in the transition that opens it. Each activity costs the worker a
 * round of its workflow machinery and Temporal a marker (docs/performance.md). A case received
 * under it runs local activities throughout without asking `local-activities` (two events fewer).
 */
const FEWER_ACTIVITIES = 'fewer-activities';
const DAY_MS = 86_400_000;
type Completion = { outcome: StepOutcome; actorId: string; taskId: string };

interface TaskOptions {
  role: TaskRole;
  unitId: string | null;
  assigneeId?: string | null;
  deadline: StepSchedule;
  entry: TransitionNote;
  /** Runs once the entry is projected and the task announced (the reporter's notification). */
  afterEntry?: () => Promise<void>;
}

export class FieldReportCase {
  private readonly record: CaseRecord;
  readonly state: CaseState;
  private readonly inbox: UpdateInbox<CaseMessages, CaseState>;
  private readonly deadlines: StepDeadlines;
  private readonly reporterContact: boolean;
  private receipt: Receipt | undefined;
  /** Read once at the start, so they are in the history. */
  private readonly settings = {} as CaseSettings;
  /** verify's deadlines as the receipt computed them (FEWER_ACTIVITIES): taken by the first verify. */
  private firstSchedule: StepSchedule | undefined;

  /** The close of the task just completed, carried by the next transition. */
  private pendingClose: TransitionNote['closeTask'];
  /** The unit's deadline: kept across extension and send-back. */
  private processDeadline: StepSchedule | undefined;
  /** What the process watch fired before the reply, for a send-back. */
  private processFired: string[] = [];
  private processNote: string | undefined;
  private extensionRequest: { workingDays: number; reason: string; by: string } | undefined;
  private reply: { text: string; attachmentIds: string[] } | undefined;
  /**
   * Who did what (and their note), carried from the step where it happened into the next step's
   * transition that records it; each step takes it, so nothing leaks further.
   */
  private handover: { actorId: string; note?: string | null } | undefined;
  private ratedOnce = false;

  private readonly steps: Record<Step, () => Promise<Next>> = {
    verify: () => this.verify(),
    info: () => this.info(),
    route: () => this.route(),
    accept: () => this.accept(),
    assign: () => this.assign(),
    process: () => this.process(),
    extension: () => this.extension(),
    approve: () => this.approve(),
    respond: () => this.respond(),
    rate: () => this.rate(),
    review: () => this.review(),
    close: () => this.close(),
    withdrawn: () => this.withdrawn(),
  };

  constructor(readonly input: FieldReportInput) {
    this.record = new CaseRecord(input);
    this.state = this.record.state;
    const { reporter } = input.report;
    this.reporterContact = Boolean(reporter?.email || reporter?.phone);
    this.inbox = new UpdateInbox<CaseMessages, CaseState>(condition, () => this.state);
    this.deadlines = new StepDeadlines(this.state, (step, watch, event, to) => this.onDeadline(step, watch, event, to));
  }

  /** The Query and the Updates, in one place: each validator refuses before anything enters the history. */
  registerHandlers(): void {
    const { inbox, state } = this;
    setHandler(stateQuery, () => state);
    setHandler(receiptUpdate, async () => {
      await condition(() => this.receipt !== undefined);
      return this.receipt!;
    });
    setHandler(completeTaskUpdate, (completion) => inbox.accept('completion', completion), {
      validator: (completion) => checkCompletion(state, inbox.busy('completion'), completion),
    });
    setHandler(supplyInfoUpdate, (info) => inbox.accept('info', { ...info, answer: info.answer.trim() }), {
      validator: (info) => checkSupplyInfo(state, inbox.busy('info'), info),
    });
    setHandler(rateUpdate, (rating) => inbox.accept('rating', rating), {
      validator: (rating) => checkRating(state, inbox.busy('rating'), rating),
    });
    setHandler(withdrawUpdate, (withdrawal) => inbox.accept('withdrawal', withdrawal ?? {}), {
      validator: (_withdrawal) => checkWithdrawal(state, inbox.busy('withdrawal')),
    });
  }

  /** Receives the report, then runs the steps from verify until the case is done. */
  async run(): Promise<CaseState> {
    const { state } = this;
    if (patched(FEWER_ACTIVITIES)) {
      this.record.runLocalActivitiesThroughout();
      await this.receive();
      if (state.level === 'urgent') await this.alertArea();
    } else {
      this.receipt = await this.record.activities().recordReport(this.input);
      state.trackingCode = this.receipt.trackingCode;
      Object.assign(this.settings, await this.record.activities().caseSettings());
      await this.locateCommune();
      if (state.level === 'urgent') await this.alertArea();
      await this.tellReporter('received', 'case_received');
    }

    let next: Next = 'verify';
    while (next !== 'done') {
      if (next === 'withdrawn' || next === 'close') this.deadlines.unwatchAll();
      next = await this.steps[next]();
    }
    state.openTask = null;
    this.inbox.settle(true);
    await condition(allHandlersFinished);
    return state;
  }

  /** The receipt in one activity; verify's deadlines come with it (kept for the first verify). */
  private async receive() {
    const { state } = this;
    const received = await this.record.activities().receiveReport({
      report: this.input,
      ...(this.reporterContact && { reporterNotice: this.reporterNotice('received', 'case_received') }),
      firstStep: this.scheduleInput('verify'),
    });
    this.receipt = received.receipt;
    state.trackingCode = received.receipt.trackingCode;
    state.communeCode = received.communeCode;
    Object.assign(this.settings, received.settings);
    this.firstSchedule = received.firstStep ?? undefined;
  }

  // ---- deadlines ------------------------------------------------------------------------------

  /** A deadline's event: the reminder notifies; an escalation is projected, then notified. */
  private async onDeadline(step: HumanStep, w: DeadlineWatch, event: DeadlineEvent, to: Recipients) {
    const { state, record } = this;
    const key = `${record.nextSeq}:${step}`;
    const params = { trackingCode: state.trackingCode ?? '', step, due: w.due };
    if (event.kind === 'reminder') {
      const audience = to.assigneeId
        ? { userIds: [to.assigneeId] }
        : { unitId: to.unitId, roles: to.unitId ? (['officer', 'leader'] as const) : (['operator'] as const) };
      await this.record.activities().notifyOfficials({
        caseId: state.caseId,
        key: `${key}:reminder`,
        event: 'deadline_reminder',
        audience: { ...audience, roles: audience.roles ? [...audience.roles] : undefined },
        params,
      });
      return;
    }
    this.deadlines.refresh();
    await record.project({
      kind: event.level === 1 ? 'overdue' : 'escalated',
      visibility: 'internal',
      note: `${step}: level ${event.level}`,
    });
    const roles = event.notify === 'unit_leader' ? (['leader'] as const) : (['supervisor'] as const);
    await this.record.activities().notifyOfficials({
      caseId: state.caseId,
      key: `${key}:level-${event.level}`,
      event: event.level === 1 ? 'overdue' : 'escalated',
      audience: { unitId: event.notify === 'unit_leader' ? to.unitId : null, roles: [...roles] },
      params,
    });
  }

  // ---- human tasks ----------------------------------------------------------------------------

  /** The transition into a step, carrying the close of the task just completed. */
  private enter(note: TransitionNote): Promise<void> {
    const closeTask = this.pendingClose;
    this.pendingClose = undefined;
    return this.record.project({ ...note, ...(closeTask && { closeTask }) });
  }

  private schedule(step: HumanStep): Promise<StepSchedule> {
    return this.record.activities().scheduleStep(this.scheduleInput(step));
  }

  private scheduleInput(step: HumanStep) {
    return {
      step,
      categoryCode: this.state.categoryCode,
      level: this.state.level,
      startedAt: new Date().toISOString(),
    };
  }

  private takeHandover() {
    const taken = this.handover;
    this.handover = undefined;
    return taken;
  }

  /**
   * Opens the step's task, waits for its completion (or the reporter's withdrawal, while that is
   * allowed), and returns the outcome; the task is closed by the next transition.
   */
  private async task(step: HumanStep, options: TaskOptions): Promise<Completion | typeof WITHDRAWN> {
    const { state, inbox } = this;
    const openTask = {
      id: uuid4(),
      step,
      role: options.role,
      unitId: options.unitId,
      assigneeId: options.assigneeId ?? null,
      allowedOutcomes: allowedOutcomes(step),
      due: options.deadline.due,
      urgent: state.level === 'urgent',
    };
    state.step = step;
    state.deadline = options.deadline.due;
    state.openTask = openTask;
    // Each step's deadline is watched while its task is open; process's is the unit's deadline
    // for the result, kept across extension and send-back (the process step watches it itself).
    if (step !== 'process')
      this.deadlines.watch(step, options.deadline, () => ({
        unitId: openTask.unitId,
        assigneeId: openTask.assigneeId,
      }));
    const entry = { ...options.entry, openTask: { ...openTask, remindAt: options.deadline.remindAt } };
    const announcement: OfficialNotification = {
      caseId: state.caseId,
      key: `${openTask.id}:new_task`,
      event: step === 'extension' ? 'extension_requested' : openTask.assigneeId ? 'task_assigned' : 'new_task',
      audience: openTask.assigneeId
        ? { userIds: [openTask.assigneeId] }
        : { unitId: openTask.unitId, roles: [openTask.role] },
      params: { trackingCode: state.trackingCode ?? '', step, due: openTask.due },
    };
    if (patched(FEWER_ACTIVITIES)) {
      await this.enter({ ...entry, notifyOfficials: [announcement] });
    } else {
      await this.enter(entry);
      await this.record.activities().notifyOfficials(announcement);
    }
    await options.afterEntry?.();
    inbox.settle();
    await condition(inbox.arrived('completion', 'withdrawal'));
    state.openTask = null;
    if (step !== 'process') this.deadlines.unwatch(step);
    if (inbox.busy('withdrawal')) {
      this.pendingClose = { id: openTask.id, state: 'cancelled' };
      return WITHDRAWN;
    }
    const completion = inbox.take('completion')!;
    const { outcome, data, actor } = completion;
    const checked = { step, outcome, data: data ?? {} } as StepOutcome;
    this.pendingClose = { id: openTask.id, state: 'done', outcome, data: data ?? {}, completedById: actor.userId };
    return { outcome: checked, actorId: actor.userId, taskId: openTask.id };
  }

  // ---- the steps ------------------------------------------------------------------------------

  private async verify(): Promise<Next> {
    const { state } = this;
    state.status = 'verifying';
    const deadline = this.firstSchedule ?? (await this.schedule('verify'));
    this.firstSchedule = undefined;
    const done = await this.task('verify', {
      role: 'operator',
      unitId: null,
      deadline,
      entry: { kind: 'verification_started', visibility: 'public' },
    });
    if (done === WITHDRAWN) return 'withdrawn';
    const { outcome, actorId } = done;
    switch (outcome.outcome) {
      case 'accept': {
        const raised = outcome.data.level === 'urgent' && state.level !== 'urgent';
        if (outcome.data.level) state.level = outcome.data.level;
        if (outcome.data.categoryCode) state.categoryCode = outcome.data.categoryCode;
        state.status = 'routing';
        state.step = 'route';
        state.deadline = null;
        await this.enter({ kind: 'verified', visibility: 'public', actorId, note: outcome.data.note ?? null });
        if (raised) await this.alertArea();
        return 'route';
      }
      case 'reject':
        state.status = 'rejected';
        state.step = 'close';
        state.deadline = null;
        await this.enter({
          kind: 'rejected',
          visibility: 'public',
          actorId,
          note: outcome.data.reason,
          case: { closedAt: new Date().toISOString() },
        });
        await this.tellReporter('closed', 'case_closed', { outcome: 'rejected', note: outcome.data.reason });
        return 'done';
      case 'duplicate':
        state.status = 'duplicate';
        state.step = 'close';
        state.deadline = null;
        await this.enter({
          kind: 'duplicate',
          visibility: 'public',
          actorId,
          note: outcome.data.note ?? null,
          case: { duplicateOfId: outcome.data.duplicateOf, closedAt: new Date().toISOString() },
        });
        await this.tellReporter('closed', 'case_closed', { outcome: 'duplicate' });
        return 'done';
      case 'request_info': {
        const due = await this.record.activities().workingDeadline({
          from: new Date().toISOString(),
          amount: this.settings.infoRequestWorkingDays,
          unit: 'days',
        });
        // The request-for-information letter's {{dueDate}} is this deadline (domain/reply-letters.ts).
        const question = fillLetter(outcome.data.question, { dueDate: letterDateTime(due) });
        state.status = 'info_requested';
        state.infoRequest = { question, due };
        state.deadline = due;
        await this.enter({ kind: 'info_requested', visibility: 'reporter', actorId, note: question });
        await this.tellReporter('info_requested', 'info_requested', { question, deadline: due });
        return 'info';
      }
      default:
        throw new Error(`unexpected verify outcome ${outcome.outcome}`);
    }
  }

  private async info(): Promise<Next> {
    const { state, inbox } = this;
    inbox.settle();
    const due = Date.parse(state.infoRequest!.due);
    await condition(inbox.arrived('info', 'withdrawal'), Math.max(1, due - Date.now()));
    if (inbox.busy('withdrawal')) return 'withdrawn';
    const answer = inbox.take('info');
    state.infoRequest = null;
    state.status = 'verifying';
    state.deadline = null;
    await this.enter(
      answer
        ? { kind: 'info_supplied', visibility: 'reporter', note: answer.answer }
        : { kind: 'info_request_expired', visibility: 'reporter', note: null },
    );
    return 'verify';
  }

  private async route(): Promise<Next> {
    const { state } = this;
    const { report } = this.input;
    const decision = await this.record.activities().decideRouting({
      categoryCode: state.categoryCode,
      communeCode: state.communeCode,
      lat: report.location.lat ?? null,
      lng: report.location.lng ?? null,
      description: report.description,
      excludeUnitIds: state.excludedUnitIds,
    });
    if (decision.kind === 'automatic') {
      state.unitId = decision.unitId;
      return 'accept';
    }
    const deadline = await this.schedule('route');
    const candidates = decision.candidates.map((c) => c.unitCode).join(', ');
    const done = await this.task('route', {
      role: 'operator',
      unitId: null,
      deadline,
      entry: {
        kind: 'routing_needs_operator',
        visibility: 'internal',
        note: `${decision.reason}${candidates ? `: ${candidates}` : ''}`,
      },
    });
    if (done === WITHDRAWN) return 'withdrawn';
    if (done.outcome.outcome !== 'route') throw new Error(`unexpected route outcome ${done.outcome.outcome}`);
    state.unitId = done.outcome.data.unitId;
    this.handover = { actorId: done.actorId };
    return 'accept';
  }

  private async accept(): Promise<Next> {
    const { state } = this;
    state.status = 'awaiting_acceptance';
    const deadline = await this.schedule('accept');
    const actorId = this.takeHandover()?.actorId;
    const done = await this.task('accept', {
      role: 'officer',
      unitId: state.unitId,
      deadline,
      entry: { kind: 'routed', visibility: 'public', actorId },
    });
    if (done === WITHDRAWN) return 'withdrawn';
    if (done.outcome.outcome === 'return') {
      const returnedBy = state.unitId!;
      state.excludedUnitIds = [...new Set([...state.excludedUnitIds, returnedBy])];
      state.unitId = null;
      state.status = 'routing';
      state.step = 'route';
      state.deadline = null;
      await this.enter({
        kind: 'returned',
        visibility: 'internal',
        actorId: done.actorId,
        note: done.outcome.data.reason,
      });
      await this.record.activities().notifyOfficials({
        caseId: state.caseId,
        key: `${done.taskId}:returned`,
        event: 'case_returned',
        audience: { unitId: null, roles: ['operator'] },
        params: { trackingCode: state.trackingCode ?? '' },
      });
      return 'route';
    }
    state.status = 'processing';
    this.handover = {
      actorId: done.actorId,
      note: done.outcome.outcome === 'accept' ? (done.outcome.data.note ?? null) : null,
    };
    return 'assign';
  }

  private async assign(): Promise<Next> {
    const { state } = this;
    const deadline = await this.schedule('assign');
    const accepted = this.takeHandover();
    const done = await this.task('assign', {
      role: 'leader',
      unitId: state.unitId,
      deadline,
      entry: accepted
        ? {
            kind: 'accepted',
            visibility: 'public',
            actorId: accepted.actorId,
            note: accepted.note,
            case: { acceptedAt: new Date().toISOString() },
          }
        : { kind: 'assignment_started', visibility: 'internal' },
      afterEntry: accepted ? () => this.tellReporter('accepted', 'case_accepted') : undefined,
    });
    if (done === WITHDRAWN) throw new Error('withdrawal is not allowed while processing');
    if (done.outcome.outcome !== 'assign') throw new Error(`unexpected assign outcome ${done.outcome.outcome}`);
    state.assigneeId = done.outcome.data.assigneeId;
    this.processNote = done.outcome.data.note;
    this.handover = { actorId: done.actorId };
    return 'process';
  }

  private async process(): Promise<Next> {
    const { state, deadlines } = this;
    if (!this.processDeadline) {
      this.processDeadline = await this.schedule('process');
      state.resolutionDeadline = this.processDeadline.due;
    }
    // After a send-back the unit's deadline is watched again, without repeating what already fired.
    if (!deadlines.has('process')) {
      deadlines.watch(
        'process',
        this.processDeadline,
        () => ({ unitId: state.unitId, assigneeId: state.assigneeId }),
        this.processFired,
      );
      deadlines.refresh();
    }
    const note = this.processNote;
    this.processNote = undefined;
    const actorId = this.takeHandover()?.actorId;
    const done = await this.task('process', {
      role: 'officer',
      unitId: state.unitId,
      assigneeId: state.assigneeId,
      deadline: this.processDeadline,
      entry: { kind: 'processing_started', visibility: 'internal', actorId, note: note ?? null },
    });
    if (done === WITHDRAWN) throw new Error('withdrawal is not allowed while processing');
    const { outcome } = done;
    if (outcome.outcome === 'request_extension') {
      this.extensionRequest = { workingDays: outcome.data.workingDays, reason: outcome.data.reason, by: done.actorId };
      return 'extension';
    }
    if (outcome.outcome !== 'reply') throw new Error(`unexpected process outcome ${outcome.outcome}`);
    this.reply = { text: outcome.data.reply, attachmentIds: outcome.data.attachmentIds };
    this.processFired = deadlines.get('process')?.firedEvents ?? [];
    deadlines.unwatch('process'); // the unit answered within (or after) its deadline; approval has its own
    this.handover = { actorId: done.actorId };
    return 'approve';
  }

  private async extension(): Promise<Next> {
    const { state } = this;
    const request = this.extensionRequest!;
    const deadline = await this.schedule('extension');
    const done = await this.task('extension', {
      role: 'leader',
      unitId: state.unitId,
      deadline,
      entry: {
        kind: 'extension_requested',
        visibility: 'internal',
        actorId: request.by,
        note: `${request.workingDays}: ${request.reason}`,
      },
    });
    if (done === WITHDRAWN) throw new Error('withdrawal is not allowed while processing');
    const { outcome } = done;
    if (outcome.outcome === 'grant') {
      this.processDeadline = await this.record.activities().extendSchedule({
        schedule: this.processDeadline!,
        workingDays: outcome.data.workingDays,
        step: 'process',
        categoryCode: state.categoryCode,
        level: state.level,
      });
      state.resolutionDeadline = this.processDeadline.due;
      this.deadlines.get('process')?.reschedule(this.processDeadline);
      this.deadlines.refresh();
      state.step = 'process';
      await this.enter({
        kind: 'extension_granted',
        visibility: 'public',
        actorId: done.actorId,
        note: `${outcome.data.workingDays}`,
      });
    } else if (outcome.outcome === 'deny') {
      state.step = 'process';
      await this.enter({
        kind: 'extension_denied',
        visibility: 'internal',
        actorId: done.actorId,
        note: outcome.data.reason,
      });
    }
    await this.record.activities().notifyOfficials({
      caseId: state.caseId,
      key: `${done.taskId}:extension_decided`,
      event: 'extension_decided',
      audience: { userIds: [request.by] },
      params: { trackingCode: state.trackingCode ?? '' },
    });
    this.extensionRequest = undefined;
    return 'process';
  }

  private async approve(): Promise<Next> {
    const { state } = this;
    state.status = 'awaiting_approval';
    const deadline = await this.schedule('approve');
    const actorId = this.takeHandover()?.actorId;
    const done = await this.task('approve', {
      role: 'leader',
      unitId: state.unitId,
      deadline,
      entry: { kind: 'reply_submitted', visibility: 'internal', actorId, note: this.reply!.text },
    });
    if (done === WITHDRAWN) throw new Error('withdrawal is not allowed while processing');
    if (done.outcome.outcome === 'send_back') {
      state.status = 'processing';
      this.processNote = done.outcome.data.comment;
      state.step = 'process';
      await this.enter({
        kind: 'sent_back',
        visibility: 'internal',
        actorId: done.actorId,
        note: done.outcome.data.comment,
      });
      return 'process';
    }
    this.handover = { actorId: done.actorId };
    return 'respond';
  }

  private async respond(): Promise<Next> {
    const { state } = this;
    const publishedAt = new Date();
    state.status = 'responded';
    state.step = 'rate';
    state.deadline = null;
    state.ratingDue = new Date(publishedAt.getTime() + this.settings.ratingWindowDays * DAY_MS).toISOString();
    const actorId = this.takeHandover()?.actorId;
    await this.enter({
      kind: 'reply_published',
      visibility: 'public',
      actorId,
      note: this.reply!.text,
      case: { publishedAt: publishedAt.toISOString() },
    });
    await this.tellReporter('reply_published', 'reply_published', {
      reply: this.reply!.text,
      deadline: state.ratingDue,
    });
    return 'rate';
  }

  private async rate(): Promise<Next> {
    const { state, inbox, settings } = this;
    inbox.settle();
    const due = Date.parse(state.ratingDue!);
    // 2026-12: a reporter who has not rated halfway through the window is reminded once.
    const fraction = settings.ratingReminderFraction ?? 0.5;
    if (fraction > 0 && this.reporterContact && patched(REPORTER_NOTIFICATIONS)) {
      const remindAt = due - (1 - fraction) * settings.ratingWindowDays * DAY_MS;
      const rated = await condition(inbox.arrived('rating'), Math.max(1, remindAt - Date.now()));
      if (!rated) await this.tellReporter('rating_reminder', 'rating_reminder', { deadline: state.ratingDue });
    }
    await condition(inbox.arrived('rating'), Math.max(1, due - Date.now()));
    const rating = inbox.take('rating');
    state.ratingDue = null;
    if (!rating) return 'close';
    await this.record.activities().recordRating({
      caseId: state.caseId,
      round: state.reopenCount,
      score: rating.score,
      comment: rating.comment ?? null,
      at: new Date().toISOString(),
    });
    const unsatisfied = rating.score <= settings.reviewRatingAtMost;
    await this.enter({
      kind: 'rated',
      visibility: 'public',
      note: `${rating.score}/5${rating.comment ? `: ${rating.comment}` : ''}`,
    });
    this.ratedOnce = true;
    return unsatisfied ? 'review' : 'close';
  }

  private async review(): Promise<Next> {
    const { state } = this;
    const deadline = await this.schedule('review');
    const done = await this.task('review', {
      role: 'supervisor',
      unitId: null,
      deadline,
      entry: { kind: 'review_started', visibility: 'internal' },
    });
    if (done === WITHDRAWN) throw new Error('withdrawal is not allowed after the reply');
    if (done.outcome.outcome === 'reopen') {
      state.reopenCount += 1;
      state.status = 'processing';
      state.step = 'process';
      this.processDeadline = undefined; // a new round, a new deadline for the unit
      this.processFired = [];
      this.reply = undefined;
      this.processNote = done.outcome.data.comment;
      await this.enter({
        kind: 'reopened',
        visibility: 'public',
        actorId: done.actorId,
        note: done.outcome.data.comment,
      });
      return 'process';
    }
    this.handover =
      done.outcome.outcome === 'close' ? { actorId: done.actorId, note: done.outcome.data.comment } : undefined;
    return 'close';
  }

  private async close(): Promise<Next> {
    const { state } = this;
    state.status = 'closed';
    state.step = 'close';
    state.deadline = null;
    const note = this.takeHandover();
    await this.enter({
      kind: this.ratedOnce || note ? 'closed' : 'closed_unrated',
      visibility: 'public',
      actorId: note?.actorId ?? null,
      note: note?.note ?? null,
      case: { closedAt: new Date().toISOString() },
    });
    await this.tellReporter('closed', 'case_closed', { outcome: 'closed' });
    return 'done';
  }

  private async withdrawn(): Promise<Next> {
    const { state } = this;
    const reason = this.inbox.peek('withdrawal')?.reason;
    state.status = 'withdrawn';
    state.step = 'close';
    state.deadline = null;
    state.infoRequest = null;
    await this.enter({
      kind: 'withdrawn',
      visibility: 'public',
      note: reason ?? null,
      case: { closedAt: new Date().toISOString() },
    });
    return 'done';
  }

  // ---- side effects of several steps ----------------------------------------------------------

  /** Urgent reports alert the officials of the area at once (Huế's "instant" process). */
  private async alertArea() {
    const { state } = this;
    if (!state.communeCode) return;
    await this.record.activities().notifyOfficials({
      caseId: state.caseId,
      key: `urgent:${state.level}:${this.record.nextSeq}`,
      event: 'urgent_report',
      audience: { areaCommuneCode: state.communeCode, roles: ['leader', 'officer'] },
      params: { trackingCode: state.trackingCode ?? '' },
    });
  }

  /**
   * A report with a point and no commune (the citizen API, Open311) gets the commune whose boundary
   * contains the point, stored on the case, so the area's alert, the back office's and the feed's
   * commune filters, Open311 and routing all see it. A step of its own rather than part of
   * recordReport: the receipt is not delayed by it, and the patch marker says in the history which
   * cases took it. Behind a patch: a case received before it replays without the activity (its
   * routing still finds the commune from the point, as it did). Since FEWER_ACTIVITIES, a new case
   * gets its commune from receiveReport; this replays the cases received before.
   */
  private async locateCommune() {
    const { lat, lng } = this.input.report.location;
    if (this.state.communeCode || typeof lat !== 'number' || typeof lng !== 'number') return;
    if (!patched(COMMUNE_FROM_POINT)) return;
    this.state.communeCode = await this.record.activities().locateCommune({ caseId: this.state.caseId, lat, lng });
  }

  /**
   * The reporter's email and SMS (activities/notify-reporter.ts), when they gave a contact. Added
   * after cases were already running: behind one patch, so a case recorded without it replays
   * (workflows/README.md); the key is made unique per occurrence (a reopened case's round).
   */
  private async tellReporter(key: string, event: ReporterEvent, params?: ReporterNotification['params']) {
    if (!this.reporterContact || !patched(REPORTER_NOTIFICATIONS)) return;
    await this.record
      .activities()
      .notifyReporter({ caseId: this.state.caseId, ...this.reporterNotice(key, event, params) });
  }

  /** A notification to the reporter, keyed unique per occurrence in the case. */
  private reporterNotice(key: string, event: ReporterEvent, params?: ReporterNotification['params']) {
    return {
      key: `${this.record.nextSeq - 1}:${this.state.reopenCount}:${key}`,
      event,
      locale: this.input.report.reporter?.language ?? 'vi',
      ...(params && { params }),
    };
  }
}
