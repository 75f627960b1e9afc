import type { CaseStatus, CaseStep } from '../domain/case-steps';
import type { Db } from '../platform/db';

export interface Transition {
  caseId: string;
  /** The workflow's own count of transitions: (caseId, seq) identifies this write. */
  seq: number;
  kind: string;
  visibility: 'public' | 'reporter' | 'internal';
  status: CaseStatus;
  step: CaseStep;
  note?: string;
  actorId?: string;
  at: string;
}

/**
 * Projects one transition of the case workflow: the case's status and step, and a timeline
 * entry. A retry finds its entry already written and changes nothing.
 */
export async function recordTransition(db: Db, transition: Transition): Promise<void> {
  await db.$transaction(async (tx) => {
    const written = await tx.caseTimelineEntry.findUnique({
      where: { caseId_seq: { caseId: transition.caseId, seq: transition.seq } },
    });
    if (written) return;
    await tx.caseTimelineEntry.create({
      data: {
        caseId: transition.caseId,
        seq: transition.seq,
        kind: transition.kind,
        visibility: transition.visibility,
        status: transition.status,
        step: transition.step,
        note: transition.note ?? null,
        actorId: transition.actorId ?? null,
        at: new Date(transition.at),
      },
    });
    await tx.case.update({ where: { id: transition.caseId }, data: { status: transition.status, step: transition.step } });
  });
}
