/**
 * GET /requests, /requests/{id}, /tokens/{token} and /servicerequestupdates: cases as Open311
 * service requests. Personal data never leaves here: the reporter's fields are not even read
 * (see requestSelect), and timeline notes are shown only for the kinds the public view shows
 * (api/services/get-report.ts), never citizens' own words (ratings' comments, withdrawals).
 *
 * Which cases are listed (GET /requests without service_request_id, /servicerequestupdates):
 * only those that passed verification (a `verified` timeline entry: routing onwards, and closed
 * or withdrawn after it). Before that no operator has read the report, and its description,
 * photos and place may hold anything, personal data included; rejected reports and duplicates
 * never passed, so they are never listed. A GeoReport consumer (a map, a dashboard) still sees
 * every open request that is being handled, which a "published only" rule would not give it.
 * (The portal's public view shows a report's content only once its result is published; Open311
 * shows it from verification on, the point where an operator has screened it.)
 *
 * A case asked for by its code (service_request_id filter, /requests/{id}) is always answered,
 * as the portal answers anyone holding a tracking code: a partner follows the requests it
 * submitted from the start. Until verified, only what the portal shows is given: status, service,
 * dates, the public notes (a rejection's reason); description, address, lat/long and media stay
 * null.
 *
 * `media_url` is the first public photo (the report's, or the published proof) once the case's
 * result is published, as an absolute URL of /api/v1/media/{id}, which serves it to anyone from
 * then on; before that it is left out.
 *
 * Tokens: services are realtime and POST returns the service_request_id itself. The case id
 * serves as the token of /tokens/{token}: it is not secret-bearing (the reporter's secret is an
 * HMAC of it under the platform's secret, api/services/citizen-token.ts) and maps to nothing
 * more than the public tracking code. The citizen token is never an Open311 token.
 */
import { isScreened, PUBLIC_NOTE_KINDS } from '../../domain/public-disclosure';
import { DateTime } from 'luxon';
import { normaliseTrackingCode } from '../../domain/tracking-code';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';
import type { Language } from '../i18n/language';
import { statusLabel, timelineLabel } from '../i18n/status-labels';
import { visibleMedia } from '../services/get-report';
import { OPEN311_TIME_ZONE, Open311Error, open311Date } from './format';
import { open311Message } from './messages';
import { CLOSED_STATUSES, EXTENDED_STATUS, open311Status } from './statuses';

export const MAX_SPAN_DAYS = 90;
export const MAX_RESULTS = 1_000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Public entries whose note is meant for everyone (the same kinds as the portal's public view). */

/** A case that passed verification: an operator has screened its content. */
const VERIFIED: Prisma.CaseWhereInput = { timeline: { some: { kind: 'verified' } } };

const requestSelect = {
  id: true,
  trackingCode: true,
  status: true,
  level: true,
  description: true,
  lat: true,
  lng: true,
  address: true,
  receivedAt: true,
  publishedAt: true,
  closedAt: true,
  deadline: true,
  resolutionDeadline: true,
  category: { select: { code: true, nameVi: true, nameEn: true, group: true } },
  unit: { select: { name: true, nameEn: true } },
  commune: { select: { code: true, name: true } },
  timeline: {
    where: { visibility: 'public' },
    orderBy: { seq: 'asc' },
    select: { id: true, kind: true, status: true, note: true, at: true },
  },
  media: {
    where: { kind: 'photo', purpose: { in: ['report', 'proof'] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, purpose: true, createdAt: true },
  },
} satisfies Prisma.CaseSelect;

type RequestRow = Prisma.CaseGetPayload<{ select: typeof requestSelect }>;

export interface RequestsOptions {
  language: Language;
  /** Absolute base of this server's URLs, e.g. https://phananh.hatinh.gov.vn */
  baseUrl: string;
  extensions: boolean;
}

// ---- queries ------------------------------------------------------------------------------

type Query = Record<string, unknown>;

function queryText(query: Query, field: string, language: Language): string | undefined {
  const value = query[field];
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v): v is string => typeof v === 'string')) {
    throw Open311Error.of(400, open311Message('invalid_value', language, { field }));
  }
  const joined = values.join(',').trim();
  return joined === '' ? undefined : joined;
}

function queryList(query: Query, field: string, language: Language): string[] | undefined {
  const text = queryText(query, field, language);
  if (text === undefined) return undefined;
  const items = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length > MAX_RESULTS) {
    throw Open311Error.of(400, open311Message('invalid_value', language, { field, detail: `at most ${MAX_RESULTS}` }));
  }
  return items.length ? items : undefined;
}

