/**
 * A stored file, if the one asking may see it; otherwise NOT_FOUND, so that nobody learns which
 * ids exist. Who sees what (domain/abilities.ts, Media rules):
 * - anyone: the report's and the proof's files of a published case (never answers to requests
 *   for information); proof only as far as published (a reopened case's new proof waits);
 * - the reporter (X-Citizen-Token of the case, or the signed-in citizen whose account holds it):
 *   their own case's files, proof as above;
 * - officials: per their ability (their units' cases; the IOC all).
 */
import { subject } from '@casl/ability';
import { defineAbilityFor, type AppAbility } from '../../domain/abilities';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { Media } from '../../prisma/generated/client';
import { isCitizenToken } from './citizen-token';

export interface MediaViewer {
  /** An official's ability, when the request carries a live session. */
  ability?: AppAbility;
  citizenToken?: string;
  /** The signed-in citizen's account (api/services/citizen-accounts/citizen-sessions.ts). */
  citizenId?: string;
  secret: string;
}

export interface VisibleMedia {
  media: Media;
  /** Anyone may see it: shared caches may keep it. */
  isPublic: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ANONYMOUS = defineAbilityFor({ kind: 'anonymous' });

export async function getMedia(db: Db, id: string, viewer: MediaViewer): Promise<VisibleMedia> {
  const notFound = new AppError('NOT_FOUND', { what: `media ${id}` });
  if (!UUID.test(id)) throw notFound;
  const row = await db.media.findUnique({ where: { id }, include: { case: true } });
  if (!row?.case || !row.caseId) throw notFound;
  const { case: owner, ...media } = row;
  const checked = subject('Media', { ...media, case: owner });

  // Citizens see proof only as far as it was published with the result (as in get-report.ts).
  const citizenSees = async (ability: AppAbility) =>
    ability.can('read', checked) && (media.purpose !== 'proof' || (await publishedWithResult(db, media, owner)));

  if (await citizenSees(ANONYMOUS)) return { media, isPublic: true };
  const isReporter =
    (viewer.citizenToken !== undefined && isCitizenToken(viewer.secret, owner.id, viewer.citizenToken)) ||
    (viewer.citizenId !== undefined && owner.citizenId === viewer.citizenId);
  if (isReporter) {
    if (await citizenSees(defineAbilityFor({ kind: 'citizen', caseIds: [owner.id] })))
      return { media, isPublic: false };
  }
  if (viewer.ability?.can('read', checked)) return { media, isPublic: false };
  throw notFound;
}

/** Whether proof was uploaded before the case's result was last published. */
async function publishedWithResult(
  db: Db,
  media: Pick<Media, 'createdAt'>,
  owner: { id: string; publishedAt: Date | null },
): Promise<boolean> {
  const entry = await db.caseTimelineEntry.findFirst({
    where: { caseId: owner.id, kind: 'reply_published' },
    orderBy: { seq: 'desc' },
    select: { at: true },
  });
  const publishedAt = entry?.at ?? owner.publishedAt;
  return publishedAt !== null && media.createdAt <= publishedAt;
}
