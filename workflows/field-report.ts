/**
 * The case workflow: one run per report (workflow id = case id). It owns the case (docs/design.md,
 * principle 1): the status and step change only here; its activities project each change to
 * PostgreSQL. The regulation's steps, in order (docs/design.md, "The case, step by step"):
 * receive → verify (↔ information from the reporter) → route → accept (return → route) → assign →
 * process (↔ extension) → approve (send back → process) → respond → rate (→ review → reopen) → close.
 * Each human step is a task with a deadline from its SLA policy, watched in working time.
 */
import { allHandlersFinished, condition, patched, setHandler, uuid4 } from '@temporalio/workflow';
import type { CaseSettings } from '../activities';
import type { ReporterEvent, ReporterNotification } from '../activities/notify-reporter';
import type { StepSchedule } from '../activities/step-schedule';
import type { HumanStep } from '../domain/case-steps';
import { fillLetter, letterDateTime } from '../domain/reply-letters';
import type { StepOutcome } from '../domain/task-outcomes';
import { allowedOutcomes } from '../domain/task-outcomes';
import { activities, CaseRecord, type TransitionNote } from './case-record';
import { DeadlineWatch, type DeadlineEvent } from './deadline-watch';
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
} from './messages';
import { checkCompletion, checkRating, checkSupplyInfo, checkWithdrawal } from './update-checks';

type Next =
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
const WITHDRAWN = Symbol('withdrawn');
/** The patch of the reporter's notifications (2026-12); its id is forever. */
const REPORTER_NOTIFICATIONS = 'reporter-notifications';
/** The patch that locates and stores the commune of a point-only report at receipt (2026-12). */
const COMMUNE_FROM_POINT = 'commune-from-point';
type Completion = { outcome: StepOutcome; actorId: string; taskId: string };