/** A date-time with or without offset (without: Asia/Ho_Chi_Minh), or a day (its start, or end for end_date). */
function queryDate(query: Query, field: 'start_date' | 'end_date', language: Language): Date | undefined {
  const text = queryText(query, field, language);
  if (text === undefined) return undefined;
  let parsed = DateTime.fromISO(text, { zone: OPEN311_TIME_ZONE });
  if (parsed.isValid && field === 'end_date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) parsed = parsed.endOf('day');
  if (!parsed.isValid) throw Open311Error.of(400, open311Message('invalid_date', language, { field }));
  return parsed.toJSDate();
}

const DAY_MS = 86_400_000;

/**
 * start_date/end_date at most 90 days apart (400 otherwise); one alone spans 90 days from or to
 * it; neither: the last 90 days.
 */
export function timeWindow(query: Query, language: Language, now: Date): { gte: Date; lte?: Date } {
  const start = queryDate(query, 'start_date', language);
  const end = queryDate(query, 'end_date', language);
  const span = MAX_SPAN_DAYS * DAY_MS;
  if (start && end) {
    if (start > end) throw Open311Error.of(400, open311Message('date_order', language));
    if (end.getTime() - start.getTime() > span) {
      throw Open311Error.of(400, open311Message('date_span', language, { days: MAX_SPAN_DAYS }));
    }
    return { gte: start, lte: end };
  }
  if (start) return { gte: start, lte: new Date(start.getTime() + span) };
  if (end) return { gte: new Date(end.getTime() - span), lte: end };
  return { gte: new Date(now.getTime() - span) };
}

/**
 * Without `page`/`page_size` the spec's answer: up to 1,000. With either (the Chicago
 * extension), pages of page_size (default 50, at most 500), page counted from 1.
 */
export function paging(query: Query, language: Language): { skip: number; take: number } {
  const page = queryText(query, 'page', language);
  const size = queryText(query, 'page_size', language);
  if (page === undefined && size === undefined) return { skip: 0, take: MAX_RESULTS };
  const pageNumber = page === undefined ? 1 : Number(page);
  const pageSize = size === undefined ? DEFAULT_PAGE_SIZE : Number(size);
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > 100_000) {
    throw Open311Error.of(400, open311Message('invalid_value', language, { field: 'page', detail: '1 or more' }));
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw Open311Error.of(
      400,
      open311Message('invalid_value', language, { field: 'page_size', detail: `1 to ${MAX_PAGE_SIZE}` }),
    );
  }
  return { skip: (pageNumber - 1) * pageSize, take: pageSize };
}

export function wantsExtensions(query: Query): boolean {
  return query.extensions === 'true';
}

// ---- GET /requests ------------------------------------------------------------------------

export async function findRequests(db: Db, query: Query, options: RequestsOptions, now: Date) {
  const { language } = options;
  const ids = queryList(query, 'service_request_id', language);
  const { skip, take } = paging(query, language);
  let where: Prisma.CaseWhereInput;
  if (ids) {
    // The spec: service_request_id overrides every other filter.
    where = { trackingCode: { in: ids.map(normaliseTrackingCode) } };
  } else {
    const codes = queryList(query, 'service_code', language);
    const statuses = queryList(query, 'status', language);
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) {
      throw Open311Error.of(
        400,
        open311Message('invalid_value', language, { field: 'status', detail: 'open, closed' }),
      );
    }
    const closed = statuses?.includes('closed');
    const open = statuses?.includes('open');
    where = {
      ...VERIFIED,
      receivedAt: timeWindow(query, language, now),
      ...(codes && { categoryCode: { in: codes } }),
      ...(open && !closed && { status: { notIn: [...CLOSED_STATUSES] } }),
      ...(closed && !open && { status: { in: [...CLOSED_STATUSES] } }),
    };
  }
  const rows = await db.case.findMany({
    where,
    select: requestSelect,
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    skip,
    take,
  });
  return rows.map((row) => requestObject(row, options));
}

