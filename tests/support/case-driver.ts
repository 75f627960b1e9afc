/**
 * Drives a case through its workflow as officials and the reporter would, straight through
 * Temporal's client (the API adds authorisation and HTTP on top of exactly these Updates).
 */
import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { ReportCommand } from '../../domain/report-command';
import type { Db } from '../../platform/db';
import type { fieldReportWorkflow } from '../../workflows/field-report';
import {
  completeTaskUpdate,
  rateUpdate,
  receiptUpdate,
  stateQuery,
  supplyInfoUpdate,
  withdrawUpdate,
  type CaseState,
} from '../../workflows/messages';

export const REPORT: ReportCommand = {
  categoryCode: 'moi-truong',
  description: 'Rác thải đổ trộm ven đường gần chợ Thành Sen',
  location: { lat: 18.3428, lng: 105.9057, address: 'Đường Hà Huy Tập', communeCode: '18073' },
  level: 'normal',
  confidential: true,
  reporter: { name: 'Nguyễn Văn A', phone: '0912 345 678' },
};

/** Texts long enough for the outcomes' schemas (domain/task-outcomes.ts). */
export const TEXT = {
  reply: 'Kính gửi Ông/Bà, UBND phường đã thu gom rác và xử phạt.',
  reason: 'Không thuộc thẩm quyền của đơn vị',
  question: 'Xin cho biết vị trí chính xác (số nhà, ngõ)?',
  comment: 'Cần bổ sung ảnh hiện trường sau khi xử lý',
} as const;

export class CaseDriver {
  private constructor(
    readonly handle: WorkflowHandle<typeof fieldReportWorkflow>,
    readonly caseId: string,
    readonly trackingCode: string,
  ) {}

  static async start(client: Client, taskQueue: string, report: Partial<ReportCommand> = {}): Promise<CaseDriver> {
    const caseId = randomUUID();
    const handle = await client.workflow.start<typeof fieldReportWorkflow>('fieldReportWorkflow', {
      taskQueue,
      workflowId: caseId,
      args: [
        {
          caseId,
          report: { ...REPORT, ...report },
          fingerprint: 'test',
          channel: 'test',
          receivedAt: new Date().toISOString(),
        },
      ],
    });
    const receipt = await handle.executeUpdate(receiptUpdate, { updateId: 'receipt' });
    return new CaseDriver(handle, caseId, receipt.trackingCode);
  }

  /** A case that was started elsewhere (through the API, by the portal). */
  static attach(client: Client, caseId: string, trackingCode: string): CaseDriver {
    return new CaseDriver(client.workflow.getHandle<typeof fieldReportWorkflow>(caseId), caseId, trackingCode);
  }

  state(): Promise<CaseState> {
    return this.handle.query(stateQuery);
  }

