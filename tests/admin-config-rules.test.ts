/**
 * The rules administrators edit (../shared/API.md resources): each one created, read, changed and
 * deleted by an administrator, refused when it would be unusable, every change audited. Rows
 * are our own (random codes; rules only for our own category), so suites running beside this
 * one route and time their cases exactly as before.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { checkApiKey } from '../api/open311/api-key';
import { apiDependencies, testConfig } from './support/platform';
import { officialSessions } from './support/official-sessions';
import { square as squareAround } from './support/geo';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);
const suffix = randomUUID().slice(0, 8);
const category = `t-cat-${suffix}`;
const units: Record<string, string> = {};
const created = {
  units: [] as string[],
  templates: [] as string[],
  apiKeys: [] as string[],
  notifications: [] as string[],
};

const filter = (value: object) => `filter=${encodeURIComponent(JSON.stringify(value))}`;

/** Squares of 0.01° either side of a point. */
const square = (lat: number, lng: number) => squareAround(lat, lng, 0.01);

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  for (const unit of await db.unit.findMany({ where: { code: { in: ['IOC', '18073', '18100', 'SXD'] } } }))
    units[unit.code] = unit.id;
});
afterAll(async () => {
  await db.routingRule.deleteMany({ where: { categoryCodes: { has: category } } });
  await db.slaPolicy.deleteMany({ where: { categoryCode: category } });
  await db.category.deleteMany({ where: { code: { startsWith: `t-cat-${suffix}` } } });
  await db.unit.deleteMany({ where: { id: { in: created.units } } });
  await db.replyTemplate.deleteMany({ where: { id: { in: created.templates } } });
  await db.apiKey.deleteMany({ where: { id: { in: created.apiKeys } } });
  await db.notification.deleteMany({ where: { id: { in: created.notifications } } });
  await db.workingCalendar.deleteMany({ where: { sources: { has: `test-${suffix}` } } });
  await api.close();
});

