/**
 * Walks a case forward the ordinary way: each open task answered by the official whose role and
 * unit it names, with the outcome that moves the case on (accept, assign, reply, approve...), and
 * the reporter's rating at the end. Tests that are about something else (a crash, a recorded
 * history) take the detour they care about and let this carry the case the rest of the way.
 */
import { randomUUID } from 'node:crypto';
import { FINAL_STATUSES, type HumanStep } from '../../domain/case-steps';
import type { Db } from '../../platform/db';
import type { CaseState } from '../../workflows/messages';
import { officials, unitIdOf, type CaseDriver } from './case-driver';

export interface WalkOptions {
  /** Stop when a task at this step is open (default: walk to the end). */
  until?: HumanStep;
  /** The reporter's score at the rate step (default 5: the case closes). */
  score?: number;
  /** Where an operator routes a case routing could not place (default SNNMT, the environment department). */
  routeTo?: string;
}

const REPLY = 'Kính gửi Ông/Bà, đơn vị đã kiểm tra hiện trường và xử lý dứt điểm.';

/** Whether the workflow waits for someone: an open task, the reporter's rating, or nothing more. */
const waiting = (s: CaseState) =>
  s.openTask !== null || (s.status === 'responded' && s.step === 'rate') || FINAL_STATUSES.includes(s.status);

export async function walkCase(c: CaseDriver, db: Db, options: WalkOptions = {}): Promise<CaseState> {
  const proof = [randomUUID()];
  for (;;) {
    const state = await c.settled(waiting);
    const task = state.openTask;
    if (FINAL_STATUSES.includes(state.status)) return state;
    if (task && task.step === options.until) return state;
    if (!task) {
      await c.rate(options.score ?? 5);
      continue;
    }
    const unit = state.unitId ? (await db.unit.findUniqueOrThrow({ where: { id: state.unitId } })).code : undefined;
    const people = await officials(db, ['operator', 'supervisor', `${unit}.leader`, `${unit}.officer`]);
    const leader = people[`${unit}.leader`]!;
    const officer = people[`${unit}.officer`]!;
    switch (task.step) {
      case 'verify':
        await c.complete('verify', 'accept', {}, people.operator!);
        break;
      case 'route':
        await c.complete(
          'route',
          'route',
          { unitId: await unitIdOf(db, options.routeTo ?? 'SNNMT') },
          people.operator!,
        );
        break;
      case 'accept':
        await c.complete('accept', 'accept', {}, officer);
        break;
      case 'assign':
        await c.complete('assign', 'assign', { assigneeId: officer }, leader);
        break;
      case 'process':
        await c.complete('process', 'reply', { reply: REPLY, attachmentIds: proof }, state.assigneeId ?? officer);
        break;
      case 'extension':
        await c.complete('extension', 'grant', { workingDays: 2 }, leader);
        break;
      case 'approve':
        await c.complete('approve', 'approve', {}, leader);
        break;
      case 'review':
        await c.complete('review', 'close', { comment: 'Đã xem xét, kết quả xử lý phù hợp.' }, people.supervisor!);
        break;
    }
  }
}
