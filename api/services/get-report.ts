/**
 * A case by its tracking code, as citizens see it (docs/api-contract.md).
 *
 * The public view is what anyone holding the code may see: never the reporter's identity, never
 * internal entries; the report's description and place once the operations centre has screened
 * it (domain/public-disclosure.ts, the same rule as Open311), its files once the result is
 * published. Every public view counts.
 *
 * The reporter's view (with the case's citizen token) adds their personal data, the entries
 * meant for them (requests for information and their answers), their own files at any time and
 * what they may do now; reading it is audited like any read of personal data.
 */
import { normaliseTrackingCode } from '../../domain/tracking-code';
import { isScreened, PUBLIC_NOTE_KINDS } from '../../domain/public-disclosure';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';
import { WITHDRAWABLE } from '../../workflows/update-checks';
import type { Language } from '../i18n/language';
import { statusLabel, timelineLabel } from '../i18n/status-labels';
import { isCitizenToken } from './citizen-token';
import { recordAudit } from './record-audit';

export interface ReportViewer {
  language?: Language;
  /**
   * The reporter, proven by the case's citizen token (a token that does not match is refused) or
   * by the signed-in citizen's account holding the case (another's case: the public view).
   */
  reporter?: { token?: string; citizenId?: string; secret: string; ip?: string | null; requestId?: string | null };
}

const reportInclude = {
  category: { select: { code: true, nameVi: true, nameEn: true } },
  unit: { select: { id: true, code: true, name: true, nameEn: true } },
  commune: { select: { code: true, name: true } },
  media: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  ratings: { orderBy: { round: 'desc' }, take: 1 },
  timeline: { where: { visibility: { in: ['public', 'reporter'] } }, orderBy: { seq: 'asc' } },
} satisfies Prisma.CaseInclude;

type ReportRow = Prisma.CaseGetPayload<{ include: typeof reportInclude }>;
type MediaRow = ReportRow['media'][number];

export async function getReport(db: Db, trackingCode: string, viewer: ReportViewer = {}) {
  const row = await db.case.findUnique({
    where: { trackingCode: normaliseTrackingCode(trackingCode) },
    include: reportInclude,
  });
  if (!row) throw new AppError('NOT_FOUND', { what: trackingCode });
  const language = viewer.language ?? 'vi';
  const { reporter } = viewer;
  if (reporter?.token && !isCitizenToken(reporter.secret, row.id, reporter.token))
    throw new AppError('CITIZEN_TOKEN_INVALID');
  const isReporter =
    reporter?.token !== undefined || (reporter?.citizenId !== undefined && row.citizenId === reporter.citizenId);
  if (!reporter || !isReporter) {
    const viewCount = await countView(db, row.id);
    return reportView(row, language, false, viewCount);
  }
  await recordAudit(db, {
    actorKind: 'citizen',
    action: 'read_personal_data',
    subjectType: 'Case',
    subjectId: row.id,
    caseId: row.id,
    ip: reporter.ip ?? null,
    requestId: reporter.requestId ?? null,
  });
  return reportView(row, language, true, row.viewCount);
}

/**
 * One more public view, counted in the database (concurrent views all count). Raw SQL so the
 * case's updatedAt, which the back office sorts by, is not touched by a read.
 */
async function countView(db: Db, caseId: string): Promise<number> {
  const [counted] = await db.$queryRaw<{ viewCount: number }[]>`
    UPDATE "Case" SET "viewCount" = "viewCount" + 1 WHERE "id" = ${caseId}::uuid RETURNING "viewCount"`;
  return counted?.viewCount ?? 0;
}