export async function findRequest(db: Db, id: string, options: RequestsOptions) {
  const row = await db.case.findUnique({ where: { trackingCode: normaliseTrackingCode(id) }, select: requestSelect });
  if (!row) throw Open311Error.of(404, open311Message('request_unknown', options.language, { id }));
  return [requestObject(row, options)];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findToken(db: Db, token: string, language: Language) {
  const row = UUID.test(token)
    ? await db.case.findUnique({ where: { id: token.toLowerCase() }, select: { trackingCode: true } })
    : null;
  if (!row) throw Open311Error.of(404, open311Message('token_unknown', language, { token }));
  return [{ service_request_id: row.trackingCode, token: token.toLowerCase() }];
}

function requestObject(row: RequestRow, options: RequestsOptions) {
  const { language } = options;
  const screened = isScreened(row.timeline);
  const closed = open311Status(row.status) === 'closed';
  const publication = row.timeline.findLast((e) => e.kind === 'reply_published');
  const noted = row.timeline.findLast((e) => PUBLIC_NOTE_KINDS.has(e.kind) && e.note);
  const lastEntry = row.timeline.at(-1);
  const photo =
    screened && row.publishedAt && publication ? visibleMedia(row.media, publication.at, false)[0] : undefined;
  return {
    service_request_id: row.trackingCode,
    status: open311Status(row.status),
    status_notes: noted?.note ?? null,
    service_name: language === 'vi' ? row.category.nameVi : row.category.nameEn,
    service_code: row.category.code,
    description: screened ? row.description : null,
    agency_responsible: row.unit ? (language === 'vi' ? row.unit.name : (row.unit.nameEn ?? row.unit.name)) : null,
    service_notice: open311Message('service_notice', language),
    requested_datetime: open311Date(row.receivedAt),
    updated_datetime: open311Date(closed ? (row.closedAt ?? lastEntry?.at) : (lastEntry?.at ?? row.receivedAt)),
    expected_datetime: closed ? null : open311Date(row.resolutionDeadline ?? row.deadline),
    address: screened ? row.address : null,
    address_id: null,
    zipcode: null,
    lat: screened ? row.lat : null,
    long: screened ? row.lng : null,
    ...(photo && { media_url: `${options.baseUrl}/api/v1/media/${photo.id}` }),
    ...(options.extensions && {
      extended_attributes: {
        platform_status: row.status,
        status_label: statusLabel(row.status, language),
        extended_status: EXTENDED_STATUS[row.status],
        level: row.level,
        group: row.category.group,
        commune_code: screened ? (row.commune?.code ?? null) : null,
        commune_name: screened ? (row.commune?.name ?? null) : null,
        published_datetime: open311Date(row.publishedAt),
        closed_datetime: open311Date(row.closedAt),
      },
      notes: row.timeline.map((e) => ({
        datetime: open311Date(e.at),
        summary: timelineLabel(e.kind, language),
        description: (PUBLIC_NOTE_KINDS.has(e.kind) && e.note) || timelineLabel(e.kind, language),
        type: e.kind,
      })),
    }),
  };
}

export type Open311Request = ReturnType<typeof requestObject>;

/** XML shape of a request: notes as <notes><note>…</note></notes>. */
export function requestXml(request: Open311Request) {
  const { notes, ...rest } = request;
  return notes ? { ...rest, notes: notes.length ? { note: notes } : '' } : rest;
}

// ---- GET /servicerequestupdates (mySociety) -------------------------------------------------

/**
 * The public timeline of listed (verified) cases as status updates, oldest first, in the
 * start_date/end_date window (the same rules as GET /requests). Each entry is one update:
 * `status` the extended status after it, `external_status_code` the platform's own status,
 * `description` its public note or its label, `media_url` the first published proof photo for
 * the publication of a result.
 */
export async function findRequestUpdates(db: Db, query: Query, options: RequestsOptions, now: Date) {
  const { language } = options;
  const { skip, take } = paging(query, language);
  const entries = await db.caseTimelineEntry.findMany({
    where: { visibility: 'public', at: timeWindow(query, language, now), case: VERIFIED },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    skip,
    take,
    select: {
      id: true,
      kind: true,
      status: true,
      note: true,
      at: true,
      case: {
        select: {
          trackingCode: true,
          status: true,
          media: {
            where: { kind: 'photo', purpose: 'proof' },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: { id: true, purpose: true, createdAt: true },
          },
        },
      },
    },
  });
  return entries.map((e) => {
    const status = e.status ?? e.case.status;
    const proof = e.kind === 'reply_published' ? visibleMedia(e.case.media, e.at, false)[0] : undefined;
    return {
      update_id: e.id,
      service_request_id: e.case.trackingCode,
      status: EXTENDED_STATUS[status],
      external_status_code: status,
      description: (PUBLIC_NOTE_KINDS.has(e.kind) && e.note) || timelineLabel(e.kind, language),
      media_url: proof ? `${options.baseUrl}/api/v1/media/${proof.id}` : null,
      updated_datetime: open311Date(e.at),
    };
  });
}
