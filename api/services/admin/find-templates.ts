/** Reply templates for the back office: officials read the active ones, the IOC all of them. */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Prisma, ReplyTemplate } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { containing } from '../text-match';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, searchText, uuidIds } from './list-filters';

export const templateFilter = z
  .object({
    id: idFilter.optional(),
    q: searchText.optional(),
    purpose: z.string().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const TEMPLATE_SORTABLE = ['code', 'purpose', 'titleVi', 'active', 'updatedAt', 'id'] as const;

export async function findTemplates(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof templateFilter>>) {
  const f = query.filter;
  const where: Prisma.ReplyTemplateWhereInput = {
    AND: [
      readableWhere(actor.ability, 'ReplyTemplate'),
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.purpose && { purpose: f.purpose }),
        ...(f.active !== undefined && { active: f.active }),
        ...(f.q && {
          OR: [
            { code: containing(f.q) },
            { titleVi: containing(f.q) },
            { titleEn: containing(f.q) },
          ],
        }),
      },
    ],
  };
  const [rows, total] = await db.$transaction([
    db.replyTemplate.findMany({ where, ...pageOf(query) }),
    db.replyTemplate.count({ where }),
  ]);
  return { rows: rows.map(adminTemplate), total };
}

export function adminTemplate(row: ReplyTemplate) {
  return row;
}
