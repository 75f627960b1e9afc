/**
 * An official attaches proof (a photo, a video or a PDF) to a case of their unit: the file is
 * checked, stored under the case's keys and recorded as a Media row (purpose proof) with who
 * uploaded it; the reply then names it among its attachmentIds. Files are content, not process
 * state, so the API records them itself (docs/design.md principle 2); the workflow decides nothing here.
 */
import { subject } from '@casl/ability';
import type { AppAbility } from '../../domain/abilities';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import type { Case } from '../../prisma/generated/client';
import type { UploadedFile } from '../media/inspect-media';
import { recordAudit } from './record-audit';
import { mediaUrls, storeMedia } from './store-media';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case, if this official may attach proof to it: 404 when they cannot even read it (or it
 * does not exist), 403 when they can read it but not attach. Checked before the upload is read.
 */
export async function findProofCase(db: Db, ability: AppAbility, caseId: string): Promise<Case> {
  const row = UUID.test(caseId) ? await db.case.findUnique({ where: { id: caseId } }) : null;
  if (!row || !ability.can('read', subject('Case', row))) throw new AppError('NOT_FOUND', { what: caseId });
  if (!ability.can('attachProof', subject('Case', row))) throw new AppError('FORBIDDEN');
  return row;
}

export async function attachProof(
  deps: { db: Db; storage: MediaStorage },
  options: {
    ability: AppAbility;
    userId: string;
    caseId: string;
    file: UploadedFile | undefined;
    ip?: string | null;
    requestId?: string | null;
  },
): Promise<{ id: string; url: string; thumbnailUrl: string | null }> {
  const row = await findProofCase(deps.db, options.ability, options.caseId);
  if (!options.file) throw new AppError('VALIDATION_FAILED', {}, { file: { code: 'file_required' } });
  const stored = await storeMedia(deps.storage, {
    caseId: row.id,
    files: [options.file],
    allowed: ['photo', 'video', 'document'],
    field: 'file',
    single: true,
    unsupportedCode: 'unsupported_proof',
  });
  const media = stored.media[0]!;
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.media.create({
        data: { ...media, caseId: row.id, purpose: 'proof', uploadedById: options.userId },
      });
      await recordAudit(tx, {
        actorKind: 'official',
        actorId: options.userId,
        action: 'proof_attached',
        subjectType: 'Media',
        subjectId: media.id,
        caseId: row.id,
        ip: options.ip ?? null,
        requestId: options.requestId ?? null,
        details: { kind: media.kind, size: media.size, sha256: media.sha256 },
      });
    });
  } catch (error) {
    await stored.discard();
    throw error;
  }
  // The file name in the answer would repeat what the official sent; the id is what the reply needs.
  const { url, thumbnailUrl } = mediaUrls(media);
  return { id: media.id, url, thumbnailUrl };
}
