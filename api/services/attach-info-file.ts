/**
 * The reporter attaches a photo or video to the answer they are about to give: the file is
 * checked, stored under the case's keys and recorded as a Media row (purpose `info`); the
 * answer (POST …/info) then names it among its `mediaIds`. Only while the case awaits the
 * reporter's information (409 otherwise), at most MEDIA_MAX_FILES such files per case. With an
 * Idempotency-Key the row's id is derived from the case and the key, so a retried upload (a
 * phone that lost the answer) gets the first file back instead of a second copy.
 */
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import { stableUuid } from '../../platform/stable-uuid';
import type { UploadedFile } from '../media/inspect-media';
import type { ReporterCase } from './find-reporter-case';
import { recordAudit } from './record-audit';
import { mediaUrls, storeMedia } from './store-media';

export interface InfoFile {
  id: string;
  url: string;
  thumbnailUrl: string | null;
}

const infoFileId = (caseId: string, key: string) => stableUuid(`info-file:${caseId}:${key}`);

async function existingInfoFile(db: Db, caseId: string, key: string | undefined): Promise<InfoFile | undefined> {
  if (!key) return undefined;
  const row = await db.media.findFirst({ where: { id: infoFileId(caseId, key), caseId, purpose: 'info' } });
  return row ? { id: row.id, ...mediaUrls(row) } : undefined;
}

/**
 * Checked before the upload is read, so nobody makes the API receive a file it would refuse:
 * the earlier answer for a retried key, else a 409 unless information is awaited, or a 413 when
 * the case already holds as many answer files as a report may.
 */
export async function checkInfoFileAllowed(
  db: Db,
  reporterCase: ReporterCase,
  options: { idempotencyKey?: string; maxFiles: number },
): Promise<InfoFile | undefined> {
  const earlier = await existingInfoFile(db, reporterCase.id, options.idempotencyKey);
  if (earlier) return earlier;
  const row = await db.case.findUniqueOrThrow({ where: { id: reporterCase.id }, select: { status: true } });
  if (row.status !== 'info_requested') throw new AppError('NOT_ALLOWED_NOW');
  const held = await db.media.count({ where: { caseId: reporterCase.id, purpose: 'info' } });
  if (held >= options.maxFiles)
    throw new AppError(
      'TOO_MANY_FILES',
      { maximum: options.maxFiles },
      { file: { code: 'too_many_files', params: { maximum: options.maxFiles } } },
    );
  return undefined;
}

export async function attachInfoFile(
  deps: { db: Db; storage: MediaStorage },
  reporterCase: ReporterCase,
  options: {
    file: UploadedFile | undefined;
    idempotencyKey?: string;
    maxFiles: number;
    ip?: string | null;
    requestId?: string | null;
  },
): Promise<{ file: InfoFile; created: boolean }> {
  const earlier = await checkInfoFileAllowed(deps.db, reporterCase, options);
  if (earlier) return { file: earlier, created: false };
  if (!options.file) throw new AppError('VALIDATION_FAILED', {}, { file: { code: 'file_required' } });
  const stored = await storeMedia(deps.storage, {
    caseId: reporterCase.id,
    files: [options.file],
    allowed: ['photo', 'video'],
    field: 'file',
    single: true,
  });
  const media = {
    ...stored.media[0]!,
    ...(options.idempotencyKey && { id: infoFileId(reporterCase.id, options.idempotencyKey) }),
  };
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.media.create({ data: { ...media, caseId: reporterCase.id, purpose: 'info' } });
      await recordAudit(tx, {
        actorKind: 'citizen',
        action: 'info_file_attached',
        subjectType: 'Media',
        subjectId: media.id,
        caseId: reporterCase.id,
        ip: options.ip ?? null,
        requestId: options.requestId ?? null,
        details: { kind: media.kind, size: media.size, sha256: media.sha256 },
      });
    });
  } catch (error) {
    await stored.discard();
    // The same key sent twice at once: the other request recorded the file first.
    if ((error as { code?: unknown })?.code === 'P2002') {
      const winner = await existingInfoFile(deps.db, reporterCase.id, options.idempotencyKey);
      if (winner) return { file: winner, created: false };
    }
    throw error;
  }
  return { file: { id: media.id, ...mediaUrls(media) }, created: true };
}
