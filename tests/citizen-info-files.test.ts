/**
 * The reporter's files for an answer (POST /api/v1/reports/{trackingCode}/media): only with the
 * case's token, only while information is awaited, checked by content, stored once per
 * Idempotency-Key, and then named in the answer; refusals explained in Vietnamese and English.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { CitizenCases, type CitizenCase } from './support/citizen-cases';
import { eventually } from './support/eventually';
import { filesIn, jpegWithGps } from './support/media';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const workDir = path.join(process.env.TEST_WORK_DIR ?? '/tmp', `info-files-${randomUUID()}`);
const mediaDir = path.join(workDir, 'media');
const uploadDir = path.join(workDir, 'uploads');
mkdirSync(uploadDir, { recursive: true });
const MAX_FILES = 3;
const config = testConfig({ MEDIA_DIR: mediaDir, MEDIA_UPLOAD_DIR: uploadDir, MEDIA_MAX_FILES: String(MAX_FILES) });
const api = apiDependencies(config);
const db = api.deps.db;
const cases = new CitizenCases(api.deps, config);
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
let photo: Buffer;

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp(api.deps);
  photo = await jpegWithGps(640, 480);
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

const upload = (c: Pick<CitizenCase, 'trackingCode'>, token?: string, key?: string) => {
  const req = request(app).post(`/api/v1/reports/${c.trackingCode}/media`);
  if (token) void req.set('X-Citizen-Token', token);
  if (key) void req.set('Idempotency-Key', key);
  return req;
};
const infoFilesOf = (c: CitizenCase) => db.media.findMany({ where: { caseId: c.id, purpose: 'info' } });

async function asked(): Promise<CitizenCase> {
  const c = await cases.report();
  await cases.requestInfo(c);
  return c;
}

describe('who may attach a file, and when', () => {
  it('needs the case’s own token: 401 without one, 403 with another case’s, 404 for an unknown code', async () => {
    const c = await asked();
    const other = await cases.report();
    const missing = await upload(c).attach('file', photo, 'anh.jpg').expect(401);
    expect(missing.body.error.code).toBe('CITIZEN_TOKEN_REQUIRED');
    expect(missing.body.error.message).toBe(
      'Cần mã bí mật của người phản ánh (header X-Citizen-Token) hoặc đăng nhập bằng số điện thoại đã gửi phản ánh để thực hiện thao tác này.',
    );
    const wrong = await upload(c, other.token).set('Accept-Language', 'en').attach('file', photo, 'anh.jpg');
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('CITIZEN_TOKEN_INVALID');
    await upload({ trackingCode: 'HT-2601-ZZZZ' }, c.token).attach('file', photo, 'anh.jpg').expect(404);
    expect(await infoFilesOf(c)).toEqual([]);
  });

  it('is refused with 409 when no information is awaited, in Vietnamese or English', async () => {
    const c = await cases.report();
    const vi = await upload(c, c.token).attach('file', photo, 'anh.jpg').expect(409);
    expect(vi.body.error).toEqual({
      code: 'NOT_ALLOWED_NOW',
      message: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.',
    });
    const en = await upload(c, c.token).set('Accept-Language', 'en').attach('file', photo, 'anh.jpg').expect(409);
    expect(en.body.error.message).toBe('This cannot be done in the current state of the report.');
    expect(await infoFilesOf(c)).toEqual([]);
  });

  it('explains a missing file, a file that is not a photo or video, and one too many', async () => {
    const c = await asked();
    const none = await upload(c, c.token).field('note', 'x').expect(422);
    expect(none.body.error.fields).toEqual({ file: { code: 'file_required', message: 'Cần đính kèm một tệp.' } });
    const text = await upload(c, c.token)
      .set('Accept-Language', 'en')
      .attach('file', Buffer.from('không phải ảnh '.repeat(20)), 'ghi-chu.txt')
      .expect(415);
    expect(text.body.error.fields).toEqual({
      file: {
        code: 'unsupported_media',
        message: '"ghi-chu.txt" is not an accepted photo (JPEG, PNG, WebP, HEIC) or video (MP4, MOV).',
      },
    });
    const textVi = await upload(c, c.token)
      .attach('file', Buffer.from('x'.repeat(100)), 'ghi-chu.txt')
      .expect(415);
    expect(textVi.body.error.fields.file.message).toBe(
      'Tệp "ghi-chu.txt" không phải ảnh (JPEG, PNG, WebP, HEIC) hoặc video (MP4, MOV) được chấp nhận.',
    );
    for (let i = 0; i < MAX_FILES; i++) await cases.addMedia(c, 'info');
    const tooMany = await upload(c, c.token).attach('file', photo, 'anh.jpg').expect(413);
    expect(tooMany.body.error).toMatchObject({ code: 'TOO_MANY_FILES', message: 'Gửi quá nhiều tệp (tối đa 3 tệp).' });
    const tooManyEn = await upload(c, c.token).set('Accept-Language', 'en').attach('file', photo, 'anh.jpg');
    expect(tooManyEn.body.error.fields.file).toEqual({ code: 'too_many_files', message: 'At most 3 files.' });
    expect(await infoFilesOf(c)).toHaveLength(MAX_FILES);
    // Nothing of the refused uploads stays on the disk.
    expect(filesIn(path.join(mediaDir, 'cases', c.id))).toEqual([]);
    await eventually(async () => expect(filesIn(uploadDir)).toEqual([]));
  });
});

describe('a file for the answer', () => {
  it('is stored once per Idempotency-Key, shown only to the reporter, and named in the answer', async () => {
    const c = await asked();
    const key = `info-file-${randomUUID()}`;
    const first = await upload(c, c.token, key).attach('file', photo, 'hien-truong.jpg').expect(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      url: `/api/v1/media/${first.body.id}`,
      thumbnailUrl: `/api/v1/media/${first.body.id}/thumbnail`,
    });
    expect(first.headers['cache-control']).toBe('no-store');
    // A phone that lost the answer sends it again: the same file, not a second one.
    const retry = await upload(c, c.token, key).attach('file', photo, 'hien-truong.jpg').expect(200);
    expect(retry.body).toEqual(first.body);
    const rows = await infoFilesOf(c);
    expect(rows).toEqual([expect.objectContaining({ id: first.body.id, kind: 'photo', contentType: 'image/jpeg' })]);
    expect(await db.auditLog.count({ where: { action: 'info_file_attached', subjectId: first.body.id } })).toBe(1);

    await request(app).get(first.body.url).set('X-Citizen-Token', c.token).expect(200).expect('Content-Type', /jpeg/);
    await request(app).get(first.body.url).expect(404);

    const answered = await request(app)
      .post(`/api/v1/reports/${c.trackingCode}/info`)
      .set('X-Citizen-Token', c.token)
      .send({ answer: 'Trước số nhà 12 ngõ 5, ảnh đính kèm', mediaIds: [first.body.id] })
      .expect(200);
    expect(answered.body.status).toBe('verifying');
    expect(answered.body.media).toEqual([expect.objectContaining({ id: first.body.id, purpose: 'info' })]);
    // Answered: no more files for it.
    await upload(c, c.token).attach('file', photo, 'muon.jpg').expect(409);
    // The first key still answers with its file (its outcome is kept, like an Update's).
    await upload(c, c.token, key).attach('file', photo, 'hien-truong.jpg').expect(200);
    expect(await infoFilesOf(c)).toHaveLength(1);
  });
});
