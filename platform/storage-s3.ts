/**
 * Media in S3-compatible object storage (AWS S3, MinIO, ...), chosen when S3_BUCKET is set.
 * The bucket is created on first use when it is missing (docker-compose's MinIO starts empty).
 * Checksums are computed only where S3 requires them: the SDK's newer default (a trailing
 * CRC on every upload) is refused by several S3-compatible servers.
 */
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { assertStorageKey, StorageNotFoundError, type MediaStorage, type StoredObject } from './storage';

export interface S3StorageOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
}

export function createS3Storage(options: S3StorageOptions): MediaStorage & { client: S3Client } {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    forcePathStyle: options.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  let bucketReady: Promise<void> | undefined;

  function ensureBucket(): Promise<void> {
    bucketReady ??= (async () => {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        if (!isMissing(error)) throw error;
        try {
          await client.send(new CreateBucketCommand({ Bucket }));
        } catch (creating) {
          // Another replica created it in the meantime.
          if (!(
            creating instanceof S3ServiceException && /BucketAlreadyOwnedByYou|BucketAlreadyExists/.test(creating.name)
          ))
            throw creating;
        }
      }
    })().catch((error: unknown) => {
      bucketReady = undefined;
      throw error;
    });
    return bucketReady;
  }

  return {
    client,

    async put(key, body, contentType, size) {
      assertStorageKey(key);
      await ensureBucket();
      const length = Buffer.isBuffer(body) ? body.length : size;
      if (length === undefined) throw new Error('a streamed upload needs its size');
      await client.send(
        new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ContentLength: length }),
      );
    },

    async get(key, range): Promise<StoredObject> {
      assertStorageKey(key);
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        const size = totalSize(answer.ContentRange) ?? answer.ContentLength ?? 0;
        return {
          body: answer.Body as Readable,
          size,
          contentType: answer.ContentType ?? 'application/octet-stream',
        };
      } catch (error) {
        if (isMissing(error)) throw new StorageNotFoundError(key);
        throw error;
      }
    },

    async stat(key) {
      assertStorageKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? 'application/octet-stream' };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}

/** "bytes 0-99/1234" → 1234 */
function totalSize(contentRange: string | undefined): number | undefined {
  const match = contentRange && /\/(\d+)$/.exec(contentRange);
  return match ? Number(match[1]) : undefined;
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.$metadata.httpStatusCode === 404 || /NoSuchKey|NotFound|NoSuchBucket/.test(error.name);
}
