/**
 * Reports with photos and videos, for real: multipart HTTP → checks and re-encoding (sharp) →
 * media storage (a local folder here) → Temporal → worker → the case and its Media rows in one
 * transaction; then the files served to whoever may see them, and officials' proof uploads.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Express } from 'express';
import sharp from 'sharp';
import request from 'supertest';
import { createApp } from '../api/app';
import { caseIdForKey } from '../api/services/create-report';
import { CaseDriver } from './support/case-driver';
import { eventually } from './support/eventually';
import { filesIn, jpegWithGps, minimalVideo } from './support/media';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { officialSessions } from './support/official-sessions';

const workDir = path.join(process.env.TEST_WORK_DIR ?? '/tmp', `media-intake-${randomUUID()}`);
const mediaDir = path.join(workDir, 'media');
const uploadDir = path.join(workDir, 'uploads');
mkdirSync(uploadDir, { recursive: true });
const config = testConfig({ MEDIA_DIR: mediaDir, MEDIA_UPLOAD_DIR: uploadDir });
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;

const report = {
  categoryCode: 'moi-truong',
  description: 'Rác thải đổ trộm ven đường gần chợ Thành Sen',
  location: { lat: 18.3428, lng: 105.9057, address: 'Đường Hà Huy Tập', communeCode: '18073' },
  reporter: { name: 'Nguyễn Văn A', phone: '0912 345 678' },
};

const as = officialSessions(() => app, config.DEMO_PASSWORD);
function postReport(key = `media-${randomUUID()}`) {
  return request(app).post('/api/v1/reports').set('Idempotency-Key', key).field('report', JSON.stringify(report));
}

/** Nothing of a refused report may remain: no case, no media rows, no stored or uploaded file. */
async function expectNothingStored(key: string, mediaBefore: number) {
  expect(await db.case.count({ where: { id: caseIdForKey(key) } })).toBe(0);
  expect(await db.media.count()).toBe(mediaBefore);
  expect(filesIn(mediaDir).filter((f) => f.includes(caseIdForKey(key)))).toEqual([]);
  expect(filesIn(path.join(mediaDir, '.incoming'))).toEqual([]);
  // The upload folder is removed when the response is done.
  await eventually(async () => expect(filesIn(uploadDir)).toEqual([]));
}

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp({
    ...api.deps,
    loginRateLimit: { limit: 10_000, windowMs: 60_000 },
    citizenRateLimits: { reports: { limit: 10_000, windowMs: 60_000 } },
  });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await api.close();
});