export async function fieldReportWorkflow(input: FieldReportInput): Promise<CaseState> {
  const record = new CaseRecord(input);
  const state = record.state;
  const { report } = input;
  const reporterContact = Boolean(report.reporter?.email || report.reporter?.phone);

  // What the reporter and the officials have sent and the main loop has not yet taken up.
  const inbox: {
    completion?: CompleteTaskInput;
    info?: SupplyInfoInput;
    rating?: RateInput;
    withdrawal?: { reason?: string };
  } = {};
  let received = 0; // messages accepted
  let settled = 0; // messages the main loop has carried through to its next wait
  /**
   * Called where the main loop waits: the messages received so far have been carried through and
   * may be answered. Not while one still sits in the inbox: it arrived on the way here (a task is
   * open, and can be completed, before its opening is projected and announced), the loop takes it
   * up at once, and its sender waits for the state after its own change. `final`: the run ends.
   */
  const settle = (final = false) => {
    if (!final && (inbox.completion || inbox.info || inbox.rating || inbox.withdrawal)) return;
    settled = received;
  };
  const answerWhenSettled = async () => {
    const mine = ++received;
    await condition(() => settled >= mine);
    return state;
  };

  let receipt: Receipt | undefined = undefined;
  setHandler(stateQuery, () => state);
  setHandler(receiptUpdate, async () => {
    await condition(() => receipt !== undefined);
    return receipt!;
  });
  setHandler(
    completeTaskUpdate,
    (completion) => {
      inbox.completion = completion;
      return answerWhenSettled();
    },
    { validator: (completion) => checkCompletion(state, inbox.completion !== undefined, completion) },
  );
  setHandler(
    supplyInfoUpdate,
    (info) => {
      inbox.info = { ...info, answer: info.answer.trim() };
      return answerWhenSettled();
    },
    { validator: (info) => checkSupplyInfo(state, inbox.info !== undefined, info) },
  );
  setHandler(
    rateUpdate,
    (rating) => {
      inbox.rating = rating;
      return answerWhenSettled();
    },
    { validator: (rating) => checkRating(state, inbox.rating !== undefined, rating) },
  );
  setHandler(
    withdrawUpdate,
    (withdrawal) => {
      inbox.withdrawal = withdrawal ?? {};
      return answerWhenSettled();
    },
    { validator: (_withdrawal) => checkWithdrawal(state, inbox.withdrawal !== undefined) },
  );

  // ---- deadlines ------------------------------------------------------------------------------
  const watches = new Map<string, DeadlineWatch>();
  const refreshEscalation = () => {
    const levels = [...watches.values()].map((w) => w.level);
    state.escalationLevel = Math.max(0, ...levels);
    state.overdue = state.escalationLevel > 0;
  };
  const watch = (
    step: HumanStep,
    schedule: StepSchedule,
    recipients: () => { unitId: string | null; assigneeId: string | null },
    alreadyFired: string[] = [],
  ) => {
    unwatch(step);
    const w: DeadlineWatch = new DeadlineWatch(
      schedule,
      (event): Promise<void> => onDeadline(step, w, event, recipients()),
      alreadyFired,
    );
    watches.set(step, w);
    w.start();
    return w;
  };
  const unwatch = (step: HumanStep) => {
    watches.get(step)?.stop();
    watches.delete(step);
    refreshEscalation();
  };
  async function onDeadline(
    step: HumanStep,
    w: DeadlineWatch,
    event: DeadlineEvent,
    to: { unitId: string | null; assigneeId: string | null },
  ) {
    const key = `${record.nextSeq}:${step}`;
    const params = { trackingCode: state.trackingCode ?? '', step, due: w.due };
    if (event.kind === 'reminder') {
      const audience = to.assigneeId
        ? { userIds: [to.assigneeId] }
        : { unitId: to.unitId, roles: to.unitId ? (['officer', 'leader'] as const) : (['operator'] as const) };
      await activities().notifyOfficials({
        caseId: state.caseId,
        key: `${key}:reminder`,
        event: 'deadline_reminder',
        audience: { ...audience, roles: audience.roles ? [...audience.roles] : undefined },
        params,
      });
      return;
    }
    refreshEscalation();
    await record.project({
      kind: event.level === 1 ? 'overdue' : 'escalated',
      visibility: 'internal',
      note: `${step}: level ${event.level}`,
    });
    const roles = event.notify === 'unit_leader' ? (['leader'] as const) : (['supervisor'] as const);
    await activities().notifyOfficials({
      caseId: state.caseId,
      key: `${key}:level-${event.level}`,
      event: event.level === 1 ? 'overdue' : 'escalated',
      audience: { unitId: event.notify === 'unit_leader' ? to.unitId : null, roles: [...roles] },
      params,
    });
  }

  // ---- human tasks ----------------------------------------------------------------------------
  let pendingClose: TransitionNote['closeTask'];
  /** The transition into a step, carrying the close of the task just completed. */
  const enter = (note: TransitionNote) => {
    const closeTask = pendingClose;
    pendingClose = undefined;
    return record.project({ ...note, ...(closeTask && { closeTask }) });
  };

  const schedule = (step: HumanStep) =>
    activities().scheduleStep({
      step,
      categoryCode: state.categoryCode,
      level: state.level,
      startedAt: new Date().toISOString(),
    });

  /**
   * Opens the step's task, waits for its completion (or the reporter's withdrawal, while that is
   * allowed), and returns the outcome; the task is closed by the next transition.
   */
  async function task(
    step: HumanStep,
    options: {
      role: TaskRole;
      unitId: string | null;
      assigneeId?: string | null;
      deadline: StepSchedule;
      entry: TransitionNote;
      /** Runs once the entry is projected and the task announced (the reporter's notification). */
      afterEntry?: () => Promise<void>;
    },
  ): Promise<Completion | typeof WITHDRAWN> {
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
      watch(step, options.deadline, () => ({ unitId: openTask.unitId, assigneeId: openTask.assigneeId }));
    await enter({ ...options.entry, openTask: { ...openTask, remindAt: options.deadline.remindAt } });
    await activities().notifyOfficials({
      caseId: state.caseId,
      key: `${openTask.id}:new_task`,
      event: step === 'extension' ? 'extension_requested' : openTask.assigneeId ? 'task_assigned' : 'new_task',
      audience: openTask.assigneeId
        ? { userIds: [openTask.assigneeId] }
        : { unitId: openTask.unitId, roles: [openTask.role] },
      params: { trackingCode: state.trackingCode ?? '', step, due: openTask.due },
    });
    await options.afterEntry?.();
    settle();
    await condition(() => inbox.completion !== undefined || inbox.withdrawal !== undefined);
    state.openTask = null;
    if (step !== 'process') unwatch(step);
    if (inbox.withdrawal) {
      pendingClose = { id: openTask.id, state: 'cancelled' };
      return WITHDRAWN;
    }
    const completion = inbox.completion!;
    inbox.completion = undefined;
    const { outcome, data, actor } = completion;
    const checked = { step, outcome, data: data ?? {} } as StepOutcome;
    pendingClose = { id: openTask.id, state: 'done', outcome, data: data ?? {}, completedById: actor.userId };
    return { outcome: checked, actorId: actor.userId, taskId: openTask.id };
  }

  // ---- the steps ------------------------------------------------------------------------------
  let processDeadline: StepSchedule | undefined; // the unit's deadline: kept across extension and send-back
  let processFired: string[] = []; // what its watch fired before the reply, for a send-back
  let processNote: string | undefined;
  let extensionRequest: { workingDays: number; reason: string; by: string } | undefined;
  let reply: { text: string; attachmentIds: string[] } | undefined;
  const settings = {} as CaseSettings; // read once at the start, so it is in the history

  const steps: Record<Exclude<Next, 'done'>, () => Promise<Next>> = {
    async verify() {
      state.status = 'verifying';
      const deadline = await schedule('verify');
      const done = await task('verify', {
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
          await enter({ kind: 'verified', visibility: 'public', actorId, note: outcome.data.note ?? null });
          if (raised) await alertArea();
          return 'route';
        }
        case 'reject':
          state.status = 'rejected';
          state.step = 'close';
          state.deadline = null;
          await enter({
            kind: 'rejected',
            visibility: 'public',
            actorId,
            note: outcome.data.reason,
            case: { closedAt: new Date().toISOString() },
          });
          await tellReporter('closed', 'case_closed', { outcome: 'rejected', note: outcome.data.reason });
          return 'done';
        case 'duplicate':
          state.status = 'duplicate';
          state.step = 'close';
          state.deadline = null;
          await enter({
            kind: 'duplicate',
            visibility: 'public',
            actorId,
            note: outcome.data.note ?? null,
            case: { duplicateOfId: outcome.data.duplicateOf, closedAt: new Date().toISOString() },
          });
          await tellReporter('closed', 'case_closed', { outcome: 'duplicate' });
          return 'done';
        case 'request_info': {
          const due = await activities().workingDeadline({
            from: new Date().toISOString(),
            amount: settings.infoRequestWorkingDays,
            unit: 'days',
          });
          // The request-for-information letter's {{dueDate}} is this deadline (domain/reply-letters.ts).
          const question = fillLetter(outcome.data.question, { dueDate: letterDateTime(due) });
          state.status = 'info_requested';
          state.infoRequest = { question, due };
          state.deadline = due;
          await enter({ kind: 'info_requested', visibility: 'reporter', actorId, note: question });
          await tellReporter('info_requested', 'info_requested', { question, deadline: due });
          return 'info';
        }
        default:
          throw new Error(`unexpected verify outcome ${outcome.outcome}`);
      }
    },

    async info() {
      settle();
      const due = Date.parse(state.infoRequest!.due);
      await condition(() => inbox.info !== undefined || inbox.withdrawal !== undefined, Math.max(1, due - Date.now()));
      if (inbox.withdrawal) return 'withdrawn';
      const answer = inbox.info;
      inbox.info = undefined;
      state.infoRequest = null;
      state.status = 'verifying';
      state.deadline = null;
      await enter(
        answer
          ? { kind: 'info_supplied', visibility: 'reporter', note: answer.answer }
          : { kind: 'info_request_expired', visibility: 'reporter', note: null },
      );
      return 'verify';
    },

    async route() {
      const decision = await activities().decideRouting({
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
      const deadline = await schedule('route');
      const candidates = decision.candidates.map((c) => c.unitCode).join(', ');
      const done = await task('route', {
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
      handover = { actorId: done.actorId };
      return 'accept';
    },

    async accept() {
      state.status = 'awaiting_acceptance';
      const deadline = await schedule('accept');
      const actorId = takeHandover()?.actorId;
      const done = await task('accept', {
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
        await enter({
          kind: 'returned',
          visibility: 'internal',
          actorId: done.actorId,
          note: done.outcome.data.reason,
        });
        await activities().notifyOfficials({
          caseId: state.caseId,
          key: `${done.taskId}:returned`,
          event: 'case_returned',
          audience: { unitId: null, roles: ['operator'] },
          params: { trackingCode: state.trackingCode ?? '' },
        });
        return 'route';
      }
      state.status = 'processing';
      handover = {
        actorId: done.actorId,
        note: done.outcome.outcome === 'accept' ? (done.outcome.data.note ?? null) : null,
      };
      return 'assign';
    },

    async assign() {
      const deadline = await schedule('assign');
      const accepted = takeHandover();
      const done = await task('assign', {
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
        afterEntry: accepted ? () => tellReporter('accepted', 'case_accepted') : undefined,
      });
      if (done === WITHDRAWN) throw new Error('withdrawal is not allowed while processing');
      if (done.outcome.outcome !== 'assign') throw new Error(`unexpected assign outcome ${done.outcome.outcome}`);
      state.assigneeId = done.outcome.data.assigneeId;
      processNote = done.outcome.data.note;
      handover = { actorId: done.actorId };
      return 'process';
    },

    async process() {
      if (!processDeadline) {
        processDeadline = await schedule('process');
        state.resolutionDeadline = processDeadline.due;
      }
      // After a send-back the unit's deadline is watched again, without repeating what already fired.
      if (!watches.has('process')) {
        watch('process', processDeadline, () => ({ unitId: state.unitId, assigneeId: state.assigneeId }), processFired);
        refreshEscalation();
      }
      const note = processNote;
      processNote = undefined;
      const actorId = takeHandover()?.actorId;
      const done = await task('process', {
        role: 'officer',
        unitId: state.unitId,
        assigneeId: state.assigneeId,
        deadline: processDeadline,
        entry: { kind: 'processing_started', visibility: 'internal', actorId, note: note ?? null },
      });
      if (done === WITHDRAWN) throw new Error('withdrawal is not allowed while processing');
      const { outcome } = done;
      if (outcome.outcome === 'request_extension') {
        extensionRequest = { workingDays: outcome.data.workingDays, reason: outcome.data.reason, by: done.actorId };
        return 'extension';
      }
      if (outcome.outcome !== 'reply') throw new Error(`unexpected process outcome ${outcome.outcome}`);
      reply = { text: outcome.data.reply, attachmentIds: outcome.data.attachmentIds };
      processFired = watches.get('process')?.firedEvents ?? [];
      unwatch('process'); // the unit answered within (or after) its deadline; approval has its own
      handover = { actorId: done.actorId };
      return 'approve';
    },

    async extension() {
      const request = extensionRequest!;
      const deadline = await schedule('extension');
      const done = await task('extension', {
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
        processDeadline = await activities().extendSchedule({
          schedule: processDeadline!,
          workingDays: outcome.data.workingDays,
          step: 'process',
          categoryCode: state.categoryCode,
          level: state.level,
        });
        state.resolutionDeadline = processDeadline.due;
        watches.get('process')?.reschedule(processDeadline);
        refreshEscalation();
        state.step = 'process';
        await enter({
          kind: 'extension_granted',
          visibility: 'public',
          actorId: done.actorId,
          note: `${outcome.data.workingDays}`,
        });
      } else if (outcome.outcome === 'deny') {
        state.step = 'process';
        await enter({
          kind: 'extension_denied',
          visibility: 'internal',
          actorId: done.actorId,
          note: outcome.data.reason,
        });
      }
      await activities().notifyOfficials({
        caseId: state.caseId,
        key: `${done.taskId}:extension_decided`,
        event: 'extension_decided',
        audience: { userIds: [request.by] },
        params: { trackingCode: state.trackingCode ?? '' },
      });
      extensionRequest = undefined;
      return 'process';
    },

    async approve() {
      state.status = 'awaiting_approval';
      const deadline = await schedule('approve');
      const actorId = takeHandover()?.actorId;
      const done = await task('approve', {
        role: 'leader',
        unitId: state.unitId,
        deadline,
        entry: { kind: 'reply_submitted', visibility: 'internal', actorId, note: reply!.text },
      });
      if (done === WITHDRAWN) throw new Error('withdrawal is not allowed while processing');
      if (done.outcome.outcome === 'send_back') {
        state.status = 'processing';
        processNote = done.outcome.data.comment;
        state.step = 'process';
        await enter({
          kind: 'sent_back',
          visibility: 'internal',
          actorId: done.actorId,
          note: done.outcome.data.comment,
        });
        return 'process';
      }
      handover = { actorId: done.actorId };
      return 'respond';
    },

    async respond() {
      const publishedAt = new Date();
      state.status = 'responded';
      state.step = 'rate';
      state.deadline = null;
      state.ratingDue = new Date(publishedAt.getTime() + settings.ratingWindowDays * 86_400_000).toISOString();
      const actorId = takeHandover()?.actorId;
      await enter({
        kind: 'reply_published',
        visibility: 'public',
        actorId,
        note: reply!.text,
        case: { publishedAt: publishedAt.toISOString() },
      });
      await tellReporter('reply_published', 'reply_published', { reply: reply!.text, deadline: state.ratingDue });
      return 'rate';
    },

    async rate() {
      settle();
      const due = Date.parse(state.ratingDue!);
      // 2026-12: a reporter who has not rated halfway through the window is reminded once.
      const fraction = settings.ratingReminderFraction ?? 0.5;
      if (fraction > 0 && reporterContact && patched(REPORTER_NOTIFICATIONS)) {
        const remindAt = due - (1 - fraction) * settings.ratingWindowDays * 86_400_000;
        const rated = await condition(() => inbox.rating !== undefined, Math.max(1, remindAt - Date.now()));
        if (!rated) await tellReporter('rating_reminder', 'rating_reminder', { deadline: state.ratingDue });
      }
      await condition(() => inbox.rating !== undefined, Math.max(1, due - Date.now()));
      const rating = inbox.rating;
      inbox.rating = undefined;
      state.ratingDue = null;
      if (!rating) return 'close';
      await activities().recordRating({
        caseId: state.caseId,
        round: state.reopenCount,
        score: rating.score,
        comment: rating.comment ?? null,
        at: new Date().toISOString(),
      });
      const unsatisfied = rating.score <= settings.reviewRatingAtMost;
      await enter({
        kind: 'rated',
        visibility: 'public',
        note: `${rating.score}/5${rating.comment ? `: ${rating.comment}` : ''}`,
      });
      ratedOnce = true;
      return unsatisfied ? 'review' : 'close';
    },

    async review() {
      const deadline = await schedule('review');
      const done = await task('review', {
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
        processDeadline = undefined; // a new round, a new deadline for the unit
        processFired = [];
        reply = undefined;
        processNote = done.outcome.data.comment;
        await enter({ kind: 'reopened', visibility: 'public', actorId: done.actorId, note: done.outcome.data.comment });
        return 'process';
      }
      handover =
        done.outcome.outcome === 'close' ? { actorId: done.actorId, note: done.outcome.data.comment } : undefined;
      return 'close';
    },

    async close() {
      state.status = 'closed';
      state.step = 'close';
      state.deadline = null;
      const note = takeHandover();
      await enter({
        kind: ratedOnce || note ? 'closed' : 'closed_unrated',
        visibility: 'public',
        actorId: note?.actorId ?? null,
        note: note?.note ?? null,
        case: { closedAt: new Date().toISOString() },
      });
      await tellReporter('closed', 'case_closed', { outcome: 'closed' });
      return 'done';
    },

    async withdrawn() {
      const reason = inbox.withdrawal?.reason;
      state.status = 'withdrawn';
      state.step = 'close';
      state.deadline = null;
      state.infoRequest = null;
      await enter({
        kind: 'withdrawn',
        visibility: 'public',
        note: reason ?? null,
        case: { closedAt: new Date().toISOString() },
      });
      return 'done';
    },
  };

  // Who did what (and their note), carried from the step where it happened into the next step's
  // transition that records it; each step takes it, so nothing leaks further.
  let handover: { actorId: string; note?: string | null } | undefined;
  const takeHandover = () => {
    const taken = handover;
    handover = undefined;
    return taken;
  };
  let ratedOnce = false;

  /** Urgent reports alert the officials of the area at once (Huế's "instant" process). */
  async function alertArea() {
    if (!state.communeCode) return;
    await activities().notifyOfficials({
      caseId: state.caseId,
      key: `urgent:${state.level}:${record.nextSeq}`,
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
   * routing still finds the commune from the point, as it did).
   */
  async function locateCommune() {
    const { lat, lng } = report.location;
    if (state.communeCode || typeof lat !== 'number' || typeof lng !== 'number') return;
    if (!patched(COMMUNE_FROM_POINT)) return;
    state.communeCode = await activities().locateCommune({ caseId: state.caseId, lat, lng });
  }

  /**
   * The reporter's email and SMS (activities/notify-reporter.ts), when they gave a contact. Added
   * after cases were already running: behind one patch, so a case recorded without it replays
   * (workflows/README.md); the key is made unique per occurrence (a reopened case's round).
   */
  async function tellReporter(key: string, event: ReporterEvent, params?: ReporterNotification['params']) {
    if (!reporterContact || !patched(REPORTER_NOTIFICATIONS)) return;
    await activities().notifyReporter({
      caseId: state.caseId,
      key: `${record.nextSeq - 1}:${state.reopenCount}:${key}`,
      event,
      locale: report.reporter?.language ?? 'vi',
      ...(params && { params }),
    });
  }

  // ---- receive --------------------------------------------------------------------------------
  receipt = await activities().recordReport(input);
  state.trackingCode = receipt.trackingCode;
  Object.assign(settings, await activities().caseSettings());
  await locateCommune();
  if (state.level === 'urgent') await alertArea();
  await tellReporter('received', 'case_received');

  let next: Next = 'verify';
  while (next !== 'done') {
    if (next === 'withdrawn' || next === 'close')
      for (const watched of [...watches.keys()]) unwatch(watched as HumanStep);
    next = await steps[next]();
  }
  state.openTask = null;
  settle(true);
  await condition(allHandlersFinished);
  return state;
}