  /** Waits until the workflow has opened a task (or reached a wait), and returns its state. */
  async settled(
    predicate: (state: CaseState) => boolean = (s) => s.openTask !== null,
    timeoutMs = 10_000,
  ): Promise<CaseState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.state();
      if (predicate(state)) return state;
      if (Date.now() > deadline) throw new Error(`case ${this.caseId} did not settle: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Like settled(), and also waits until the workflow has nothing in flight (no activity, no
   * workflow task): what it does on its way to the wait (the projection of the new task, its
   * notifications) is written. The state is read between two identical idle descriptions.
   */
  async quiet(
    predicate: (state: CaseState) => boolean = (s) => s.openTask !== null,
    timeoutMs = 10_000,
  ): Promise<CaseState> {
    const deadline = Date.now() + timeoutMs;
    const idle = async () => {
      const { raw } = await this.handle.describe();
      return (raw.pendingActivities?.length ?? 0) === 0 && !raw.pendingWorkflowTask
        ? String(raw.workflowExecutionInfo?.historyLength)
        : undefined;
    };
    for (;;) {
      const before = await idle();
      const state = await this.state();
      if (before !== undefined && predicate(state) && (await idle()) === before) return state;
      if (Date.now() > deadline) throw new Error(`case ${this.caseId} did not come to rest: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Completes the open task (which must be at `step`) as `actorId`. */
  async complete(
    step: string,
    outcome: string,
    data: Record<string, unknown>,
    actorId: string,
    updateId?: string,
  ): Promise<CaseState> {
    return this.completeTask(await this.openTask(step), outcome, data, actorId, updateId);
  }

  /** The id of the open task, which must be at `step`. */
  async openTask(step: string): Promise<string> {
    const state = await this.settled();
    if (state.openTask?.step !== step)
      throw new Error(`expected an open ${step} task, found ${JSON.stringify(state.openTask)}`);
    return state.openTask.id;
  }

  /** Completes a task by its id, open or not (for refusals and retries). */
  completeTask(
    taskId: string,
    outcome: string,
    data: Record<string, unknown>,
    actorId: string,
    updateId?: string,
  ): Promise<CaseState> {
    return this.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId, outcome, data, actor: { userId: actorId } }],
      ...(updateId && { updateId }),
    });
  }

  /** verify → accept → assign as the unit's own staff: the case waits at process, with its officer. */
  async acceptAndAssign(people: Record<string, string>, unitCode: string): Promise<CaseState> {
    await this.complete('verify', 'accept', {}, people.operator!);
    await this.complete('accept', 'accept', {}, people[`${unitCode}.officer`]!);
    return this.complete(
      'assign',
      'assign',
      { assigneeId: people[`${unitCode}.officer`] },
      people[`${unitCode}.leader`]!,
    );
  }

  /** The officer's reply with proof, then the leader's approval: the case waits for a rating. */
  async replyAndApprove(people: Record<string, string>, unitCode: string): Promise<CaseState> {
    await this.complete(
      'process',
      'reply',
      { reply: TEXT.reply, attachmentIds: [randomUUID()] },
      people[`${unitCode}.officer`]!,
    );
    return this.complete('approve', 'approve', {}, people[`${unitCode}.leader`]!);
  }

  supplyInfo(answer: string): Promise<CaseState> {
    return this.handle.executeUpdate(supplyInfoUpdate, { args: [{ answer }] });
  }

  rate(score: number, comment?: string): Promise<CaseState> {
    return this.handle.executeUpdate(rateUpdate, { args: [{ score, comment }] });
  }

  withdraw(reason?: string): Promise<CaseState> {
    return this.handle.executeUpdate(withdrawUpdate, { args: [{ reason }] });
  }
}

/** Ids of the seeded demo officials, by username. */
export async function officials(db: Db, usernames: string[]): Promise<Record<string, string>> {
  const users = await db.user.findMany({
    where: { username: { in: usernames } },
    select: { id: true, username: true },
  });
  return Object.fromEntries(users.map((u) => [u.username, u.id]));
}

export async function unitIdOf(db: Db, code: string): Promise<string> {
  return (await db.unit.findUniqueOrThrow({ where: { code } })).id;
}

/** The case row as the back office reads it, with its timeline, tasks and ratings in order. */
export function caseRecord(db: Db, caseId: string) {
  return db.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      timeline: { orderBy: { seq: 'asc' } },
      tasks: { orderBy: { seq: 'asc' } },
      ratings: { orderBy: { round: 'asc' } },
    },
  });
}

/** The timeline as [kind, visibility] pairs, in order. */
export async function timelineOf(db: Db, caseId: string): Promise<[string, string][]> {
  const entries = await db.caseTimelineEntry.findMany({
    where: { caseId },
    orderBy: { seq: 'asc' },
    select: { kind: true, visibility: true },
  });
  return entries.map((e) => [e.kind, e.visibility]);
}

/** The tasks as [step, state, outcome] triples, in order. */
export async function tasksOf(db: Db, caseId: string): Promise<[string, string, string | null][]> {
  const tasks = await db.task.findMany({
    where: { caseId },
    orderBy: { seq: 'asc' },
    select: { step: true, state: true, outcome: true },
  });
  return tasks.map((t) => [t.step, t.state, t.outcome]);
}

/**
 * The case's in-app notifications as "event → username" lines, sorted, one per row; only to the
 * officials named in `among` (other suites may add officials to the IOC meanwhile).
 */
export async function notificationsOf(db: Db, caseId: string, among: string[]): Promise<string[]> {
  const rows = await db.notification.findMany({
    where: { caseId, channel: 'in_app' },
    select: { event: true, recipient: true },
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.recipient) } },
    select: { id: true, username: true },
  });
  const username = new Map(users.map((u) => [u.id, u.username]));
  return rows
    .map((r) => ({ event: r.event, who: username.get(r.recipient) ?? r.recipient }))
    .filter((r) => among.includes(r.who))
    .map((r) => `${r.event} → ${r.who}`)
    .sort();
}

/** The refusal of an Update by its validator: the ApplicationFailure the API maps to 409 or 422. */
export async function refusalOf(update: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await update;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) return error.cause;
    throw error;
  }
  throw new Error('the Update was accepted');
}
