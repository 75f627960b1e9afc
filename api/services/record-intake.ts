/**
 * An IOC official records a report on a citizen's behalf: a hotline call, a walk-in, a letter or
 * an email. It is a citizen's report in every other way (api/services/create-report.ts): the same
 * workflow, the same checks, files and idempotency; the case's channel says how it came, and its
 * first timeline entry and the audit log name the official who took it. The caller's contact is
 * the reporter's, so a phone number gets the tracking code by SMS with the "received" message.
 */
import type { AppAbility } from '../../domain/abilities';
import type { IntakeCommand } from '../../domain/intake-command';
import { AppError } from '../../platform/app-error';
import type { UploadedFile } from '../media/inspect-media';
import { createReport, type CreateReportDependencies } from './create-report';
import { recordAudit } from './record-audit';

export interface RecordedIntake {
  id: string;
  trackingCode: string;
  status: string;
  channel: IntakeCommand['channel'];
}

/** 403 unless the official may record reports (the IOC's roles); checked before any upload is read. */
export function assertMayRecordIntake(ability: AppAbility): void {
  if (!ability.can('create', 'Case')) throw new AppError('FORBIDDEN');
}

export async function recordIntake(
  deps: CreateReportDependencies,
  options: {
    ability: AppAbility;
    userId: string;
    command: IntakeCommand;
    idempotencyKey?: string;
    files: UploadedFile[];
    ip?: string | null;
    requestId?: string | null;
  },
): Promise<RecordedIntake> {
  assertMayRecordIntake(options.ability);
  const { channel, ...report } = options.command;
  const created = await createReport(deps, {
    report,
    // Keys are the official's own: one official's retry never joins another's case or a citizen's.
    idempotencyKey: options.idempotencyKey && `intake:${options.userId}:${options.idempotencyKey}`,
    channel,
    now: new Date(),
    files: options.files,
    recordedBy: options.userId,
  });
  const audited = await deps.db.auditLog.findFirst({
    where: { action: 'case_recorded', caseId: created.id },
    select: { id: true },
  });
  // A retry of the same request answers the same case without a second entry.
  if (!audited)
    await recordAudit(deps.db, {
      actorKind: 'official',
      actorId: options.userId,
      action: 'case_recorded',
      subjectType: 'Case',
      subjectId: created.id,
      caseId: created.id,
      ip: options.ip ?? null,
      requestId: options.requestId ?? null,
      details: { channel, trackingCode: created.trackingCode, files: options.files.length },
    });
  // No citizen token: the caller follows the case by its tracking code (and signs in later).
  return { id: created.id, trackingCode: created.trackingCode, status: created.status, channel };
}
