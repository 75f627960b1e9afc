/**
 * Checks uploaded files and puts them into media storage under keys of their case
 * (`cases/<case id>/<media id>.<ext>`), before anything refers to them. All or nothing: one
 * unacceptable file refuses the lot (415, a message per file) with nothing stored, and a failed
 * write removes what was written. The caller records the rows, or `discard()`s the files.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FieldProblems } from '../../domain/field-problems';
import { AppError } from '../../platform/app-error';
import type { MediaStorage } from '../../platform/storage';
import type { MediaKind } from '../../prisma/generated/client';
import type { MediaInput } from '../../workflows/messages';
import { inspectMedia, type PreparedMedia, type UploadedFile } from '../media/inspect-media';

export interface StoredMediaSet {
  media: MediaInput[];
  /** Removes every stored object of this set (files whose record never came to be). */
  discard(only?: (media: MediaInput) => boolean): Promise<void>;
}

export async function storeMedia(
  storage: MediaStorage,
  options: {
    caseId: string;
    files: UploadedFile[];
    allowed: readonly MediaKind[];
    /** The multipart field, to name each refused file: `<field>.<index>`, or `<field>` where it holds one file. */
    field: string;
    single?: boolean;
    /** The message code for a file of a kind not allowed here. */
    unsupportedCode?: string;
  },
): Promise<StoredMediaSet> {
  const prepared: PreparedMedia[] = [];
  const problems: FieldProblems = {};
  // One at a time: a decoded photo can take ~50 MB, ten at once would be too many.
  for (const [index, file] of options.files.entries()) {
    const result = await inspectMedia(file, options.allowed);
    if ('problem' in result) {
      const code =
        result.problem === 'unsupported_media' ? (options.unsupportedCode ?? result.problem) : result.problem;
      problems[fileField(options.field, index, options.single)] = { code, params: { name: file.originalName } };
    } else prepared.push(result);
  }
  if (Object.keys(problems).length > 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', {}, problems);

  const media: MediaInput[] = [];
  const written: string[] = [];
  const discard = async (only: (m: MediaInput) => boolean = () => true) => {
    const keys = media.filter(only).flatMap((m) => [m.storageKey, ...(m.thumbnailKey ? [m.thumbnailKey] : [])]);
    await Promise.all(keys.map((key) => storage.delete(key)));
  };
  try {
    for (const item of prepared) {
      const id = randomUUID();
      const storageKey = `cases/${options.caseId}/${id}.${item.extension}`;
      const thumbnailKey = item.thumbnail ? `cases/${options.caseId}/${id}.thumb.webp` : null;
      const body = Buffer.isBuffer(item.body) ? item.body : createReadStream(item.body.path);
      written.push(storageKey);
      await storage.put(storageKey, body, item.contentType, item.size);
      if (thumbnailKey && item.thumbnail) {
        written.push(thumbnailKey);
        await storage.put(thumbnailKey, item.thumbnail, 'image/webp');
      }
      media.push({
        id,
        kind: item.kind,
        contentType: item.contentType,
        size: item.size,
        sha256: item.sha256,
        storageKey,
        thumbnailKey,
        width: item.width,
        height: item.height,
        durationMs: item.durationMs,
        originalName: item.originalName || null,
      });
    }
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  return { media, discard };
}

/** The name of a file's problems: `media.2`, or `file` for a field that holds one file. */
export function fileField(field: string, index: number, single = false): string {
  return single ? field : `${field}.${index}`;
}

/** Media as the API shows them: where to fetch the file and its thumbnail. */
export function mediaUrls(media: { id: string; thumbnailKey: string | null }) {
  return {
    url: `/api/v1/media/${media.id}`,
    thumbnailUrl: media.thumbnailKey ? `/api/v1/media/${media.id}/thumbnail` : null,
  };
}
