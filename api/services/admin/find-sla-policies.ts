/** SLA policies for the back office (read by the IOC; edited by administrators). */
import { z } from 'zod';
import { CASE_LEVELS, HUMAN_STEPS } from '../../../domain/case-steps';
import type { Db } from '../../../platform/db';
import type { Prisma, SlaPolicy } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, uuidIds } from './list-filters';

export const slaPolicyFilter = z
  .object({
    id: idFilter.optional(),
    step: z.enum(HUMAN_STEPS).optional(),
    /** null: the policies for any category. */
    categoryCode: z.union([z.string(), z.null()]).optional(),
    level: z.union([z.enum(CASE_LEVELS), z.null()]).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const SLA_POLICY_SORTABLE = [
  'step',
  'categoryCode',
  'level',
  'durationAmount',
  'active',
  'updatedAt',
  'id',
] as const;

export async function findSlaPolicies(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof slaPolicyFilter>>) {
  const f = query.filter;
  const where: Prisma.SlaPolicyWhereInput = {
    AND: [
      readableWhere(actor.ability, 'SlaPolicy'),
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.step && { step: f.step }),
        ...(f.categoryCode !== undefined && { categoryCode: f.categoryCode }),
        ...(f.level !== undefined && { level: f.level }),
        ...(f.active !== undefined && { active: f.active }),
      },
    ],
  };
  const [rows, total] = await db.$transaction([
    db.slaPolicy.findMany({ where, ...pageOf(query) }),
    db.slaPolicy.count({ where }),
  ]);
  return { rows: rows.map(adminSlaPolicy), total };
}

export function adminSlaPolicy(row: SlaPolicy) {
  return row;
}