describe('configuration in the back office', () => {
  it('categories: the code is the id and cannot change; deleting deactivates; every change is audited', async () => {
    const admin = await as('admin');
    const body = { code: category, nameVi: 'Lĩnh vực thử', nameEn: 'Test field', icon: 'science', group: 'khac' };
    const made = await request(app).post('/api/admin/categories').set('Cookie', admin).send(body).expect(201);
    expect(made.body).toMatchObject({ id: category, code: category, active: true, defaultLevel: 'normal' });
    const again = await request(app).post('/api/admin/categories').set('Cookie', admin).send(body).expect(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_EXISTS', fields: { code: { code: 'taken' } } });

    const listed = await request(app)
      .get(`/api/admin/categories?${filter({ q: suffix })}`)
      .set('Cookie', admin)
      .expect(200);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([category]);
    expect(listed.headers['content-range']).toBe('categories 0-0/1');
    const many = await request(app)
      .get(`/api/admin/categories?${filter({ id: [category, 'moi-truong'] })}`)
      .set('Cookie', admin)
      .expect(200);
    expect(many.body).toHaveLength(2);

    const renamed = await request(app)
      .put(`/api/admin/categories/${category}`)
      .set('Cookie', admin)
      .send({ ...made.body, nameVi: 'Lĩnh vực thử (sửa)' })
      .expect(200);
    expect(renamed.body.nameVi).toBe('Lĩnh vực thử (sửa)');
    const recoded = await request(app)
      .put(`/api/admin/categories/${category}`)
      .set('Cookie', admin)
      .send({ code: 'khac' })
      .expect(422);
    expect(recoded.body.error.fields.code.code).toBe('immutable');
    // The icon is a Material Symbols name the API can show citizens (GET /api/v1/icons/{name}.svg).
    const badIcon = await request(app)
      .put(`/api/admin/categories/${category}`)
      .set('Cookie', admin)
      .send({ ...renamed.body, icon: 'khong_co_bieu_tuong' })
      .expect(422);
    expect(badIcon.body.error.fields.icon).toEqual({
      code: 'unknown_icon',
      message: expect.stringContaining('"khong_co_bieu_tuong"'),
    });
    const madeBadly = await request(app)
      .post('/api/admin/categories')
      .set('Cookie', admin)
      .send({ ...body, code: `${category}-i`, icon: '../../package' })
      .expect(422);
    expect(madeBadly.body.error.fields.icon.code).toBe('unknown_icon');

    const audit = await db.auditLog.findMany({
      where: { subjectType: 'Category', subjectId: category },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['config.create', 'config.update']);
    expect(audit[1]!.details).toEqual({ fields: ['nameVi'] });
    await request(app).get(`/api/admin/categories/no-such-${suffix}`).set('Cookie', admin).expect(404);
  });

  it('units: an administrator creates, edits and deactivates one; a bad boundary is refused', async () => {
    const admin = await as('admin');
    const code = `T${suffix}`.toUpperCase();
    const made = await request(app)
      .post('/api/admin/units')
      .set('Cookie', admin)
      .send({ code, name: 'Công ty thử nghiệm', kind: 'other', communeCodes: ['18073'] })
      .expect(201);
    created.units.push(made.body.id);
    const bad = await request(app)
      .put(`/api/admin/units/${made.body.id}`)
      .set('Cookie', admin)
      .send({
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [105, 18],
              [106, 18],
              [105, 18],
            ],
          ],
        },
      })
      .expect(422);
    expect(bad.body.error.fields.boundary.code).toBe('invalid_boundary');
    await request(app)
      .put(`/api/admin/units/${made.body.id}`)
      .set('Cookie', admin)
      .send({ boundary: square(18.34, 105.9), email: 'thu@example.vn' })
      .expect(200);
    const taken = await request(app)
      .post('/api/admin/units')
      .set('Cookie', admin)
      .send({ code: '18073', name: 'x', kind: 'commune' })
      .expect(409);
    expect(taken.body.error.fields.code.code).toBe('taken');
    const gone = await request(app).delete(`/api/admin/units/${made.body.id}`).set('Cookie', admin).expect(200);
    expect(gone.body.active).toBe(false);
    // Inactive units are the IOC's to see, not a unit's staff.
    await request(app)
      .get(`/api/admin/units/${made.body.id}`)
      .set('Cookie', await as('18073.officer'))
      .expect(404);
    await request(app)
      .get(`/api/admin/units/${made.body.id}`)
      .set('Cookie', await as('operator'))
      .expect(200);
  });

  it('routing rules: the boundary is checked as GeoJSON; the test tool shows where a report would go and why', async () => {
    const admin = await as('admin');
    await request(app)
      .post('/api/admin/categories')
      .set('Cookie', admin)
      .send({ code: `${category}-r`, nameVi: 'R', nameEn: 'R', icon: 'rule', group: 'khac' })
      .expect(201);
    const rule = { name: `Thử ${suffix}`, priority: 5, categoryCodes: [category], unitId: units.SXD };
    const open = await request(app)
      .post('/api/admin/routing-rules')
      .set('Cookie', admin)
      .send({
        ...rule,
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [105.9, 18.3],
              [106, 18.3],
              [106, 18.4],
            ],
          ],
        },
      })
      .expect(422);
    expect(open.body.error.fields.boundary).toMatchObject({ code: 'invalid_boundary' });
    const point = await request(app)
      .post('/api/admin/routing-rules')
      .set('Cookie', admin)
      .send({ ...rule, boundary: { type: 'Point', coordinates: [105.9, 18.3] } })
      .expect(422);
    expect(point.body.error.fields.boundary.code).toBe('invalid_boundary');
    const unknownUnit = await request(app)
      .post('/api/admin/routing-rules')
      .set('Cookie', admin)
      .send({ ...rule, unitId: randomUUID() })
      .expect(422);
    expect(unknownUnit.body.error.fields.unitId.code).toBe('unknown_unit');

    const made = await request(app)
      .post('/api/admin/routing-rules')
      .set('Cookie', admin)
      .send({ ...rule, boundary: square(18.34, 105.9) })
      .expect(201);
    expect(made.body).toMatchObject({ ...rule, communeCodes: [], keywords: [], active: true });

    const inside = await request(app)
      .post('/api/admin/routing-rules/test')
      .set('Cookie', await as('operator'))
      .send({ categoryCode: category, lat: 18.341, lng: 105.901 })
      .expect(200);
    expect(inside.body).toMatchObject({
      kind: 'automatic',
      unitCode: 'SXD',
      ruleId: made.body.id,
      reasons: [{ code: 'category_matched' }, { code: 'any_commune' }, { code: 'point_in_boundary' }],
    });
    const outside = await request(app)
      .post('/api/admin/routing-rules/test')
      .set('Cookie', admin)
      .send({ categoryCode: category, lat: 18.5, lng: 105.5 })
      .expect(200);
    expect(outside.body).toMatchObject({ kind: 'manual', reason: 'no_match', candidates: [] });

    const edited = await request(app)
      .put(`/api/admin/routing-rules/${made.body.id}`)
      .set('Cookie', admin)
      .send({ ...made.body, boundary: null, priority: 7 })
      .expect(200);
    expect(edited.body).toMatchObject({ boundary: null, priority: 7 });
    await request(app).delete(`/api/admin/routing-rules/${made.body.id}`).set('Cookie', admin).expect(200);
    await request(app).get(`/api/admin/routing-rules/${made.body.id}`).set('Cookie', admin).expect(404);
    expect(await db.auditLog.count({ where: { subjectType: 'RoutingRule', subjectId: made.body.id } })).toBe(3);
  });

  it('the routing test tool answers as the seeded rules do', async () => {
    const cookie = await as('supervisor');
    const local = await request(app)
      .post('/api/admin/routing-rules/test')
      .set('Cookie', cookie)
      .send({ categoryCode: 'moi-truong', communeCode: '18073', description: 'Rác thải' })
      .expect(200);
    expect(local.body).toMatchObject({ kind: 'automatic', unitCode: '18073', communeCode: '18073' });
    expect(local.body.reasons).toEqual(
      expect.arrayContaining([{ code: 'commune_matched', params: { communeCode: '18073' } }]),
    );
    const other = await request(app)
      .post('/api/admin/routing-rules/test')
      .set('Cookie', cookie)
      .send({ categoryCode: 'khac' })
      .expect(200);
    expect(other.body).toMatchObject({ kind: 'manual', reason: 'no_match', candidates: [] });
    const unknown = await request(app)
      .post('/api/admin/routing-rules/test')
      .set('Cookie', cookie)
      .send({ categoryCode: 'khac', communeCode: '99999' })
      .expect(422);
    expect(unknown.body.error.fields.communeCode.code).toBe('unknown_commune');
    await request(app)
      .post('/api/admin/routing-rules/test')
      .set('Cookie', await as('18073.leader'))
      .send({ categoryCode: 'khac' })
      .expect(403);
  });

  it('SLA policies: validated as the deadlines will use them; a second active one for the same step is refused', async () => {
    const admin = await as('admin');
    const policy = {
      step: 'process',
      categoryCode: category,
      level: 'urgent',
      durationAmount: 2,
      durationUnit: 'days',
      escalations: [
        { level: 1, afterWorkingHours: 0, notify: 'unit_leader' },
        { level: 2, afterWorkingHours: 8, notify: 'ioc_supervisor' },
      ],
    };
    const made = await request(app).post('/api/admin/sla-policies').set('Cookie', admin).send(policy).expect(201);
    expect(made.body).toMatchObject({ ...policy, reminderAt: 0.75, active: true });

    const twice = await request(app)
      .post('/api/admin/sla-policies')
      .set('Cookie', admin)
      .set('Accept-Language', 'en')
      .send({ ...policy, durationAmount: 3 })
      .expect(409);
    expect(twice.body.error).toMatchObject({
      code: 'ALREADY_EXISTS',
      fields: { step: { code: 'duplicate_active_policy', message: expect.stringContaining('already exists') } },
    });
    const parked = await request(app)
      .post('/api/admin/sla-policies')
      .set('Cookie', admin)
      .send({ ...policy, durationAmount: 3, active: false })
      .expect(201);
    await request(app)
      .put(`/api/admin/sla-policies/${parked.body.id}`)
      .set('Cookie', admin)
      .send({ active: true })
      .expect(409);

    const invalid = await request(app)
      .post('/api/admin/sla-policies')
      .set('Cookie', admin)
      .send({
        ...policy,
        level: 'complex',
        durationAmount: 1.5,
        reminderAt: 1.5,
        escalations: [
          { level: 1, afterWorkingHours: 8, notify: 'unit_leader' },
          { level: 2, afterWorkingHours: 4, notify: 'ioc_supervisor' },
        ],
      })
      .expect(422);
    expect(invalid.body.error.fields).toMatchObject({
      durationAmount: { code: 'invalid_duration' },
      reminderAt: { code: 'invalid_fraction' },
      escalations: { code: 'escalations_out_of_order' },
    });
    const notHuman = await request(app)
      .post('/api/admin/sla-policies')
      .set('Cookie', admin)
      .send({ ...policy, step: 'respond' })
      .expect(422);
    expect(notHuman.body.error.fields.step.code).toBe('invalid_choice');

    const listed = await request(app)
      .get(`/api/admin/sla-policies?${filter({ categoryCode: category })}`)
      .set('Cookie', await as('supervisor'))
      .expect(200);
    expect(listed.body).toHaveLength(2);
    await request(app).delete(`/api/admin/sla-policies/${made.body.id}`).set('Cookie', admin).expect(200);
    await request(app)
      .put(`/api/admin/sla-policies/${parked.body.id}`)
      .set('Cookie', admin)
      .send({ active: true })
      .expect(200);
  });

  it('working calendars: validated, one per year, extra holiday fields kept', async () => {
    const admin = await as('admin');
    const seeded = await db.workingCalendar.findFirstOrThrow({ orderBy: { year: 'desc' } });
    // A past year: the newest year's weekly hours apply to every date (activities/working-calendars.ts).
    const year = 2001 + Math.floor(Math.random() * 18);
    await db.workingCalendar.deleteMany({ where: { year, sources: { has: `test-${suffix}` } } });
    const calendar = {
      year,
      weeklyHours: seeded.weeklyHours,
      holidays: [{ date: `${year}-09-02`, name: 'Quốc khánh', source: 'Bộ luật Lao động', confirmed: true }],
      workingDays: [],
      sources: [`test-${suffix}`],
    };
    const overlapping = await request(app)
      .post('/api/admin/calendars')
      .set('Cookie', admin)
      .send({
        ...calendar,
        weeklyHours: {
          1: [
            { start: '07:30', end: '11:30' },
            { start: '11:00', end: '17:00' },
          ],
        },
        holidays: [...calendar.holidays, { date: `${year}-13-01`, name: 'x' }],
      })
      .expect(422);
    expect(overlapping.body.error.fields).toMatchObject({
      'weeklyHours.1.1': { code: 'overlapping_periods' },
      'holidays.1.date': { code: 'invalid_date' },
    });
    const made = await request(app).post('/api/admin/calendars').set('Cookie', admin).send(calendar).expect(201);
    expect(made.body.holidays).toEqual(calendar.holidays);
    expect(made.body.timeZone).toBe('Asia/Ho_Chi_Minh');
    await request(app).post('/api/admin/calendars').set('Cookie', admin).send(calendar).expect(409);
    const edited = await request(app)
      .put(`/api/admin/calendars/${made.body.id}`)
      .set('Cookie', admin)
      .send({
        ...made.body,
        holidays: [...calendar.holidays, { date: `${year}-04-30`, name: 'Giải phóng miền Nam', confirmed: false }],
      })
      .expect(200);
    expect(edited.body.holidays[1]).toEqual({ date: `${year}-04-30`, name: 'Giải phóng miền Nam', confirmed: false });
    await request(app)
      .get(`/api/admin/calendars/${made.body.id}`)
      .set('Cookie', await as('18073.officer'))
      .expect(200);
    await request(app).delete(`/api/admin/calendars/${made.body.id}`).set('Cookie', admin).expect(200);
  });

  it('reply templates: filtered by purpose and state', async () => {
    const admin = await as('admin');
    const template = {
      code: `t-${suffix}`,
      purpose: 'reject',
      titleVi: 'Từ chối',
      titleEn: 'Rejected',
      bodyVi: 'Phản ánh {{trackingCode}} không đủ thông tin.',
      bodyEn: 'Report {{trackingCode}} lacks information.',
    };
    const made = await request(app).post('/api/admin/templates').set('Cookie', admin).send(template).expect(201);
    created.templates.push(made.body.id);
    const listed = await request(app)
      .get(`/api/admin/templates?${filter({ purpose: 'reject', active: true, q: suffix })}`)
      .set('Cookie', admin)
      .expect(200);
    expect(listed.body.map((t: { id: string }) => t.id)).toEqual([made.body.id]);
    await request(app)
      .put(`/api/admin/templates/${made.body.id}`)
      .set('Cookie', admin)
      .send({ ...made.body, active: false })
      .expect(200);
    // Unit staff read only the active ones.
    await request(app)
      .get(`/api/admin/templates/${made.body.id}`)
      .set('Cookie', await as('18073.officer'))
      .expect(404);
    const bad = await request(app)
      .post('/api/admin/templates')
      .set('Cookie', admin)
      .send({ ...template, titleVi: '' })
      .expect(422);
    expect(bad.body.error.fields.titleVi.code).toBe('too_short');
    await request(app).delete(`/api/admin/templates/${made.body.id}`).set('Cookie', admin).expect(200);
  });

  it('API keys: the key is shown once, only its SHA-256 is kept, and revoking it stops it', async () => {
    const admin = await as('admin');
    const made = await request(app)
      .post('/api/admin/api-keys')
      .set('Cookie', admin)
      .send({ name: 'Zalo bot thử', channel: `zalo-${suffix}` })
      .expect(201);
    created.apiKeys.push(made.body.id);
    const { key } = made.body;
    expect(key).toMatch(/^fr_[\w-]{32}$/);
    expect(made.body).toMatchObject({ channel: `open311:zalo-${suffix}`, prefix: key.slice(0, 10), active: true });
    expect(made.body.keyHash).toBeUndefined();
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: made.body.id } });
    expect(stored.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(await checkApiKey(db, key, 'vi', new Date())).toMatchObject({ id: made.body.id });

    const shown = await request(app).get(`/api/admin/api-keys/${made.body.id}`).set('Cookie', admin).expect(200);
    expect(JSON.stringify(shown.body)).not.toContain(key);
    expect(shown.body.keyHash).toBeUndefined();
    await request(app)
      .get('/api/admin/api-keys')
      .set('Cookie', await as('operator'))
      .expect(403);

    const renamed = await request(app)
      .put(`/api/admin/api-keys/${made.body.id}`)
      .set('Cookie', admin)
      .send({ ...shown.body, name: 'Zalo bot' })
      .expect(200);
    expect(renamed.body.name).toBe('Zalo bot');
    const revoked = await request(app).delete(`/api/admin/api-keys/${made.body.id}`).set('Cookie', admin).expect(200);
    expect(revoked.body).toMatchObject({ active: false, revokedAt: expect.any(String) });
    await expect(checkApiKey(db, key, 'vi', new Date())).rejects.toThrow();
    await request(app)
      .put(`/api/admin/api-keys/${made.body.id}`)
      .set('Cookie', admin)
      .send({ active: true })
      .expect(409);
    const audit = await db.auditLog.findMany({ where: { subjectType: 'ApiKey', subjectId: made.body.id } });
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(key);
  });

  it('notifications: the outbox for the IOC, retry for administrators, their own in-app ones for every official', async () => {
    const officer = await db.user.findUniqueOrThrow({ where: { username: '18073.officer' } });
    const failed = await db.notification.create({
      data: {
        dedupeKey: `test:${suffix}:email`,
        event: 'reply_published',
        channel: 'email',
        recipient: `citizen-${suffix}@example.vn`,
        recipientKind: 'citizen',
        body: 'Phản ánh của bạn đã có kết quả.',
        state: 'failed',
        attempts: 5,
        lastError: 'mailbox unavailable',
      },
    });
    const mine = await db.notification.create({
      data: {
        dedupeKey: `test:${suffix}:in_app`,
        event: 'new_task',
        channel: 'in_app',
        recipient: officer.id,
        recipientKind: 'official',
        body: 'Nhiệm vụ mới',
        state: 'sent',
      },
    });
    created.notifications.push(failed.id, mine.id);

    const outbox = await request(app)
      .get(`/api/admin/notifications?${filter({ state: 'failed', recipient: failed.recipient })}`)
      .set('Cookie', await as('supervisor'))
      .expect(200);
    expect(outbox.body.map((n: { id: string }) => n.id)).toEqual([failed.id]);
    await request(app)
      .post(`/api/admin/notifications/${failed.id}/retry`)
      .set('Cookie', await as('supervisor'))
      .expect(403);
    const retried = await request(app)
      .post(`/api/admin/notifications/${failed.id}/retry`)
      .set('Cookie', await as('admin'))
      .expect(200);
    expect(retried.body.state).toBe('pending');
    await request(app)
      .post(`/api/admin/notifications/${failed.id}/retry`)
      .set('Cookie', await as('admin'))
      .expect(409);
    expect(await db.auditLog.count({ where: { action: 'notification.retry', subjectId: failed.id } })).toBe(1);

    const officerCookie = await as('18073.officer');
    const own = await request(app)
      .get(`/api/admin/notifications?${filter({ mine: true, unread: true, id: [mine.id, failed.id] })}`)
      .set('Cookie', officerCookie)
      .expect(200);
    expect(own.body.map((n: { id: string }) => n.id)).toEqual([mine.id]);
    await request(app).get(`/api/admin/notifications/${failed.id}`).set('Cookie', officerCookie).expect(404);
    const read = await request(app)
      .post(`/api/admin/notifications/${mine.id}/read`)
      .set('Cookie', officerCookie)
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    await request(app)
      .post(`/api/admin/notifications/${mine.id}/read`)
      .set('Cookie', await as('18073.leader'))
      .expect(404);
  });

  it('audit log: supervisors and administrators read it, filtered; nobody else', async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    await request(app)
      .post('/api/admin/categories')
      .set('Cookie', await as('admin'))
      .send({ code: `${category}-a`, nameVi: 'A', nameEn: 'A', icon: 'rule', group: 'khac' })
      .expect(201);
    const from = new Date(Date.now() - 60_000).toISOString();
    const listed = await request(app)
      .get(`/api/admin/audit-log?${filter({ actorId: admin.id, action: 'config.create', from })}&range=[0,499]`)
      .set('Cookie', await as('supervisor'))
      .expect(200);
    const entry = listed.body.find((e: { subjectId: string }) => e.subjectId === `${category}-a`);
    expect(entry).toMatchObject({ id: expect.stringMatching(/^\d+$/), subjectType: 'Category', actorKind: 'official' });
    const one = await request(app)
      .get(`/api/admin/audit-log/${entry.id}`)
      .set('Cookie', await as('admin'))
      .expect(200);
    expect(one.body.id).toBe(entry.id);
    await request(app)
      .get('/api/admin/audit-log')
      .set('Cookie', await as('operator'))
      .expect(403);
    await request(app)
      .get('/api/admin/audit-log')
      .set('Cookie', await as('18073.leader'))
      .expect(403);
    const backwards = await request(app)
      .get(`/api/admin/audit-log?${filter({ from, to: '2020-01-01T00:00:00Z' })}`)
      .set('Cookie', await as('admin'))
      .expect(422);
    expect(backwards.body.error.fields.from.code).toBe('from_after_to');
  });
});
