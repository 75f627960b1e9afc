/**
 * What everyone may read: the feed of published reports (GET /api/v1/reports) with its filters
 * and pages, and the announcements in force (GET /api/v1/announcements).
 * Cases here are in Sông Trí (18754), where no other suite reports, so totals are exact.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { CitizenCases, REPLY, type CitizenCase } from './support/citizen-cases';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
const cases = new CitizenCases(api.deps, config);
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;

const COMMUNE = '18754';
const REPORTER = { name: 'Lê Văn Riêng', phone: '0905 111 222', email: 'rieng@example.vn' };
const at = (lat: number, lng: number) => ({ lat, lng, address: 'Sông Trí, Hà Tĩnh', communeCode: COMMUNE });

let started: Date;
/** Published in this order: west, east, lamp (newest). */
let west: CitizenCase;
let east: CitizenCase;
let lamp: CitizenCase;
let unpublished: CitizenCase;

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp(api.deps);
  started = new Date();
  west = await cases.report({ location: at(18.05, 106.3), reporter: REPORTER });
  east = await cases.report({ location: at(18.06, 106.4), reporter: REPORTER });
  lamp = await cases.report({
    categoryCode: 'chieu-sang',
    description: 'Đèn đường hỏng cả dãy, buổi tối rất tối',
    location: at(18.07, 106.35),
    reporter: REPORTER,
  });
  unpublished = await cases.report({ location: at(18.05, 106.3), reporter: REPORTER });
  await cases.addMedia(west, 'report');
  await cases.addMedia(west, 'info');
  for (const c of [west, east, lamp]) await cases.publish(c, COMMUNE);
  await request(app)
    .post(`/api/v1/reports/${east.trackingCode}/rating`)
    .set('X-Citizen-Token', east.token)
    .send({ score: 4, comment: 'Tốt' })
    .expect(200);
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

const feed = (query: string, language = 'vi') =>
  request(app)
    .get(`/api/v1/reports?communeCode=${COMMUNE}${query && `&${query}`}`)
    .set('Accept-Language', language);
const codes = (body: { items: { trackingCode: string }[] }) => body.items.map((i) => i.trackingCode);

