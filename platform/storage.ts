/**
 * Where media bytes live: one interface, two implementations. A local directory by default
 * (platform/storage-local.ts); S3-compatible object storage when S3_BUCKET is set
 * (platform/storage-s3.ts), which is what production runs on (docs/design.md principle 7: API and
 * workers stay stateless). Keys are chosen by the platform, never by a client.
 */
import type { Readable } from 'node:stream';
import type { Config } from './config';
import { createLocalStorage } from './storage-local';
import { createS3Storage } from './storage-s3';

/** Inclusive byte range, as HTTP's Range header counts. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  body: Readable;
  /** Size of the whole object (not of the range). */
  size: number;
  contentType: string;
}

export interface MediaStorage {
  put(key: string, body: Buffer | Readable, contentType: string, size?: number): Promise<void>;
  /** The object (or the range of it); throws StorageNotFoundError when it does not exist. */
  get(key: string, range?: ByteRange): Promise<StoredObject>;
  /** Size and type, or null when the object does not exist. */
  stat(key: string): Promise<{ size: number; contentType: string } | null>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
    this.name = 'StorageNotFoundError';
  }
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Keys are relative paths of plain segments: no '..', no leading '/', no empty segment. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment.includes('..'))) {
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  }
}

export function createMediaStorage(
  config: Pick<
    Config,
    | 'MEDIA_DIR'
    | 'S3_BUCKET'
    | 'S3_ENDPOINT'
    | 'S3_REGION'
    | 'S3_ACCESS_KEY_ID'
    | 'S3_SECRET_ACCESS_KEY'
    | 'S3_FORCE_PATH_STYLE'
  >,
): MediaStorage {
  if (config.S3_BUCKET) {
    return createS3Storage({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return createLocalStorage(config.MEDIA_DIR);
}

/** The content type a key's extension stands for (keys end in the extension the platform chose). */
export function contentTypeOfKey(key: string): string {
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  pdf: 'application/pdf',
};
