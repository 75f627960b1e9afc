/**
 * The communes administrators keep (xã, phường): listed with whether each has a boundary, edited,
 * and their boundaries imported at once from a GeoJSON FeatureCollection, all or nothing, every
 * problem named by feature in Vietnamese or English. Only administrators change them; every change
 * is audited. The boundaries used here are tiny squares in the sea east of the province, where no
 * other suite puts a report, and are removed afterwards.
 */
import type { Express } from 'express';
import request from 'supertest';
import { findCommuneOfPoint } from '../activities/find-commune';
import { createApp } from '../api/app';
import { optionalJson } from '../api/services/admin/admin-actor';
import type { Commune } from '../prisma/generated/client';
import { apiDependencies, testConfig } from './support/platform';
import { officialSessions } from './support/official-sessions';
import { square as squareAround } from './support/geo';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);
const [FIRST, SECOND] = ['18754', '18781'];
let originals: Commune[] = [];

/** Squares of 0.005° either side of a point. */
const square = (lat: number, lng: number) => squareAround(lat, lng, 0.005);

const feature = (code: unknown, geometry: unknown, property = 'code') => ({
  type: 'Feature',
  properties: { [property]: code, ten: 'tên xã' },
  geometry,
});

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  originals = await db.commune.findMany({ where: { code: { in: [FIRST, SECOND] } } });
});

afterAll(async () => {
  for (const { code, sortOrder, boundary } of originals)
    await db.commune.update({ where: { code }, data: { sortOrder, boundary: optionalJson(boundary) } });
  await api.close();
});

