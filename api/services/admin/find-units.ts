/** Units for the back office: everyone reads the active ones, a unit admin its own, the IOC all. */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Prisma, Unit } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { containing } from '../text-match';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, searchText, uuidIds } from './list-filters';

export const UNIT_KINDS = ['ioc', 'department', 'commune', 'other'] as const;

export const unitFilter = z
  .object({
    id: idFilter.optional(),
    q: searchText.optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    active: z.boolean().optional(),
    parentId: z.string().uuid().optional(),
    communeCode: z.string().optional(),
  })
  .strict();

export const UNIT_SORTABLE = ['code', 'name', 'kind', 'active', 'createdAt', 'updatedAt', 'id'] as const;

export async function findUnits(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof unitFilter>>) {
  const f = query.filter;
  const where: Prisma.UnitWhereInput = {
    AND: [
      readableWhere(actor.ability, 'Unit'),
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.kind && { kind: f.kind }),
        ...(f.active !== undefined && { active: f.active }),
        ...(f.parentId && { parentId: f.parentId }),
        ...(f.communeCode && { communeCodes: { has: f.communeCode } }),
        ...(f.q && {
          OR: [
            { code: containing(f.q) },
            { name: containing(f.q) },
            { nameEn: containing(f.q) },
          ],
        }),
      },
    ],
  };
  const [rows, total] = await db.$transaction([
    db.unit.findMany({ where, ...pageOf(query) }),
    db.unit.count({ where }),
  ]);
  return { rows: rows.map(adminUnit), total };
}

export function adminUnit(row: Unit) {
  return row;
}
