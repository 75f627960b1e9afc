/**
 * Announcements in the back office (/api/admin/announcements): a unit's leaders see their unit's
 * drafts and every published post; the IOC's supervisors and administrators see all.
 */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Announcement, Prisma } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { assertReadable, isUuid, pageOf, readableWhere, type AdminActor } from '../admin/admin-actor';
import { idFilter, searchText, uuidIds } from '../admin/list-filters';
import { ANNOUNCEMENT_KINDS } from '../find-announcements';
import { containing } from '../text-match';

export const adminAnnouncementFilter = z
  .object({
    id: idFilter.optional(),
    unitId: z.string().uuid().optional(),
    kind: z.enum(ANNOUNCEMENT_KINDS).optional(),
    severity: z.enum(['info', 'warning', 'critical']).optional(),
    /** true: published ones; false: drafts. */
    published: z.boolean().optional(),
    communeCode: z.string().max(16).optional(),
    q: searchText.optional(),
  })
  .strict();

export const ANNOUNCEMENT_SORTABLE = [
  'createdAt',
  'validFrom',
  'validUntil',
  'publishedAt',
  'severity',
  'kind',
  'id',
] as const;

export async function findAdminAnnouncements(
  db: Db,
  actor: AdminActor,
  query: ListQuery<z.infer<typeof adminAnnouncementFilter>>,
) {
  const f = query.filter;
  const where: Prisma.AnnouncementWhereInput = {
    AND: [
      readableWhere(actor.ability, 'Announcement'),
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.unitId && { unitId: f.unitId }),
        ...(f.kind && { kind: f.kind }),
        ...(f.severity && { severity: f.severity }),
        ...(f.published !== undefined && { publishedAt: f.published ? { not: null } : null }),
        ...(f.communeCode && { communeCodes: { has: f.communeCode } }),
      },
      f.q
        ? {
            OR: [
              { titleVi: containing(f.q) },
              { titleEn: containing(f.q) },
              { bodyVi: containing(f.q) },
            ],
          }
        : {},
    ],
  };
  const [rows, total] = await db.$transaction([
    db.announcement.findMany({ where, ...pageOf(query) }),
    db.announcement.count({ where }),
  ]);
  return { rows: rows.map(adminAnnouncement), total };
}

export async function getAdminAnnouncement(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.announcement.findUnique({ where: { id } }) : null;
  return adminAnnouncement(assertReadable(actor.ability, 'Announcement', row, id));
}

export function adminAnnouncement(row: Announcement) {
  return { ...row, published: row.publishedAt !== null };
}
