/**
 * What an administrator is told to complete, dated by the province's clock: this year's working
 * calendar (an error when missing), next year's from October on (a warning), holidays still marked
 * unconfirmed (seeded from the Labour Code), and communes without a boundary. Only those who can
 * edit the calendars are told.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { findConfigurationWarnings } from '../api/services/admin/find-configuration-warnings';
import { defineAbilityFor } from '../domain/abilities';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);
const admin = {
  userId: randomUUID(),
  ability: defineAbilityFor({
    kind: 'official',
    userId: randomUUID(),
    memberships: [{ unitId: randomUUID(), unitKind: 'ioc', role: 'admin' }],
  }),
};
const at = (iso: string) => findConfigurationWarnings(db, admin, new Date(iso));
const codes = (warnings: { code: string; year?: number }[]) => warnings.map((w) => `${w.code}${w.year ?? ''}`);

beforeAll(() => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
});
afterAll(() => api.close());

describe('configuration warnings', () => {
  it('in mid-2026: the seeded calendar’s unconfirmed holiday and the communes without a boundary', async () => {
    const warnings = await at('2026-06-15T03:00:00Z');
    expect(codes(warnings)).toEqual(['holidays_unconfirmed2026', 'communes_without_boundary']);
    expect(warnings[0]).toMatchObject({ severity: 'warning', dates: ['2026-09-01'] });
    expect(warnings[1]).toMatchObject({ severity: 'info', total: 69, count: expect.any(Number) });
  });

  it('from 1 October in Hà Tĩnh (still 30 September in UTC), next year’s calendar is looked at too', async () => {
    expect(codes(await at('2026-09-30T16:00:00Z'))).not.toContain('holidays_unconfirmed2027');
    const october = await at('2026-09-30T17:30:00Z'); // 00:30 on 1 October, UTC+7
    expect(codes(october)).toContain('holidays_unconfirmed2027');
    expect(october.find((w) => w.code === 'holidays_unconfirmed' && w.year === 2027)).toMatchObject({
      dates: expect.arrayContaining(['2027-01-01', '2027-04-30', '2027-05-01', '2027-09-02']),
    });
  });

  it('a missing calendar: a warning for next year in the autumn, an error once the year has begun', async () => {
    const autumn = await at('2027-10-15T03:00:00Z');
    expect(autumn.find((w) => w.code === 'calendar_missing')).toEqual({
      code: 'calendar_missing',
      severity: 'warning',
      year: 2028,
    });
    const january = await at('2028-01-05T03:00:00Z');
    expect(january.find((w) => w.code === 'calendar_missing')).toEqual({
      code: 'calendar_missing',
      severity: 'error',
      year: 2028,
    });
  });

  it('answers administrators only', async () => {
    const answer = await request(app)
      .get('/api/admin/configuration-warnings')
      .set('Cookie', await as('admin'))
      .expect(200);
    expect(answer.body.map((w: { code: string }) => w.code)).toContain('communes_without_boundary');
    for (const username of ['operator', 'supervisor', '18073.leader'])
      await request(app)
        .get('/api/admin/configuration-warnings')
        .set('Cookie', await as(username))
        .expect(403);
    await request(app).get('/api/admin/configuration-warnings').expect(401);
  });
});
