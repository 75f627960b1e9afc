/**
 * One case for the back office. A case the official may not read is "not found" (its existence
 * is not theirs to know). The reporter's personal data is included only where the ability allows
 * it, and every such read is written to the audit log first (docs/design.md, principle 5).
 */
import { subject } from '@casl/ability';
import { mayReadPersonalData, type AppAbility } from '../../domain/abilities';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import { adminCaseSummary } from './find-admin-cases';
import { recordAudit } from './record-audit';

export interface Reader {
  ability: AppAbility;
  userId: string;
  ip?: string;
  requestId?: string;
}

export async function getAdminCase(db: Db, reader: Reader, id: string) {
  const found = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.case.findUnique({ where: { id }, include: { _count: { select: { meToos: true } } } })
    : null;
  if (!found || !reader.ability.can('read', subject('Case', found))) throw new AppError('NOT_FOUND', { what: id });
  const { _count, ...row } = found;
  // Citizens who followed it ("me too") instead of reporting it again.
  const summary = { ...adminCaseSummary(row), meTooCount: _count.meToos };
  if (!mayReadPersonalData(reader.ability, row)) return summary;

  const reporter = {
    name: row.reporterName,
    phone: row.reporterPhone,
    email: row.reporterEmail,
    citizenId: row.citizenId,
  };
  if (Object.values(reporter).some((v) => v !== null)) {
    await recordAudit(db, {
      actorKind: 'official',
      actorId: reader.userId,
      action: 'read_personal_data',
      subjectType: 'Case',
      subjectId: row.id,
      caseId: row.id,
      ip: reader.ip ?? null,
      requestId: reader.requestId ?? null,
      details: {
        fields: Object.entries(reporter)
          .filter(([, v]) => v !== null)
          .map(([k]) => k),
      },
    });
  }
  return { ...summary, reporter };
}
