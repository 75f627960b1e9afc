/** Categories (lĩnh vực) for the back office: everyone reads the active ones, the IOC all of them. */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Category, Prisma } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { containing } from '../text-match';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, searchText } from './list-filters';

export const categoryFilter = z
  .object({
    id: idFilter.optional(),
    q: searchText.optional(),
    group: z.string().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const CATEGORY_SORTABLE = [
  'sortOrder',
  'code',
  'id',
  'nameVi',
  'nameEn',
  'group',
  'active',
  'updatedAt',
] as const;

export async function findCategories(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof categoryFilter>>) {
  const f = query.filter;
  const where: Prisma.CategoryWhereInput = {
    AND: [
      readableWhere(actor.ability, 'Category'),
      {
        ...(f.id && { code: { in: f.id } }),
        ...(f.group && { group: f.group }),
        ...(f.active !== undefined && { active: f.active }),
        ...(f.q && {
          OR: [
            { code: containing(f.q) },
            { nameVi: containing(f.q) },
            { nameEn: containing(f.q) },
          ],
        }),
      },
    ],
  };
  const sort = query.sort.field === 'id' ? { ...query.sort, field: 'code' } : query.sort;
  const page = { ...pageOf({ ...query, sort }), orderBy: [{ [sort.field]: sort.order }, { code: 'asc' as const }] };
  const [rows, total] = await db.$transaction([db.category.findMany({ where, ...page }), db.category.count({ where })]);
  return { rows: rows.map(adminCategory), total };
}

/** A category as the back office edits it: its code is its id. */
export function adminCategory(row: Category) {
  return { id: row.code, ...row };
}
