/**
 * An administrator adds an SLA policy. It is checked as domain/sla.ts will use it
 * (validateSlaPolicy), and a second ACTIVE policy for the same step, category and level is
 * refused (409): resolution would silently pick one of them (findSlaPolicyConflicts).
 * The check and the write run under one advisory lock, so two editors cannot both slip through.
 */
import type { CaseLevel, HumanStep } from '../../../domain/case-steps';
import {
  findSlaPolicyConflicts,
  validateSlaPolicy,
  type SlaEscalation,
  type SlaPolicy as DomainPolicy,
} from '../../../domain/sla';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import type { Prisma, SlaPolicy } from '../../../prisma/generated/client';
import { assertAllowed, auditChange, invalid, type AdminActor } from './admin-actor';
import { adminSlaPolicy } from './find-sla-policies';

export interface SlaPolicyInput {
  step: HumanStep;
  categoryCode?: string | null;
  level?: CaseLevel | null;
  durationAmount: number;
  durationUnit: 'hours' | 'days';
  reminderAt?: number;
  escalations?: SlaEscalation[];
  basis?: string | null;
  active?: boolean;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export async function createSlaPolicy(db: Db, actor: AdminActor, input: SlaPolicyInput) {
  assertAllowed(actor.ability, 'create', 'SlaPolicy');
  const data = { categoryCode: null, level: null, reminderAt: 0.75, escalations: [], active: true, ...input };
  const row = await db.$transaction((tx) =>
    withSlaPolicyChecked(tx, { id: '', ...data }, () =>
      tx.slaPolicy.create({ data: { ...data, escalations: data.escalations as unknown as Prisma.InputJsonValue } }),
    ),
  );
  await auditChange(db, actor, {
    action: 'config.create',
    subjectType: 'SlaPolicy',
    subjectId: row.id,
    details: { fields: Object.keys(input) },
  });
  return adminSlaPolicy(row);
}

/** Validates the policy as it would be stored, refuses a duplicate active one, then writes. */
export async function withSlaPolicyChecked(
  tx: Tx,
  policy: Omit<SlaPolicy, 'createdAt' | 'updatedAt' | 'basis' | 'escalations' | 'step'> & {
    step: string;
    escalations: unknown;
  },
  write: () => Promise<SlaPolicy>,
): Promise<SlaPolicy> {
  const domain: DomainPolicy = {
    id: policy.id || 'new',
    step: policy.step as HumanStep,
    categoryCode: policy.categoryCode,
    level: policy.level,
    duration: { amount: policy.durationAmount, unit: policy.durationUnit },
    reminderAt: policy.reminderAt,
    escalations: policy.escalations as SlaEscalation[],
    active: policy.active,
  };
  const problems = validateSlaPolicy(domain);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', {}, Object.fromEntries(problems.map((p) => fieldOf(p.path))));
  }
  if (policy.categoryCode !== null) {
    const category = await tx.category.findUnique({ where: { code: policy.categoryCode }, select: { code: true } });
    if (!category) throw invalid('categoryCode', 'unknown_category');
  }
  if (policy.active) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sla-policy-write'))`;
    const others = await tx.slaPolicy.findMany({
      where: {
        step: domain.step,
        categoryCode: domain.categoryCode,
        level: domain.level,
        active: true,
        id: { not: policy.id || undefined },
      },
      select: { id: true },
    });
    const conflicts = findSlaPolicyConflicts([domain, ...others.map((o) => ({ ...domain, id: o.id }))]);
    if (conflicts.length > 0) {
      const other = conflicts[0]!.ids.find((id) => id !== domain.id) ?? '';
      throw new AppError('ALREADY_EXISTS', {}, { step: { code: 'duplicate_active_policy', params: { id: other } } });
    }
  }
  return write();
}

/** domain/sla.ts's problem paths as the API's field names and message codes. */
function fieldOf(path: string): [string, { code: string }] {
  const field = path.replace(/\[(\d+)\]/g, '.$1');
  if (field === 'step') return ['step', { code: 'not_human_step' }];
  if (field === 'duration.unit') return ['durationUnit', { code: 'invalid_choice' }];
  if (field === 'duration.amount') return ['durationAmount', { code: 'invalid_duration' }];
  if (field === 'reminderAt') return ['reminderAt', { code: 'invalid_fraction' }];
  if (field === 'escalations') return ['escalations', { code: 'escalations_out_of_order' }];
  return [field, { code: 'invalid_escalation' }];
}
