/**
 * Drives a case through its workflow as officials and the reporter would, straight through
 * Temporal's client (the API adds authorisation and HTTP on top of exactly these Updates).
 */
import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
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
      args: [{ caseId, report: { ...REPORT, ...report }, fingerprint: 'test', channel: 'test', receivedAt: new Date().toISOString() }],
    });
    const receipt = await handle.executeUpdate(receiptUpdate, { updateId: 'receipt' });
    return new CaseDriver(handle, caseId, receipt.trackingCode);
  }

  state(): Promise<CaseState> {
    return this.handle.query(stateQuery);
  }

  /** Waits until the workflow has opened a task (or reached a wait), and returns its state. */
  async settled(predicate: (state: CaseState) => boolean = (s) => s.openTask !== null, timeoutMs = 10_000): Promise<CaseState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.state();
      if (predicate(state)) return state;
      if (Date.now() > deadline) throw new Error(`case ${this.caseId} did not settle: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Completes the open task (which must be at `step`) as `actorId`. */
  async complete(step: string, outcome: string, data: Record<string, unknown>, actorId: string, updateId?: string): Promise<CaseState> {
    const state = await this.settled();
    if (state.openTask?.step !== step) throw new Error(`expected an open ${step} task, found ${JSON.stringify(state.openTask)}`);
    return this.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: state.openTask.id, outcome, data, actor: { userId: actorId } }],
      ...(updateId && { updateId }),
    });
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
  const users = await db.user.findMany({ where: { username: { in: usernames } }, select: { id: true, username: true } });
  return Object.fromEntries(users.map((u) => [u.username, u.id]));
}

export async function unitIdOf(db: Db, code: string): Promise<string> {
  return (await db.unit.findUniqueOrThrow({ where: { code } })).id;
}
