/**
 * Announcements citizens see now (docs/api-contract.md, GET /api/v1/announcements): published, in
 * force (validFrom passed, validUntil not yet), for a commune (an announcement without communes
 * is province-wide and shows everywhere) and of some kinds; the most severe first.
 */
import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';
import type { Language } from '../i18n/language';
import { enumList } from '../query-values';

export const ANNOUNCEMENT_KINDS = ['weather', 'disaster', 'traffic', 'notice', 'other'] as const;
/** More than any province publishes at once; a bound so the list stays one response. */
const MAX_ANNOUNCEMENTS = 200;

export const announcementQuery = z
  .object({
    // A commune's code is letters and digits (Hà Tĩnh's are 5 digits): a pattern, not only a
    // length, so the server and the OpenAPI document agree on every string (a length alone is
    // counted in UTF-16 units here and in code points by JSON Schema).
    communeCode: z
      .string()
      .min(1)
      .max(16)
      .regex(/^[0-9A-Za-z_-]+$/)
      .optional(),
    kind: enumList(ANNOUNCEMENT_KINDS).optional(),
  })
  .strict();

export type AnnouncementQuery = z.infer<typeof announcementQuery>;

export async function findAnnouncements(db: Db, query: AnnouncementQuery, language: Language, now: Date) {
  const where: Prisma.AnnouncementWhereInput = {
    AND: [
      { publishedAt: { lte: now } },
      { validFrom: { lte: now } },
      { OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
      ...(query.communeCode
        ? [{ OR: [{ communeCodes: { isEmpty: true } }, { communeCodes: { has: query.communeCode } }] }]
        : []),
      ...(query.kind ? [{ kind: { in: query.kind } }] : []),
    ],
  };
  const rows = await db.announcement.findMany({
    where,
    include: { unit: { select: { id: true, code: true, name: true, nameEn: true } } },
    // Severity is a PostgreSQL enum declared info < warning < critical.
    orderBy: [{ severity: 'desc' }, { validFrom: 'desc' }, { id: 'asc' }],
    take: MAX_ANNOUNCEMENTS,
  });
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    severity: a.severity,
    /** In the language asked for; Vietnamese when there is no English text. */
    title: language === 'en' ? (a.titleEn ?? a.titleVi) : a.titleVi,
    body: language === 'en' ? (a.bodyEn ?? a.bodyVi) : a.bodyVi,
    titleVi: a.titleVi,
    titleEn: a.titleEn,
    bodyVi: a.bodyVi,
    bodyEn: a.bodyEn,
    communeCodes: a.communeCodes,
    unit: { id: a.unit.id, code: a.unit.code, name: language === 'en' ? (a.unit.nameEn ?? a.unit.name) : a.unit.name },
    validFrom: a.validFrom.toISOString(),
    validUntil: a.validUntil?.toISOString() ?? null,
    publishedAt: a.publishedAt!.toISOString(),
  }));
}
