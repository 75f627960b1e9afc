/**
 * Projects one transition of the case workflow to PostgreSQL, in one database transaction: the
 * case row's new state, a timeline entry, the task that closed and the task that opened.
 * (caseId, seq) identifies the transition: a retried activity finds its entry and changes nothing.
 * A task done records its working minutes (the calendar in force now), for the statistics; the
 * database's triggers fold the whole transition into the statistics' rollups in this same
 * transaction (prisma/migrations/*_statistics, docs/statistics.md). A report screened or resolved
 * is recorded for its area's subscribers in the same transaction (notifications/area-events.ts),
 * and so are the officials' notifications the transition carries (the task it opens).
 */
import type { CaseLevel, CaseStatus, CaseStep } from '../domain/case-steps';
import { workingTimeBetween, type WorkingCalendar } from '../domain/working-time';
import { recordAreaEvent } from '../notifications/area-events';
import { notifyOfficials, type OfficialNotification } from './notify-officials';
import type { TemplateSource } from './template-source';
import type { Db } from '../platform/db';
import type { Prisma } from '../prisma/generated/client';
import type { OpenTask } from '../workflows/messages';

export interface CaseChanges {
  status: CaseStatus;
  step: CaseStep;
  level?: CaseLevel;
  categoryCode?: string;
  unitId?: string | null;
  assigneeId?: string | null;
  deadline?: string | null;
  resolutionDeadline?: string | null;
  overdue?: boolean;
  escalationLevel?: number;
  reopenCount?: number;
  duplicateOfId?: string | null;
  acceptedAt?: string | null;
  publishedAt?: string | null;
  closedAt?: string | null;
}

export interface Transition {
  caseId: string;
  /** The workflow's own count of transitions. */
  seq: number;
  /** What happened, e.g. verified, routed, returned, reply_published, overdue. */
  kind: string;
  visibility: 'public' | 'reporter' | 'internal';
  note?: string | null;
  actorId?: string | null;
  at: string;
  case: CaseChanges;
  closeTask?: {
    id: string;
    state: 'done' | 'cancelled';
    outcome?: string;
    data?: Record<string, unknown>;
    completedById?: string | null;
  };
  openTask?: OpenTask & { remindAt: string | null };
  /**
   * Officials told of this transition (the task it opens), in its transaction: written with it
   * or not at all, so a retry neither repeats nor loses them, and one activity does both.
   */
  notifyOfficials?: OfficialNotification[];
}

const DATE_FIELDS = ['deadline', 'resolutionDeadline', 'acceptedAt', 'publishedAt', 'closedAt'] as const;

/**
 * The channel each committed transition is announced on (payload "<caseId>:<seq>"; NOTIFY is
 * delivered at commit), so a listener waits for a projection instead of polling for it
 * (tests/support/projection.ts).
 */
export const CASE_PROJECTED_CHANNEL = 'case_projected';

export async function projectTransition(
  db: Db,
  t: Transition,
  calendar: () => Promise<WorkingCalendar>,
  publicBaseUrl = '',
  /** The worker's cached templates for the officials' notices; without it each is read. */
  templates?: TemplateSource,
): Promise<void> {
  // Read before the transaction: a calendar loaded from the database must not hold it open. The
  // statistics must never stop a case: without a usable calendar the step is left uncounted.
  const workingCalendar = t.closeTask?.state === 'done' ? await calendar().catch(() => undefined) : undefined;
  await db.$transaction(async (tx) => {
    const at = new Date(t.at);
    // The entry first, skipped if (caseId, seq) is there: a retry writes nothing more.
    const { count } = await tx.caseTimelineEntry.createMany({
      data: {
        caseId: t.caseId,
        seq: t.seq,
        kind: t.kind,
        visibility: t.visibility,
        status: t.case.status,
        step: t.case.step,
        note: t.note ?? null,
        actorId: t.actorId ?? null,
        at,
      },
      skipDuplicates: true,
    });
    if (count === 0) return;
    await tx.case.update({ where: { id: t.caseId }, data: caseData(t.case) });
    // A report made public or resolved: its area's subscribers hear of it in the next digest.
    await recordAreaEvent(tx, t);
    if (t.closeTask) {
      const { id, state, outcome, data, completedById } = t.closeTask;
      const open = await tx.task.findFirst({ where: { id, state: 'open' }, select: { createdAt: true } });
      await tx.task.updateMany({
        where: { id, state: 'open' },
        data: {
          workingMinutes: open && workingCalendar ? workingMinutes(workingCalendar, open.createdAt, at) : null,
          state,
          outcome: outcome ?? null,
          outcomeData: (data ?? undefined) as Prisma.InputJsonValue | undefined,
          completedById: completedById ?? null,
          completedAt: at,
        },
      });
    }
    if (t.openTask) {
      const task = t.openTask;
      await tx.task.create({
        data: {
          id: task.id,
          caseId: t.caseId,
          seq: t.seq,
          step: task.step,
          role: task.role,
          unitId: task.unitId,
          assigneeId: task.assigneeId,
          claimedAt: task.assigneeId ? at : null,
          allowedOutcomes: task.allowedOutcomes,
          due: task.due ? new Date(task.due) : null,
          remindAt: task.remindAt ? new Date(task.remindAt) : null,
          urgent: task.urgent,
          createdAt: at,
        },
      });
    }
    for (const notification of t.notifyOfficials ?? [])
      await notifyOfficials(tx, notification, publicBaseUrl, templates);
    await tx.$executeRaw`SELECT pg_notify(${CASE_PROJECTED_CHANNEL}, ${`${t.caseId}:${t.seq}`})`;
  });
}

function caseData(changes: CaseChanges): Prisma.CaseUncheckedUpdateInput {
  const data: Record<string, unknown> = { ...changes };
  for (const field of DATE_FIELDS) {
    const value = changes[field];
    if (value !== undefined) data[field] = value === null ? null : new Date(value);
  }
  return data as Prisma.CaseUncheckedUpdateInput;
}

/** Working minutes between two instants; null when the calendar cannot tell (a year it lacks). */
function workingMinutes(calendar: WorkingCalendar, from: Date, to: Date): number | null {
  try {
    return Math.max(0, Math.round(workingTimeBetween(calendar, from, to) / 60_000));
  } catch {
    return null;
  }
}