describe('the communes in the back office', () => {
  it('lists them with whether each has a boundary, for every official; one carries its boundary', async () => {
    const cookie = await as('operator');
    const list = await request(app)
      .get(`/api/admin/communes?sort=${encodeURIComponent('["code","ASC"]')}&range=%5B0%2C99%5D`)
      .set('Cookie', cookie)
      .expect(200);
    expect(list.headers['content-range']).toMatch(/^communes 0-\d+\/69$/);
    expect(list.body).toHaveLength(69);
    const first = list.body.find((c: { code: string }) => c.code === FIRST);
    expect(first).toMatchObject({ id: FIRST, name: 'Sông Trí', kind: 'ward', hasBoundary: expect.any(Boolean) });
    expect(first).not.toHaveProperty('boundary');

    const one = await request(app).get(`/api/admin/communes/${FIRST}`).set('Cookie', cookie).expect(200);
    expect(one.body).toHaveProperty('boundary');
    // Officials who are not administrators read, never write.
    await request(app).put(`/api/admin/communes/${FIRST}`).set('Cookie', cookie).send({ name: 'x' }).expect(403);
    await request(app)
      .post('/api/admin/communes/boundaries')
      .set('Cookie', await as('18073.leader'))
      .send({ geojson: { type: 'FeatureCollection', features: [feature(FIRST, square(18.0, 106.6))] } })
      .expect(403);
    // Nobody without a session, and the large body is not even read.
    await request(app)
      .put(`/api/admin/communes/${FIRST}`)
      .send({ boundary: square(18.0, 106.6) })
      .expect(401);
  });

  it('imports every boundary at once, previews first, and finds a point’s commune from them', async () => {
    const cookie = await as('admin');
    const geojson = {
      type: 'FeatureCollection',
      features: [feature(Number(FIRST), square(18.0, 106.6), 'MA_XA'), feature(SECOND, square(18.0, 106.62), 'MA_XA')],
    };
    const preview = await request(app)
      .post('/api/admin/communes/boundaries')
      .set('Cookie', cookie)
      .send({ geojson, codeProperty: 'MA_XA', dryRun: true })
      .expect(200);
    expect(preview.body).toMatchObject({ dryRun: true, updated: [FIRST, SECOND], unchanged: [] });
    expect(preview.body.stillWithout).not.toContain(FIRST);
    expect(await db.commune.count({ where: { code: FIRST, boundary: { equals: square(18.0, 106.6) } } })).toBe(0);

    const applied = await request(app)
      .post('/api/admin/communes/boundaries')
      .set('Cookie', cookie)
      .send({ geojson, codeProperty: 'MA_XA' })
      .expect(200);
    expect(applied.body).toMatchObject({ dryRun: false, updated: [FIRST, SECOND] });
    const again = await request(app)
      .post('/api/admin/communes/boundaries')
      .set('Cookie', cookie)
      .send({ geojson, codeProperty: 'MA_XA' })
      .expect(200);
    expect(again.body).toMatchObject({ updated: [], unchanged: [FIRST, SECOND] });

    // A report's point now finds its commune (what intake and routing ask).
    expect(await findCommuneOfPoint(db, 18.0, 106.6, { ttlMs: 0 })).toBe(FIRST);
    expect(await findCommuneOfPoint(db, 18.001, 106.621, { ttlMs: 0 })).toBe(SECOND);
    expect(await findCommuneOfPoint(db, 18.0, 106.61, { ttlMs: 0 })).toBeNull();

    const stored = await db.commune.findUniqueOrThrow({ where: { code: SECOND } });
    expect(stored.boundary).toEqual(square(18.0, 106.62));
    const audit = await db.auditLog.findFirst({
      where: { action: 'config.import', subjectType: 'Commune' },
      orderBy: { at: 'desc' },
    });
    expect(audit?.details).toMatchObject({ updated: [FIRST, SECOND] });

    const listed = await request(app)
      .get(`/api/admin/communes?filter=${encodeURIComponent(JSON.stringify({ hasBoundary: true }))}`)
      .set('Cookie', cookie)
      .expect(200);
    expect(listed.body.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining([FIRST, SECOND]));
  });

  it('refuses a file with any problem as a whole, naming each feature, in Vietnamese or English', async () => {
    const cookie = await as('admin');
    const before = await db.commune.findUniqueOrThrow({ where: { code: FIRST } });
    const geojson = {
      type: 'FeatureCollection',
      features: [
        feature(FIRST, square(18.1, 106.6)),
        feature('99999', square(18.1, 106.62)),
        feature(FIRST, square(18.1, 106.64)),
        { type: 'Feature', properties: {}, geometry: square(18.1, 106.66) },
        feature(SECOND, {
          type: 'Polygon',
          coordinates: [
            [
              [106.6, 18.1],
              [106.61, 18.1],
              [106.6, 18.1],
            ],
          ],
        }),
        'not a feature',
      ],
    };
    const vi = await request(app)
      .post('/api/admin/communes/boundaries')
      .set('Cookie', cookie)
      .send({ geojson })
      .expect(422);
    expect(vi.body.error.code).toBe('VALIDATION_FAILED');
    const fields = vi.body.error.fields;
    expect(Object.keys(fields).sort()).toEqual(
      [
        'geojson.features.1',
        'geojson.features.2',
        'geojson.features.3',
        'geojson.features.4',
        'geojson.features.5',
      ].sort(),
    );
    expect(fields['geojson.features.1'].code).toBe('unknown_commune');
    expect(fields['geojson.features.2']).toMatchObject({ code: 'duplicate_commune' });
    expect(fields['geojson.features.2'].message).toBe(`Mã xã/phường ${FIRST} xuất hiện nhiều lần trong tệp.`);
    expect(fields['geojson.features.3'].code).toBe('feature_without_code');
    expect(fields['geojson.features.4'].code).toBe('invalid_boundary');
    expect(fields['geojson.features.5'].code).toBe('not_a_feature');
    const en = await request(app)
      .post('/api/admin/communes/boundaries')
      .set('Cookie', cookie)
      .set('Accept-Language', 'en')
      .send({ geojson })
      .expect(422);
    expect(en.body.error.fields['geojson.features.3'].message).toBe(
      'The commune code is missing from the "code" property.',
    );
    // Nothing was written, not even the one good feature.
    expect((await db.commune.findUniqueOrThrow({ where: { code: FIRST } })).boundary).toEqual(before.boundary);
    // Not a FeatureCollection at all.
    await request(app)
      .post('/api/admin/communes/boundaries')
      .set('Cookie', cookie)
      .send({ geojson: square(18.1, 106.6) })
      .expect(422);
  });

  it('edits one commune, its boundary checked and its code kept, and audits the change', async () => {
    const cookie = await as('admin');
    const bad = await request(app)
      .put(`/api/admin/communes/${SECOND}`)
      .set('Cookie', cookie)
      .send({ boundary: { type: 'Point', coordinates: [106.6, 18.0] } })
      .expect(422);
    expect(bad.body.error.fields.boundary.code).toBe('invalid_boundary');
    await request(app).put(`/api/admin/communes/${SECOND}`).set('Cookie', cookie).send({ code: '1' }).expect(422);

    // A detailed boundary is larger than the 64 KB every other JSON body is held to.
    const ring: [number, number][] = [];
    for (let i = 0; i < 4_000; i++) {
      const angle = (2 * Math.PI * i) / 4_000;
      // Seven decimals (about 1 cm), as surveyed boundaries come.
      const round = (n: number) => Math.round(n * 1e7) / 1e7;
      ring.push([round(106.62 + 0.004 * Math.cos(angle)), round(18.0 + 0.004 * Math.sin(angle))]);
    }
    ring.push(ring[0]!);
    const detailed = { type: 'Polygon', coordinates: [ring] };
    expect(JSON.stringify(detailed).length).toBeGreaterThan(64 * 1024);
    const saved = await request(app)
      .put(`/api/admin/communes/${SECOND}`)
      .set('Cookie', cookie)
      .send({ boundary: detailed, sortOrder: 7 })
      .expect(200);
    expect(saved.body).toMatchObject({ code: SECOND, sortOrder: 7, hasBoundary: true });
    expect((await db.commune.findUniqueOrThrow({ where: { code: SECOND } })).boundary).toEqual(detailed);
    const audit = await db.auditLog.findFirst({
      where: { action: 'config.update', subjectType: 'Commune', subjectId: SECOND },
      orderBy: { at: 'desc' },
    });
    expect(audit?.details).toMatchObject({ fields: expect.arrayContaining(['boundary', 'sortOrder']) });
    // The same boundary again (jsonb keeps its keys in another order) is no change and no audit entry.
    const audited = () => db.auditLog.count({ where: { subjectType: 'Commune', subjectId: SECOND } });
    const entries = await audited();
    await request(app)
      .put(`/api/admin/communes/${SECOND}`)
      .set('Cookie', cookie)
      .send({ boundary: detailed })
      .expect(200);
    expect(await audited()).toBe(entries);

    const cleared = await request(app)
      .put(`/api/admin/communes/${SECOND}`)
      .set('Cookie', cookie)
      .send({ boundary: null })
      .expect(200);
    expect(cleared.body.hasBoundary).toBe(false);
  });
});