describe('the public feed', () => {
  it('lists published cases only, newest publication first, with the page and the total', async () => {
    const page = await feed('').expect(200);
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    expect(page.body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(codes(page.body)).toEqual([lamp.trackingCode, east.trackingCode, west.trackingCode]);
    expect(codes(page.body)).not.toContain(unpublished.trackingCode);
    const item = page.body.items.find((i: { trackingCode: string }) => i.trackingCode === west.trackingCode);
    expect(item).toMatchObject({
      status: 'responded',
      statusLabel: 'Đã trả lời',
      category: { code: 'moi-truong', name: 'Môi trường' },
      unit: { code: COMMUNE },
      description: expect.any(String),
      location: { lat: 18.05, lng: 106.3, commune: { code: COMMUNE, name: 'Sông Trí' } },
      publishedAt: expect.any(String),
      reply: { text: REPLY, publishedAt: expect.any(String) },
      rating: null,
      viewCount: 0,
    });
    // The report's photo and the proof; never the reporter's answer file.
    expect(item.media.map((m: { purpose: string }) => m.purpose)).toEqual(['report', 'proof']);
    const rated = page.body.items.find((i: { trackingCode: string }) => i.trackingCode === east.trackingCode);
    expect(rated).toMatchObject({ status: 'closed', rating: { score: 4 } });
    expect(rated.rating).not.toHaveProperty('comment');
  });

  it('never carries the reporter’s personal data', async () => {
    const page = await feed('pageSize=100').expect(200);
    const json = JSON.stringify(page.body);
    for (const value of [REPORTER.name, '0905', REPORTER.email, '"reporter"', 'Tốt']) expect(json).not.toContain(value);
    for (const c of [west, east, lamp]) {
      const view = await request(app).get(`/api/v1/reports/${c.trackingCode}`).expect(200);
      expect(JSON.stringify(view.body)).not.toContain(REPORTER.name);
      expect(JSON.stringify(view.body)).not.toContain('0905');
    }
  });

  it('pages through the list', async () => {
    const first = await feed('pageSize=2').expect(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(codes(first.body)).toEqual([lamp.trackingCode, east.trackingCode]);
    const second = await feed('pageSize=2&page=2').expect(200);
    expect(codes(second.body)).toEqual([west.trackingCode]);
    const beyond = await feed('pageSize=2&page=3').expect(200);
    expect(beyond.body).toMatchObject({ items: [], page: 3, total: 3 });
  });

  it('filters by category, commune, status, period and map box', async () => {
    expect(codes((await feed('categoryCode=chieu-sang').expect(200)).body)).toEqual([lamp.trackingCode]);
    expect(codes((await feed('categoryCode=chieu-sang,moi-truong&status=closed').expect(200)).body)).toEqual([
      east.trackingCode,
    ]);
    expect((await feed('status=responded&status=closed').expect(200)).body.total).toBe(3);
    expect((await feed('status=verifying').expect(200)).body.total).toBe(0);
    const elsewhere = await request(app).get('/api/v1/reports?communeCode=18781').expect(200);
    expect(codes(elsewhere.body)).not.toContain(west.trackingCode);

    // bbox=minLng,minLat,maxLng,maxLat: the west and lamp points, not the east one.
    expect(codes((await feed('bbox=106.25,18.0,106.36,18.1').expect(200)).body)).toEqual([
      lamp.trackingCode,
      west.trackingCode,
    ]);
    expect((await feed('bbox=105,17,105.5,17.5').expect(200)).body.total).toBe(0);

    const from = encodeURIComponent(started.toISOString());
    expect((await feed(`from=${from}`).expect(200)).body.total).toBe(3);
    const later = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect((await feed(`from=${later}`).expect(200)).body.total).toBe(0);
    const before = encodeURIComponent(new Date(started.getTime() - 60_000).toISOString());
    expect((await feed(`to=${before}`).expect(200)).body.total).toBe(0);
    // Whole days in Vietnam's time.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect((await feed(`from=${today}&to=${today}`).expect(200)).body.total).toBe(3);
  });

  it('explains bad parameters field by field, in Vietnamese or English', async () => {
    const vi = await feed('pageSize=101&page=0&bbox=1,2,3&status=open').expect(422);
    expect(vi.body.error.fields).toEqual({
      pageSize: { code: 'too_big', message: 'Giá trị không được vượt quá 100.' },
      page: { code: 'too_small', message: 'Giá trị phải từ 1 trở lên.' },
      bbox: {
        code: 'invalid_bbox',
        message: 'Khung bản đồ phải có dạng kinhĐộNhỏ,vĩĐộNhỏ,kinhĐộLớn,vĩĐộLớn (WGS84).',
      },
      'status.0': { code: 'invalid_choice', message: expect.stringContaining('received, verifying') },
    });
    const en = await feed('bbox=106.4,18,106.3,18.1&from=2026-13-01&sort=new', 'en').expect(422);
    expect(en.body.error.fields).toEqual({
      bbox: { code: 'invalid_bbox', message: 'The map box must be minLng,minLat,maxLng,maxLat (WGS84).' },
      from: { code: 'invalid_format', message: 'Wrong format.' },
      sort: { code: 'unknown_field', message: 'Unknown field.' },
    });
    const backwards = await feed('from=2026-05-02&to=2026-05-01', 'en').expect(422);
    expect(backwards.body.error.fields.to).toEqual({
      code: 'from_after_to',
      message: 'The start date must come before the end date.',
    });
  });
});

describe('announcements', () => {
  const marker = randomUUID().slice(0, 8);
  const hour = 3_600_000;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const unit = await db.unit.findUniqueOrThrow({ where: { code: COMMUNE } });
    const now = Date.now();
    const make = async (name: string, data: Record<string, unknown>) => {
      const row = await db.announcement.create({
        data: {
          unitId: unit.id,
          kind: 'notice',
          titleVi: `${marker} ${name}`,
          bodyVi: `Nội dung ${name}`,
          communeCodes: [],
          validFrom: new Date(now - hour),
          publishedAt: new Date(now - hour),
          ...data,
        },
      });
      ids[name] = row.id;
    };
    await make('storm', {
      kind: 'weather',
      severity: 'critical',
      titleEn: `${marker} storm (en)`,
      bodyEn: 'Storm warning',
    });
    // Newer than the others: same severity, so it comes before them.
    await make('local', {
      communeCodes: [COMMUNE],
      validFrom: new Date(now - hour / 2),
      validUntil: new Date(now + hour),
    });
    await make('elsewhere', { communeCodes: ['18073'] });
    await make('draft', { publishedAt: null });
    await make('scheduled', { publishedAt: new Date(now + hour) });
    await make('expired', { validUntil: new Date(now - 60_000) });
    await make('future', { validFrom: new Date(now + hour) });
  });

  const ours = (body: { id: string }[]) => {
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return body.map((a) => names[a.id]).filter(Boolean);
  };

  it('lists those published and in force, the most severe first, with both languages', async () => {
    const all = await request(app).get('/api/v1/announcements').expect(200);
    expect(ours(all.body)).toEqual(['storm', 'local', 'elsewhere']);
    const storm = all.body.find((a: { id: string }) => a.id === ids.storm);
    expect(storm).toMatchObject({
      kind: 'weather',
      severity: 'critical',
      title: `${marker} storm`,
      titleVi: `${marker} storm`,
      titleEn: `${marker} storm (en)`,
      body: 'Nội dung storm',
      bodyEn: 'Storm warning',
      communeCodes: [],
      unit: { code: COMMUNE },
      validUntil: null,
    });
    const en = await request(app).get('/api/v1/announcements').set('Accept-Language', 'en').expect(200);
    const inEnglish = en.body.filter((a: { id: string }) => a.id === ids.storm || a.id === ids.local);
    expect(inEnglish.map((a: { title: string }) => a.title)).toEqual([`${marker} storm (en)`, `${marker} local`]);
  });

  it('filters by commune (province-wide ones match every commune) and by kind', async () => {
    const here = await request(app).get(`/api/v1/announcements?communeCode=${COMMUNE}`).expect(200);
    expect(ours(here.body)).toEqual(['storm', 'local']);
    const weather = await request(app).get('/api/v1/announcements?kind=weather').expect(200);
    expect(ours(weather.body)).toEqual(['storm']);
    const notices = await request(app).get('/api/v1/announcements?kind=notice&communeCode=18073').expect(200);
    expect(ours(notices.body)).toEqual(['elsewhere']);
    const bad = await request(app).get('/api/v1/announcements?kind=rumour').set('Accept-Language', 'en').expect(422);
    expect(bad.body.error.fields['kind.0'].code).toBe('invalid_choice');
  });
});