function reportView(row: ReportRow, language: Language, forReporter: boolean, viewCount: number) {
  const published = row.publishedAt !== null;
  const timeline = row.timeline.filter((e) => forReporter || e.visibility === 'public');
  const publication = [...row.timeline].reverse().find((e) => e.kind === 'reply_published');
  // The whole row's timeline (internal entries are not loaded): was it screened?
  const showContent = forReporter || published || isScreened(row.timeline);
  const rating = row.ratings[0];
  return {
    trackingCode: row.trackingCode,
    status: row.status,
    step: row.step,
    statusLabel: statusLabel(row.status, language),
    category: {
      code: row.category.code,
      name: language === 'en' ? row.category.nameEn : row.category.nameVi,
    },
    unit: row.unit
      ? {
          id: row.unit.id,
          code: row.unit.code,
          name: language === 'en' ? (row.unit.nameEn ?? row.unit.name) : row.unit.name,
        }
      : null,
    /** The unit's deadline for the result (Hạn xử lý) once it accepted, else the current step's. */
    deadline: (row.resolutionDeadline ?? row.deadline)?.toISOString() ?? null,
    createdAt: row.receivedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    ...(showContent && {
      description: row.description,
      location: {
        lat: row.lat,
        lng: row.lng,
        address: row.address,
        commune: row.commune ? { code: row.commune.code, name: row.commune.name } : null,
      },
    }),
    timeline: timeline.map((e) => ({
      kind: e.kind,
      label: timelineLabel(e.kind, language),
      visibility: e.visibility,
      status: e.status,
      statusLabel: e.status ? statusLabel(e.status, language) : null,
      step: e.step,
      at: e.at.toISOString(),
      note: forReporter || PUBLIC_NOTE_KINDS.has(e.kind) ? e.note : null,
    })),
    ...(published && publication && { reply: { text: publication.note, publishedAt: publication.at.toISOString() } }),
    media: visibleMedia(row.media, publication?.at, forReporter).map(mediaView),
    rating: rating
      ? {
          score: rating.score,
          round: rating.round,
          createdAt: rating.createdAt.toISOString(),
          ...(forReporter && { comment: rating.comment }),
        }
      : null,
    viewCount,
    ...(forReporter && {
      reporter: {
        name: row.reporterName,
        phone: row.reporterPhone,
        email: row.reporterEmail,
        confidential: row.confidential,
      },
      allowedActions: allowedActions(row),
    }),
  };
}

export type ReportView = ReturnType<typeof reportView>;

/**
 * The report's files once published (the reporter's own, with their answers' files, always);
 * proof files only those uploaded before the latest publication: a reopened case's new proof
 * waits for its own.
 */
export function visibleMedia<M extends Pick<MediaRow, 'purpose' | 'createdAt'>>(
  media: M[],
  publishedAt: Date | undefined,
  forReporter: boolean,
): M[] {
  return media.filter((m) => {
    if (m.purpose === 'proof') return publishedAt !== undefined && m.createdAt <= publishedAt;
    if (forReporter) return true;
    return m.purpose === 'report' && publishedAt !== undefined;
  });
}

/** Files are served by /api/v1/media/{id}, which applies the same visibility. */
export function mediaView(m: Pick<MediaRow, 'id' | 'purpose' | 'kind' | 'contentType' | 'thumbnailKey'>) {
  return {
    id: m.id,
    purpose: m.purpose,
    kind: m.kind,
    contentType: m.contentType,
    url: `/api/v1/media/${m.id}`,
    thumbnailUrl: m.thumbnailKey ? `/api/v1/media/${m.id}/thumbnail` : null,
  };
}

/** What the reporter may do now; the workflow has the last word (409 when it changed meanwhile). */
export function allowedActions(row: Pick<ReportRow, 'status' | 'step'>): ('rate' | 'info' | 'withdraw')[] {
  const actions: ('rate' | 'info' | 'withdraw')[] = [];
  if (row.step === 'rate' && row.status === 'responded') actions.push('rate');
  if (row.status === 'info_requested') actions.push('info');
  if (WITHDRAWABLE.includes(row.status)) actions.push('withdraw');
  return actions;
}
