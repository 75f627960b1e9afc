/**
 * The public feed (docs/api-contract.md, GET /api/v1/reports): published cases only, newest
 * publication first, a page at a time with the total. Only what the public view shows once a
 * case is published; the reporter's identity is never read from the database here.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../../domain/case-steps';
import { documentedAs } from '../../domain/documented-schema';
import type { Db } from '../../platform/db';
import { listPage } from '../../platform/list-total';
import { afterCursor, decodeCursor, encodeCursor, type KeysetOrder } from '../list-cursor';
import type { Prisma } from '../../prisma/generated/client';
import type { Language } from '../i18n/language';
import { enumList, valueList } from '../query-values';
import { statusLabel } from '../i18n/status-labels';
import { mediaView, visibleMedia } from './get-report';

export const PUBLIC_FEED_MAX_PAGE_SIZE = 100;

const VIETNAM_OFFSET = '+07:00';

/** A day (YYYY-MM-DD, in Asia/Ho_Chi_Minh, inclusive) or an instant (ISO 8601 with offset). */
const timeBound = (edge: 'start' | 'end') =>
  documentedAs(
    z.string().transform((v, ctx) => {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(v);
      const instant = day
        ? new Date(`${v}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}${VIETNAM_OFFSET}`)
        : z.string().datetime({ offset: true }).safeParse(v).success
          ? new Date(v)
          : new Date(Number.NaN);
      if (Number.isNaN(instant.getTime())) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid_format' });
        return z.NEVER;
      }
      return instant;
    }),
    {
      anyOf: [
        { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        { type: 'string', format: 'date-time' },
      ],
    },
  );

/** bbox=minLng,minLat,maxLng,maxLat (WGS84), as map libraries give it. */
const LNG = '-?(?:180(?:\\.0+)?|(?:1[0-7]\\d|\\d{1,2})(?:\\.\\d+)?)';
const LAT = '-?(?:90(?:\\.0+)?|[1-8]?\\d(?:\\.\\d+)?)';
const bboxPattern = `^${[LNG, LAT, LNG, LAT].join(',')}$`;

const bbox = documentedAs(
  z.string().transform((v, ctx) => {
    const parts = v.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
    const [minLng, minLat, maxLng, maxLat] = parts as [number, number, number, number];
    const valid =
      parts.length === 4 &&
      parts.every(Number.isFinite) &&
      minLng >= -180 &&
      maxLng <= 180 &&
      minLat >= -90 &&
      maxLat <= 90 &&
      minLng <= maxLng &&
      minLat <= maxLat;
    if (!valid) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid_bbox' });
      return z.NEVER;
    }
    return { minLng, minLat, maxLng, maxLat };
  }),
  { type: 'string', pattern: bboxPattern, description: 'The minimum before the maximum, each.' },
);

export const publicFeedQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(PUBLIC_FEED_MAX_PAGE_SIZE).default(20),
    categoryCode: valueList(64).optional(),
    communeCode: valueList(16).optional(),
    status: enumList(CASE_STATUSES).optional(),
    from: timeBound('start').optional(),
    to: timeBound('end').optional(),
    bbox: bbox.optional(),
    /** The previous page's `nextCursor`: the page after it, read from the feed's index (api/list-cursor.ts). */
    after: z.string().min(1).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from_after_to', path: ['to'] })
  .refine((q) => !q.after || q.page === 1, { message: 'cursor_with_page', path: ['page'] });

/** The feed's order, newest publication first; a cursor carries its key. */
const FEED_ORDER: KeysetOrder = { field: 'publishedAt', order: 'desc', kind: 'instant', idOrder: 'desc' };

export type PublicFeedQuery = z.infer<typeof publicFeedQuery>;

const feedSelect = {
  id: true,
  trackingCode: true,
  status: true,
  categoryCode: true,
  description: true,
  lat: true,
  lng: true,
  address: true,
  receivedAt: true,
  publishedAt: true,
  closedAt: true,
  resolutionDeadline: true,
  viewCount: true,
  category: { select: { code: true, nameVi: true, nameEn: true } },
  unit: { select: { id: true, code: true, name: true, nameEn: true } },
  commune: { select: { code: true, name: true } },
  media: {
    where: { purpose: { in: ['report', 'proof'] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, purpose: true, kind: true, contentType: true, thumbnailKey: true, createdAt: true },
  },
  ratings: { orderBy: { round: 'desc' }, take: 1, select: { score: true } },
  timeline: {
    where: { kind: 'reply_published', visibility: 'public' },
    orderBy: { seq: 'desc' },
    take: 1,
    select: { note: true, at: true },
  },
} satisfies Prisma.CaseSelect;

export async function findPublicReports(db: Db, query: PublicFeedQuery, language: Language) {
  const where: Prisma.CaseWhereInput = {
    publishedAt: { not: null },
    ...(query.categoryCode && { categoryCode: { in: query.categoryCode } }),
    ...(query.communeCode && { communeCode: { in: query.communeCode } }),
    ...(query.status && { status: { in: query.status } }),
    ...((query.from || query.to) && {
      receivedAt: { ...(query.from && { gte: query.from }), ...(query.to && { lte: query.to }) },
    }),
    ...(query.bbox && {
      lat: { gte: query.bbox.minLat, lte: query.bbox.maxLat },
      lng: { gte: query.bbox.minLng, lte: query.bbox.maxLng },
    }),
  };
  const orderBy: Prisma.CaseOrderByWithRelationInput[] = [{ publishedAt: 'desc' }, { id: 'desc' }];
  const cursor = query.after === undefined ? undefined : decodeCursor(query.after, FEED_ORDER);
  const page = { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
  const { rows, total, estimated } = await listPage(
    db,
    cursor ? null : page,
    db.case.findMany({
      where: cursor ? { AND: [where, afterCursor(FEED_ORDER, cursor)] } : where,
      select: feedSelect,
      orderBy,
      ...page,
    }),
    (client, take) => client.case.count({ where, orderBy, take }),
  );
  const last = rows.length === query.pageSize ? rows.at(-1) : undefined;
  return {
    items: rows.map((row) => feedItem(row, language)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalEstimated: estimated,
    nextCursor: last ? encodeCursor(FEED_ORDER, last) : null,
  };
}

function feedItem(row: Prisma.CaseGetPayload<{ select: typeof feedSelect }>, language: Language) {
  const publication = row.timeline[0];
  return {
    trackingCode: row.trackingCode,
    status: row.status,
    statusLabel: statusLabel(row.status, language),
    category: { code: row.category.code, name: language === 'en' ? row.category.nameEn : row.category.nameVi },
    unit: row.unit
      ? {
          id: row.unit.id,
          code: row.unit.code,
          name: language === 'en' ? (row.unit.nameEn ?? row.unit.name) : row.unit.name,
        }
      : null,
    description: row.description,
    location: {
      lat: row.lat,
      lng: row.lng,
      address: row.address,
      commune: row.commune ? { code: row.commune.code, name: row.commune.name } : null,
    },
    deadline: row.resolutionDeadline?.toISOString() ?? null,
    createdAt: row.receivedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    reply: publication ? { text: publication.note, publishedAt: publication.at.toISOString() } : null,
    media: visibleMedia(row.media, publication?.at, false).map(mediaView),
    rating: row.ratings[0] ? { score: row.ratings[0].score } : null,
    viewCount: row.viewCount,
  };
}
