/**
 * The S3 media storage against a local S3 imitation (s3rver): what the API relies on of any
 * storage (put from memory or a stream, get whole or a byte range, stat, delete), the bucket made
 * on first use, and the configuration that chooses it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { loadConfig } from '../platform/config';
import { assertStorageKey, createMediaStorage, StorageNotFoundError, type MediaStorage } from '../platform/storage';
import { createS3Storage } from '../platform/storage-s3';

const directory = mkdtempSync(path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), 's3rver-'));
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
let endpoint: string;
let storage: MediaStorage;

beforeAll(async () => {
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts any credentials that are well-formed (S3RVER is its documented default pair).
  storage = createS3Storage({
    bucket: `media-${randomUUID().slice(0, 8)}`,
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  });
});

afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('S3 media storage', () => {
  const key = `cases/${randomUUID()}/${randomUUID()}.jpg`;
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

  it('creates its bucket on first use, then stores and returns an object with its type', async () => {
    await storage.put(key, bytes, 'image/jpeg');
    expect(await storage.stat(key)).toEqual({ size: 1000, contentType: 'image/jpeg' });
    const object = await storage.get(key);
    expect(object.size).toBe(1000);
    expect(object.contentType).toBe('image/jpeg');
    expect(Buffer.concat(await object.body.toArray()).equals(bytes)).toBe(true);
  });

  it('returns a byte range with the size of the whole object', async () => {
    const part = await storage.get(key, { start: 100, end: 199 });
    expect(part.size).toBe(1000);
    expect(Buffer.concat(await part.body.toArray()).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it('stores a stream of known size', async () => {
    const streamed = `cases/${randomUUID()}/clip.mp4`;
    await storage.put(streamed, Readable.from([Buffer.from('hello '), Buffer.from('video')]), 'video/mp4', 11);
    const object = await storage.get(streamed);
    expect(object.contentType).toBe('video/mp4');
    expect(await text(object.body)).toBe('hello video');
  });

  it('deletes, and treats a missing object as missing', async () => {
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('refuses keys that could leave their folder', () => {
    for (const bad of ['../etc/passwd', 'cases/../x', '/abs', 'a//b', 'cases/..', '']) {
      expect(() => assertStorageKey(bad)).toThrow('invalid storage key');
    }
    expect(() => assertStorageKey(`cases/${randomUUID()}/${randomUUID()}.thumb.webp`)).not.toThrow();
  });

  it('is what the configuration chooses when S3_BUCKET is set', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u:p@localhost:5432/db',
      APP_SECRET: 'x'.repeat(32),
      S3_ENDPOINT: endpoint,
      S3_BUCKET: `configured-${randomUUID().slice(0, 8)}`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
    const configured = createMediaStorage(config);
    await configured.put('probe/a.png', Buffer.from('png'), 'image/png');
    expect(await configured.stat('probe/a.png')).toEqual({ size: 3, contentType: 'image/png' });
  });
});
