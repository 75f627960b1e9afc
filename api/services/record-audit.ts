/**
 * The audit log: who did or read what. Written in the same breath as the act it records, so an
 * official cannot read a reporter's personal data without leaving a trace.
 */
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';

export interface AuditEntry {
  actorKind: 'official' | 'citizen' | 'partner' | 'system';
  actorId?: string | null;
  /** e.g. login, login_failed, logout, password_changed, read_personal_data */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  caseId?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Prisma.InputJsonValue;
}

type AuditWriter = Pick<Db, 'auditLog'>;

export async function recordAudit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: entry });
}
