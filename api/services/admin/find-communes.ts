/**
 * Communes (xã, phường) for the back office. Lists leave the boundary out (a commune's polygon can
 * weigh hundreds of kilobytes) and say whether there is one; a single commune carries it.
 */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { Prisma, type Commune } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { containing } from '../text-match';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, searchText } from './list-filters';

export const communeFilter = z
  .object({
    id: idFilter.optional(),
    q: searchText.optional(),
    kind: z.enum(['ward', 'commune', 'town']).optional(),
    active: z.boolean().optional(),
    hasBoundary: z.boolean().optional(),
  })
  .strict();

export const COMMUNE_SORTABLE = ['sortOrder', 'code', 'id', 'name', 'kind', 'active', 'updatedAt'] as const;

export async function findCommunes(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof communeFilter>>) {
  const f = query.filter;
  const where: Prisma.CommuneWhereInput = {
    AND: [
      readableWhere(actor.ability, 'Commune'),
      {
        ...(f.id && { code: { in: f.id } }),
        ...(f.kind && { kind: f.kind }),
        ...(f.active !== undefined && { active: f.active }),
        ...(f.hasBoundary !== undefined && {
          boundary: f.hasBoundary ? { not: Prisma.AnyNull } : { equals: Prisma.AnyNull },
        }),
        ...(f.q && {
          OR: [{ code: containing(f.q) }, { name: containing(f.q) }],
        }),
      },
    ],
  };
  const sort = query.sort.field === 'id' ? { ...query.sort, field: 'code' } : query.sort;
  const page = { ...pageOf({ ...query, sort }), orderBy: [{ [sort.field]: sort.order }, { code: 'asc' as const }] };
  const [rows, total] = await db.$transaction([db.commune.findMany({ where, ...page }), db.commune.count({ where })]);
  return {
    rows: rows.map(({ boundary, ...row }) => ({ ...adminCommuneFields(row), hasBoundary: boundary !== null })),
    total,
  };
}

/** A commune as the back office edits it: its code is its id. */
export function adminCommune(row: Commune) {
  return { ...adminCommuneFields(row), hasBoundary: row.boundary !== null, boundary: row.boundary };
}

function adminCommuneFields(row: Omit<Commune, 'boundary'>) {
  return {
    id: row.code,
    code: row.code,
    name: row.name,
    kind: row.kind,
    active: row.active,
    sortOrder: row.sortOrder,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
