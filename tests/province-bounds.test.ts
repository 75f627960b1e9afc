/**
 * A point must be in the province (issue 14): Paris, or 0,0 (a phone without a fix), is refused
 * with 422 naming the latitude, on the citizens' API, Open311 (400, its spec) and the back
 * office's "test a location". Refused before Temporal: no worker is needed.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

const OUTSIDE = [
  ['Paris', 48.8566, 2.3522],
  ['0,0', 0, 0],
  ['Thanh Hóa, north of the province', 19.807, 105.776],
] as const;

beforeAll(() => {
  const generous = { limit: 10_000, windowMs: 60_000 };
  app = createApp({ ...api.deps, citizenRateLimits: { reports: generous, citizenActions: generous } });
});
afterAll(async () => {
  await api.close();
});

describe.each(OUTSIDE)('a point in %s', (_place, lat, lng) => {
  it('is refused by the citizens API, in Vietnamese and English', async () => {
    const report = { categoryCode: 'moi-truong', description: 'Rác thải đổ trộm ven đường', location: { lat, lng } };
    const vi = await request(app).post('/api/v1/reports').send(report).expect(422);
    expect(vi.body.error.fields).toEqual({
      'location.lat': {
        code: 'outside_province',
        message: 'Vị trí nằm ngoài địa bàn tỉnh (vĩ độ 17.85–18.9, kinh độ 105.05–106.6).',
      },
    });
    const en = await request(app).post('/api/v1/reports').set('Accept-Language', 'en').send(report).expect(422);
    expect(en.body.error.fields['location.lat'].message).toBe(
      'This point is outside the province (latitude 17.85–18.9, longitude 105.05–106.6).',
    );
  });

  it('is refused by Open311 with 400 naming lat', async () => {
    const response = await request(app)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({
        api_key: 'demo-open311-key',
        service_code: 'moi-truong',
        lat: String(lat),
        long: String(lng),
        description: 'Rác thải đổ trộm ven đường',
      })
      .expect(400);
    expect(response.body).toEqual([{ code: 400, description: expect.stringMatching(/^lat: /) }]);
  });

  it("is refused by the back office's routing test", async () => {
    const response = await request(app)
      .post('/api/admin/routing-rules/test')
      .set('Cookie', await as('admin'))
      .send({ categoryCode: 'moi-truong', lat, lng })
      .expect(422);
    expect(response.body.error.fields.lat.code).toBe('outside_province');
  });
});

it("takes a point at the box's edge in the back office's routing test", async () => {
  await request(app)
    .post('/api/admin/routing-rules/test')
    .set('Cookie', await as('admin'))
    .send({ categoryCode: 'moi-truong', lat: 17.85, lng: 106.6 })
    .expect(200);
});
