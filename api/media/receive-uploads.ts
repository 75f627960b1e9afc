/**
 * Multipart uploads (multer 2) streamed to a private temporary folder on disk, never buffered
 * whole in memory (a video may be 100 MB). Limits are enforced while the bytes arrive: each
 * file's kind is sniffed from its first bytes and the file is cut off as soon as it passes that
 * kind's limit (413), and the request stops at one file too many (413). The folder and all it
 * holds are removed when the response is done, whatever happened.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import type { FieldProblems } from '../../domain/field-problems';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/app-error';
import type { MediaKind } from '../../prisma/generated/client';
import { acceptBodyText } from '../middleware/input-text';
import { fileField } from '../services/store-media';
import { sniffKind, type UploadedFile } from './inspect-media';

export interface MediaLimits {
  maxBytes: Record<MediaKind, number>;
  maxFiles: number;
  /** Parent of the per-request temporary folders. */
  uploadDir: string;
}

const MB = 1024 * 1024;

export function mediaLimitsFrom(
  config: Pick<
    Config,
    'MEDIA_MAX_PHOTO_MB' | 'MEDIA_MAX_VIDEO_MB' | 'MEDIA_MAX_DOCUMENT_MB' | 'MEDIA_MAX_FILES' | 'MEDIA_UPLOAD_DIR'
  >,
): MediaLimits {
  return {
    maxBytes: {
      photo: Math.round(config.MEDIA_MAX_PHOTO_MB * MB),
      video: Math.round(config.MEDIA_MAX_VIDEO_MB * MB),
      document: Math.round(config.MEDIA_MAX_DOCUMENT_MB * MB),
    },
    maxFiles: config.MEDIA_MAX_FILES,
    uploadDir: config.MEDIA_UPLOAD_DIR ?? os.tmpdir(),
  };
}

/** "10 MB" */
export function formatBytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** The size of a file's head that tells its kind (an `ftyp` box with a few brands). */
const SNIFF_BYTES = 64;

interface UploadState {
  folder?: Promise<string>;
  count: number;
}
const uploads = new WeakMap<Request, UploadState>();

/** The files of a multipart request, in the order they were sent; [] for any other request. */
export function uploadedFiles(req: Request): UploadedFile[] {
  const files = Array.isArray(req.files) ? req.files : [];
  return files.map((file) => {
    const stored = file as Express.Multer.File & { sha256: string };
    return {
      path: stored.path,
      size: stored.size,
      sha256: stored.sha256,
      originalName: cleanName(stored.originalname),
    };
  });
}

/**
 * Accepts up to `maxFiles` files in the multipart field `field` (and text fields, in `req.body`).
 * Does nothing for a request that is not multipart.
 */
export function receiveUploads(options: { field: string; maxFiles: number; limits: MediaLimits }): RequestHandler {
  const { field, maxFiles, limits } = options;
  const largest = Math.max(...Object.values(limits.maxBytes));
  const upload = multer({
    storage: diskEngine(field, maxFiles === 1, limits),
    limits: { files: maxFiles, fields: 10, fieldSize: 64 * 1024, fieldNameSize: 100, parts: maxFiles + 10 },
    fileFilter: (_req, file, accept) => {
      if (file.fieldname !== field) accept(new MulterError('LIMIT_UNEXPECTED_FILE', file.fieldname));
      else accept(null, true);
    },
  }).any();

  return (req, res, next) => {
    const state: UploadState = { count: 0 };
    uploads.set(req, state);
    res.on('close', () => {
      // Whatever the outcome, nothing uploaded outlives the request.
      void state.folder?.then((folder) => rm(folder, { recursive: true, force: true })).catch(() => undefined);
    });
    void upload(req, res, (error?: unknown) => {
      if (error) return next(asAppError(error, { field, maxFiles, largest }));
      try {
        acceptBodyText(req); // the text fields, as every other body
        next();
      } catch (refused) {
        next(refused);
      }
    });
  };
}

/** multer's storage engine: the file to disk through a meter that hashes and limits it. */
function diskEngine(field: string, single: boolean, limits: MediaLimits): StorageEngine {
  return {
    _handleFile(req, file, callback) {
      const state = uploads.get(req)!;
      const index = state.count++;
      const name = cleanName(file.originalname);
      void (async () => {
        state.folder ??= mkdir(limits.uploadDir, { recursive: true }).then(() =>
          mkdtemp(path.join(limits.uploadDir, 'upload-')),
        );
        const target = path.join(await state.folder, `${index}.upload`);
        const hash = createHash('sha256');
        let head: Buffer | undefined = Buffer.alloc(0);
        let limit = Infinity;
        let kind: MediaKind = 'photo';
        let size = 0;
        const decide = () => {
          kind = sniffKind(head!);
          limit = limits.maxBytes[kind];
          head = undefined;
        };
        const meter = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            if (head) {
              head = Buffer.concat([head, chunk]);
              if (head.length >= SNIFF_BYTES) decide();
            }
            size += chunk.length;
            if (size > limit) return done(tooLarge(fileField(field, index, single), name, limit));
            hash.update(chunk);
            done(null, chunk);
          },
          flush(done) {
            if (head) decide();
            done(size > limit ? tooLarge(fileField(field, index, single), name, limit) : null);
          },
        });
        try {
          await pipeline(file.stream, meter, createWriteStream(target));
        } catch (error) {
          await rm(target, { force: true });
          throw error;
        }
        return { path: target, size, sha256: hash.digest('hex'), kind };
      })().then(
        (info) => callback(null, info),
        (error: unknown) => callback(error as Error),
      );
    },
    _removeFile(_req, file, callback) {
      rm(file.path, { force: true }).then(
        () => callback(null),
        (error: unknown) => callback(error as Error),
      );
    },
  };
}

function tooLarge(field: string, name: string, limit: number): AppError {
  const fields: FieldProblems = { [field]: { code: 'file_too_large', params: { name, limit: formatBytes(limit) } } };
  return new AppError('PAYLOAD_TOO_LARGE', { limit: formatBytes(limit) }, fields);
}

function asAppError(error: unknown, context: { field: string; maxFiles: number; largest: number }): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_COUNT':
        return new AppError(
          'TOO_MANY_FILES',
          { maximum: context.maxFiles },
          { [context.field]: { code: 'too_many_files', params: { maximum: context.maxFiles } } },
        );
      case 'LIMIT_FILE_SIZE':
        return new AppError('PAYLOAD_TOO_LARGE', { limit: formatBytes(context.largest) });
      case 'LIMIT_FIELD_VALUE':
        return new AppError(
          'PAYLOAD_TOO_LARGE',
          { limit: '64 KB' },
          error.field ? { [error.field]: { code: 'too_long', params: { maximum: 64 * 1024 } } } : undefined,
        );
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError('VALIDATION_FAILED', {}, { [error.field ?? '_']: { code: 'unknown_field' } });
      default:
        return new AppError('VALIDATION_FAILED', {}, { _: { code: 'invalid_multipart' } });
    }
  }
  // busboy's own complaints about a malformed body
  if (error instanceof Error && /Unexpected end of form|Malformed|Boundary not found|Multipart/i.test(error.message))
    return new AppError('VALIDATION_FAILED', {}, { _: { code: 'invalid_multipart' } });
  return error;
}

/** A file name as the client sent it, for display only: no folders, no control characters. */
function cleanName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
}