describe('a report with photos and videos', () => {
  it('stores a photo without its EXIF (GPS included), with a thumbnail, in the case transaction', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined(); // the test photo does carry EXIF
    const answer = await postReport()
      .attach('media', original, { filename: 'IMG_0001.jpg', contentType: 'image/jpeg' })
      .expect(201);

    // Recorded with the case, before the receipt: the rows are there as soon as the answer is.
    const [media] = await db.media.findMany({ where: { caseId: answer.body.id } });
    expect(media).toMatchObject({
      purpose: 'report',
      kind: 'photo',
      contentType: 'image/jpeg',
      width: 1200,
      height: 900,
      originalName: 'IMG_0001.jpg',
      uploadedById: null,
    });
    expect(media!.storageKey).toBe(`cases/${answer.body.id}/${media!.id}.jpg`);
    const stored = readFileSync(path.join(mediaDir, media!.storageKey));
    expect(stored.length).toBe(media!.size);
    const metadata = await sharp(stored).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    expect(stored.includes(Buffer.from('TestCam'))).toBe(false);
    const thumbnail = await sharp(readFileSync(path.join(mediaDir, media!.thumbnailKey!))).metadata();
    expect(thumbnail).toMatchObject({ format: 'webp', width: 400, height: 300 });
    expect(thumbnail.exif).toBeUndefined();
  });

  it('turns an iPhone HEIC photo into a JPEG others can show, without its EXIF', async () => {
    const heic = readFileSync(path.join(__dirname, 'fixtures', 'media', 'iphone-like.heic'));
    expect(heic.includes(Buffer.from('TestPhone'))).toBe(true);
    const answer = await postReport()
      .attach('media', heic, { filename: 'IMG_4032.HEIC', contentType: 'image/heic' })
      .expect(201);
    const [media] = await db.media.findMany({ where: { caseId: answer.body.id } });
    expect(media).toMatchObject({ kind: 'photo', contentType: 'image/jpeg', width: 640, height: 480 });
    expect(media!.storageKey).toMatch(/\.jpg$/);
    const stored = readFileSync(path.join(mediaDir, media!.storageKey));
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(metadata.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('TestPhone'))).toBe(false);
    // The picture itself: the yellow square and the red disc on blue.
    const { data, info } = await sharp(stored).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    const near = (actual: number[], expected: number[]) =>
      actual.every((value, i) => Math.abs(value - expected[i]!) < 40);
    expect(near(pixel(200, 200), [230, 200, 40])).toBe(true);
    expect(near(pixel(450, 250), [200, 40, 40])).toBe(true);
    expect(near(pixel(20, 20), [40, 120, 200])).toBe(true);
    expect(await sharp(readFileSync(path.join(mediaDir, media!.thumbnailKey!))).metadata()).toMatchObject({
      format: 'webp',
      width: 400,
      height: 300,
    });
  });

  it('refuses a HEIC photo that is cut short (415), and stores nothing', async () => {
    const heic = readFileSync(path.join(__dirname, 'fixtures', 'media', 'iphone-like.heic'));
    const key = `heic-${randomUUID()}`;
    const before = await db.media.count();
    const answer = await postReport(key)
      .attach('media', heic.subarray(0, Math.floor(heic.length / 2)), { filename: 'IMG_4033.HEIC' })
      .expect(415);
    expect(answer.body.error.fields['media.0'].code).toMatch(/unreadable_image|unsupported_media/);
    await expectNothingStored(key, before);
  });

  it('accepts a short MP4 and a QuickTime movie as videos, checked by their container', async () => {
    const answer = await postReport()
      .attach('media', minimalVideo({ brand: 'isom', durationMs: 4_500 }), 'clip.mp4')
      .attach('media', minimalVideo({ brand: 'qt  ', durationMs: 2_000 }), 'clip.mov')
      .expect(201);
    const media = await db.media.findMany({ where: { caseId: answer.body.id }, orderBy: { contentType: 'asc' } });
    expect(media).toEqual([
      expect.objectContaining({ kind: 'video', contentType: 'video/mp4', durationMs: 4_500, thumbnailKey: null }),
      expect.objectContaining({ kind: 'video', contentType: 'video/quicktime', durationMs: 2_000 }),
    ]);
    // Videos are kept byte for byte.
    expect(readFileSync(path.join(mediaDir, media[0]!.storageKey)).equals(minimalVideo({ durationMs: 4_500 }))).toBe(
      true,
    );
  });

  it('refuses a text file named photo.jpg with 415, by content, and stores nothing', async () => {
    const key = `fake-${randomUUID()}`;
    const before = await db.media.count();
    const answer = await postReport(key)
      .attach('media', await jpegWithGps(), 'real.jpg')
      .attach('media', Buffer.from('not a photo at all, just some text\n'.repeat(20)), {
        filename: 'photo.jpg',
        contentType: 'image/jpeg',
      })
      .expect(415);
    expect(answer.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(answer.body.error.fields).toEqual({
      'media.1': { code: 'unsupported_media', message: expect.stringContaining('"photo.jpg"') },
    });
    await expectNothingStored(key, before);
  });

  it('refuses a video container that does not add up (415)', async () => {
    const key = `broken-video-${randomUUID()}`;
    const truncated = minimalVideo().subarray(0, 60);
    const answer = await postReport(key)
      .attach('media', truncated, 'clip.mp4')
      .set('Accept-Language', 'en')
      .expect(415);
    expect(answer.body.error.fields['media.0'].code).toBe('invalid_video');
    expect(answer.body.error.fields['media.0'].message).toBe(
      'The video "clip.mp4" is damaged or not a valid MP4/MOV file.',
    );
  });

  it('refuses a photo over the limit with 413 while it streams in, and stores nothing', async () => {
    const key = `large-${randomUUID()}`;
    const before = await db.media.count();
    // Random pixels, uncompressed: a real PNG of about 12 MB.
    const pixels = Buffer.alloc(2000 * 2000 * 3);
    for (let i = 0; i < pixels.length; i += 4) pixels.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, i);
    const large = await sharp(pixels, { raw: { width: 2000, height: 2000, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(large.length).toBeGreaterThan(11 * 1024 * 1024);
    const answer = await postReport(key).attach('media', large, 'huge.png').expect(413);
    expect(answer.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Dữ liệu quá lớn (tối đa 10 MB).',
      fields: { 'media.0': { code: 'file_too_large' } },
    });
    await expectNothingStored(key, before);
  });

  it('refuses one file too many with 413 TOO_MANY_FILES, and stores nothing', async () => {
    const key = `many-${randomUUID()}`;
    const before = await db.media.count();
    const photo = await jpegWithGps(64, 48);
    let call = postReport(key);
    for (let i = 0; i < 11; i += 1) call = call.attach('media', photo, `p${i}.jpg`);
    const answer = await call.set('Accept-Language', 'en').expect(413);
    expect(answer.body.error).toMatchObject({
      code: 'TOO_MANY_FILES',
      message: 'Too many files (at most 10).',
      fields: { media: { code: 'too_many_files' } },
    });
    await expectNothingStored(key, before);
  });

  it('validates the report field like a JSON body', async () => {
    const missing = await request(app)
      .post('/api/v1/reports')
      .attach('media', await jpegWithGps(64, 48), 'a.jpg')
      .expect(422);
    expect(missing.body.error.fields).toEqual({ report: { code: 'required', message: 'Trường này là bắt buộc.' } });
    const invalid = await request(app)
      .post('/api/v1/reports')
      .field('report', JSON.stringify({ ...report, description: 'ngắn' }))
      .expect(422);
    expect(invalid.body.error.fields.description.code).toBe('too_short');
    const garbled = await request(app).post('/api/v1/reports').field('report', '{"oops"').expect(422);
    expect(garbled.body.error.fields.report.code).toBe('invalid_json');
    await eventually(async () => expect(filesIn(uploadDir)).toEqual([]));
  });

  it('returns the same case for the same Idempotency-Key and files, and refuses other files', async () => {
    const key = `same-${randomUUID()}`;
    const photo = await jpegWithGps(320, 240);
    const first = await postReport(key).attach('media', photo, 'a.jpg').expect(201);
    const again = await postReport(key).attach('media', photo, 'a.jpg').expect(201);
    expect(again.body).toEqual(first.body);
    expect(await db.media.count({ where: { caseId: first.body.id } })).toBe(1);
    const other = await postReport(key)
      .attach('media', await jpegWithGps(321, 240), 'b.jpg')
      .expect(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Only the first request's photo and thumbnail are kept.
    expect(filesIn(path.join(mediaDir, 'cases', first.body.id))).toHaveLength(2);
  });
});

describe('serving media', () => {
  let caseId: string;
  let token: string;
  let mediaId: string;
  let stored: Buffer;

  beforeAll(async () => {
    const answer = await postReport()
      .attach('media', await jpegWithGps(800, 600), 'scene.jpg')
      .expect(201);
    caseId = answer.body.id;
    token = answer.body.citizenToken;
    // The workflow goes on projecting after the receipt (the verify task); a test that writes
    // the case's unit itself must come after that, or the projection can overwrite it.
    await CaseDriver.attach(api.deps.temporal, caseId, answer.body.trackingCode).quiet();
    const media = await db.media.findFirstOrThrow({ where: { caseId } });
    mediaId = media.id;
    stored = readFileSync(path.join(mediaDir, media.storageKey));
  });

  it('is not public before the case is published (404), but the reporter sees it', async () => {
    await request(app).get(`/api/v1/media/${mediaId}`).expect(404);
    await request(app).get(`/api/v1/media/${mediaId}`).set('X-Citizen-Token', 'wrong').expect(404);
    await request(app).get(`/api/v1/media/${randomUUID()}`).set('X-Citizen-Token', token).expect(404);
    await request(app).get('/api/v1/media/not-an-id').expect(404);
    const mine = await request(app).get(`/api/v1/media/${mediaId}`).set('X-Citizen-Token', token).expect(200);
    expect(mine.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': String(stored.length),
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      etag: expect.stringMatching(/^"[0-9a-f]{64}"$/),
    });
    expect(mine.headers['cache-control']).toMatch(/^private/);
    expect(Buffer.compare(mine.body as Buffer, stored)).toBe(0);
    const thumbnail = await request(app)
      .get(`/api/v1/media/${mediaId}/thumbnail`)
      .set('X-Citizen-Token', token)
      .expect(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    await request(app)
      .get(`/api/v1/media/${mediaId}`)
      .set('X-Citizen-Token', token)
      .set('If-None-Match', mine.headers.etag!)
      .expect(304);
  });

  it('answers byte ranges with 206, and 416 outside the file', async () => {
    const part = await request(app)
      .get(`/api/v1/media/${mediaId}`)
      .set('X-Citizen-Token', token)
      .set('Range', 'bytes=100-199')
      .expect(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${stored.length}`);
    expect(part.headers['content-length']).toBe('100');
    expect(Buffer.compare(part.body as Buffer, stored.subarray(100, 200))).toBe(0);
    const tail = await request(app)
      .get(`/api/v1/media/${mediaId}`)
      .set('X-Citizen-Token', token)
      .set('Range', 'bytes=-10')
      .expect(206);
    expect(Buffer.compare(tail.body as Buffer, stored.subarray(stored.length - 10))).toBe(0);
    const outside = await request(app)
      .get(`/api/v1/media/${mediaId}`)
      .set('X-Citizen-Token', token)
      .set('Range', `bytes=${stored.length + 10}-`)
      .expect(416);
    expect(outside.headers['content-range']).toBe(`bytes */${stored.length}`);
  });

  it("shows it to the case's unit with a session, not to another unit's officials", async () => {
    const units = await db.unit.findMany({ where: { code: { in: ['18073', '18100'] } } });
    await db.case.update({ where: { id: caseId }, data: { unitId: units.find((u) => u.code === '18073')!.id } });
    const seen = await request(app)
      .get(`/api/v1/media/${mediaId}`)
      .set('Cookie', await as('18073.officer'))
      .expect(200);
    expect(seen.headers['cache-control']).toMatch(/^private/);
    await request(app)
      .get(`/api/v1/media/${mediaId}`)
      .set('Cookie', await as('18100.officer'))
      .expect(404);
    await request(app)
      .get(`/api/v1/media/${mediaId}`)
      .set('Cookie', await as('operator'))
      .expect(200);
  });

  it('is public once the case is published, except answers to requests for information', async () => {
    await db.case.update({ where: { id: caseId }, data: { publishedAt: new Date() } });
    const open = await request(app).get(`/api/v1/media/${mediaId}`).expect(200);
    expect(open.headers['cache-control']).toMatch(/^public/);
    await request(app).get(`/api/v1/media/${mediaId}/thumbnail`).expect(200);
    await db.media.update({ where: { id: mediaId }, data: { purpose: 'info' } });
    await request(app).get(`/api/v1/media/${mediaId}`).expect(404);
    await request(app).get(`/api/v1/media/${mediaId}`).set('X-Citizen-Token', token).expect(200);
    await db.media.update({ where: { id: mediaId }, data: { purpose: 'report' } });
  });
});

describe('proof attached by officials', () => {
  let caseId: string;

  beforeAll(async () => {
    const unit = await db.unit.findFirstOrThrow({ where: { code: '18073' } });
    caseId = randomUUID();
    await db.case.create({
      data: {
        id: caseId,
        trackingCode: `TS-${randomUUID().slice(0, 8).toUpperCase()}`,
        requestFingerprint: 'test',
        categoryCode: 'moi-truong',
        description: 'Rác thải tồn đọng nhiều ngày',
        status: 'processing',
        step: 'process',
        receivedAt: new Date(),
        unitId: unit.id,
      },
    });
  });

  it("lets the unit's officer attach a photo (201 { id, url }), and nobody else", async () => {
    const answer = await request(app)
      .post(`/api/admin/cases/${caseId}/media`)
      .set('Cookie', await as('18073.officer'))
      .attach('file', await jpegWithGps(640, 480), 'proof.jpg')
      .expect(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      url: `/api/v1/media/${answer.body.id}`,
      thumbnailUrl: `/api/v1/media/${answer.body.id}/thumbnail`,
    });
    const officer = await db.user.findFirstOrThrow({ where: { username: '18073.officer' } });
    const media = await db.media.findUniqueOrThrow({ where: { id: answer.body.id } });
    expect(media).toMatchObject({ caseId, purpose: 'proof', kind: 'photo', uploadedById: officer.id });
    expect((await sharp(readFileSync(path.join(mediaDir, media.storageKey))).metadata()).exif).toBeUndefined();
    expect(await db.auditLog.count({ where: { action: 'proof_attached', subjectId: media.id } })).toBe(1);
    // Not public while the case is unpublished; the unit sees it.
    await request(app).get(answer.body.url).expect(404);
    await request(app)
      .get(answer.body.url)
      .set('Cookie', await as('18073.officer'))
      .expect(200);

    const before = await db.media.count({ where: { caseId } });
    await request(app)
      .post(`/api/admin/cases/${caseId}/media`)
      .set('Cookie', await as('18100.officer'))
      .attach('file', await jpegWithGps(64, 48), 'proof.jpg')
      .expect(404);
    await request(app)
      .post(`/api/admin/cases/${caseId}/media`)
      .attach('file', await jpegWithGps(64, 48), 'proof.jpg')
      .expect(401);
    const refused = await request(app)
      .post(`/api/admin/cases/${caseId}/media`)
      .set('Cookie', await as('18073.officer'))
      .attach('file', Buffer.from('#!/bin/sh\necho hi\n'), 'proof.png')
      .expect(415);
    expect(refused.body.error.fields.file.code).toBe('unsupported_proof');
    const none = await request(app)
      .post(`/api/admin/cases/${caseId}/media`)
      .set('Cookie', await as('18073.officer'))
      .field('note', 'no file')
      .expect(422);
    expect(none.body.error.fields.file.code).toBe('file_required');
    expect(await db.media.count({ where: { caseId } })).toBe(before);
  });

  it('accepts a PDF document as proof', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const answer = await request(app)
      .post(`/api/admin/cases/${caseId}/media`)
      .set('Cookie', await as('18073.leader'))
      .attach('file', pdf, 'bien-ban.pdf')
      .expect(201);
    expect(answer.body.thumbnailUrl).toBeNull();
    const media = await db.media.findUniqueOrThrow({ where: { id: answer.body.id } });
    expect(media).toMatchObject({ kind: 'document', contentType: 'application/pdf', originalName: 'bien-ban.pdf' });
  });
});

describe('when Temporal cannot be reached', () => {
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('refuses the report with 503 and removes the files it had stored', async () => {
    const down = apiDependencies(
      testConfig({
        TEMPORAL_ADDRESS: `127.0.0.1:${await closedPort()}`,
        MEDIA_DIR: mediaDir,
        MEDIA_UPLOAD_DIR: uploadDir,
      }),
    );
    try {
      const downApp = createApp(down.deps);
      const key = `no-temporal-${randomUUID()}`;
      const before = await db.media.count();
      const answer = await request(downApp)
        .post('/api/v1/reports')
        .set('Idempotency-Key', key)
        .field('report', JSON.stringify(report))
        .attach('media', await jpegWithGps(), 'a.jpg')
        .attach('media', minimalVideo(), 'b.mp4')
        .expect(503);
      expect(answer.body.error.code).toBe('SERVICE_UNAVAILABLE');
      await expectNothingStored(key, before);
      expect(filesIn(path.join(mediaDir, 'cases', caseIdForKey(key)))).toEqual([]);
    } finally {
      await down.close();
    }
  }, 60_000);
});

describe('when no worker takes the report in time', () => {
  // The report's start and its receipt Update go in one request, answered once a worker has taken
  // the Update: with none before the deadline the citizen gets 503, yet the case was started.
  it('answers 503, keeps the files for the case that was started, and records them once a worker comes', async () => {
    const queueWithoutWorker = testConfig({ MEDIA_DIR: mediaDir, MEDIA_UPLOAD_DIR: uploadDir });
    const late = apiDependencies(queueWithoutWorker);
    let lateWorker: Awaited<ReturnType<typeof startWorker>> | undefined;
    try {
      const lateApp = createApp(late.deps);
      const key = `no-worker-${randomUUID()}`;
      const caseId = caseIdForKey(key);
      const photo = await jpegWithGps(320, 240);
      const send = () =>
        request(lateApp)
          .post('/api/v1/reports')
          .set('Idempotency-Key', key)
          .field('report', JSON.stringify(report))
          .attach('media', photo, 'a.jpg');
      const answer = await send().expect(503);
      expect(answer.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(filesIn(path.join(mediaDir, 'cases', caseId))).toHaveLength(2); // the photo and its thumbnail

      lateWorker = await startWorker(queueWithoutWorker, await bundleWorkflows());
      await eventually(async () => expect(await db.media.count({ where: { caseId } })).toBe(1), { timeoutMs: 30_000 });
      const retry = await send().expect(201);
      expect(retry.body.id).toBe(caseId);
      expect(filesIn(path.join(mediaDir, 'cases', caseId))).toHaveLength(2);
    } finally {
      await lateWorker?.stop();
      await late.close();
    }
  }, 120_000);
});
