/**
 * Accounts in the back office, role by role: administrators manage every account; a unit admin
 * manages only their own unit's staff with the unit roles; everyone else may not. Temporary
 * passwords log in once and must be changed; disabling an account ends its sessions.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const cookies = new Map<string, string>();
const suffix = randomUUID().slice(0, 8);
const name = (base: string) => `t-${base}-${suffix}`;
const units: Record<string, string> = {};
let unitAdmin: { id: string; username: string; password: string; cookie: string };

async function logIn(username: string, password = config.DEMO_PASSWORD): Promise<string> {
  const response = await request(app).post('/api/auth/login').send({ username, password }).expect(200);
  return ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
}

async function as(username: string): Promise<string> {
  if (!cookies.has(username)) cookies.set(username, await logIn(username));
  return cookies.get(username)!;
}

/** A new account, created by the admin, with its first password already changed. */
async function newAccount(base: string, memberships: { unitId: string; role: string }[]) {
  const created = await request(app)
    .post('/api/admin/users')
    .set('Cookie', await as('admin'))
    .send({ username: name(base), name: `Cán bộ ${base}`, memberships })
    .expect(201);
  const password = `Mk-${randomUUID()}`;
  const cookie = await logIn(created.body.username, created.body.temporaryPassword);
  await request(app)
    .post('/api/auth/password')
    .set('Cookie', cookie)
    .send({ currentPassword: created.body.temporaryPassword, newPassword: password })
    .expect(204);
  return { id: created.body.id as string, username: created.body.username as string, password, cookie };
}

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  for (const unit of await db.unit.findMany({ where: { code: { in: ['IOC', '18073', '18100'] } } }))
    units[unit.code] = unit.id;
  unitAdmin = await newAccount('ua', [{ unitId: units['18073']!, role: 'unit_admin' }]);
  cookies.set(unitAdmin.username, unitAdmin.cookie);
});
afterAll(async () => {
  await db.user.deleteMany({ where: { username: { endsWith: `-${suffix}` } } });
  await api.close();
});

describe('accounts in the back office', () => {
  it('creates an account with a temporary password, shown once, that logs in and must be changed', async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const created = await request(app)
      .post('/api/admin/users')
      .set('Cookie', await as('admin'))
      .send({
        username: name('new'),
        name: 'Nguyễn Văn Mới',
        email: 'moi@example.vn',
        memberships: [{ unitId: units['18073'], role: 'officer' }],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      username: name('new'),
      mustChangePassword: true,
      active: true,
      memberships: [{ unitId: units['18073'], role: 'officer' }],
    });
    expect(created.body.temporaryPassword).toMatch(/^[\w-]{16}$/);
    expect(created.body.passwordHash).toBeUndefined();

    const shown = await request(app)
      .get(`/api/admin/users/${created.body.id}`)
      .set('Cookie', await as('admin'))
      .expect(200);
    expect(shown.body.temporaryPassword).toBeUndefined();
    expect(JSON.stringify(shown.body)).not.toMatch(/argon2|passwordHash/);

    const cookie = await logIn(name('new'), created.body.temporaryPassword);
    const blocked = await request(app).get('/api/admin/tasks/counts').set('Cookie', cookie).expect(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await request(app)
      .post('/api/auth/password')
      .set('Cookie', cookie)
      .send({ currentPassword: created.body.temporaryPassword, newPassword: 'Mật-khẩu-mới-2025' })
      .expect(204);
    await request(app).get('/api/admin/tasks/counts').set('Cookie', cookie).expect(200);

    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: 'config.create', subjectType: 'User', subjectId: created.body.id },
    });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.stringify(entry.details)).not.toContain(created.body.temporaryPassword);

    const duplicate = await request(app)
      .post('/api/admin/users')
      .set('Cookie', await as('admin'))
      .send({ username: name('NEW'), name: 'Trùng', memberships: [{ unitId: units['18073'], role: 'officer' }] })
      .expect(409);
    expect(duplicate.body.error.fields.username.code).toBe('taken');
  });

  it('grants IOC roles only at the IOC, and explains it in the asked language', async () => {
    const wrong = await request(app)
      .post('/api/admin/users')
      .set('Cookie', await as('admin'))
      .set('Accept-Language', 'en')
      .send({ username: name('op'), name: 'Điều hành', memberships: [{ unitId: units['18073'], role: 'operator' }] })
      .expect(422);
    expect(wrong.body.error.fields['memberships.0.role']).toEqual({
      code: 'ioc_role_outside_ioc',
      message: 'The operator, supervisor and admin roles are granted at the IOC only.',
    });
  });

  it("lets a unit admin manage their own unit's staff only, with the unit roles only", async () => {
    const cookie = await as(unitAdmin.username);
    const listed = await request(app)
      .get(`/api/admin/users?filter=${encodeURIComponent(JSON.stringify({ q: '.officer' }))}&range=[0,499]`)
      .set('Cookie', cookie)
      .expect(200);
    const usernames = listed.body.map((u: { username: string }) => u.username);
    expect(usernames).toContain('18073.officer');
    expect(usernames).not.toContain('18100.officer');

    const created = await request(app)
      .post('/api/admin/users')
      .set('Cookie', cookie)
      .send({
        username: name('staff'),
        name: 'Cán bộ phường',
        memberships: [{ unitId: units['18073'], role: 'officer' }],
      })
      .expect(201);
    expect(created.body.temporaryPassword).toBeTruthy();

    // Not another unit, not an IOC role.
    await request(app)
      .post('/api/admin/users')
      .set('Cookie', cookie)
      .send({ username: name('other'), name: 'Khác', memberships: [{ unitId: units['18100'], role: 'officer' }] })
      .expect(403);
    await request(app)
      .post('/api/admin/users')
      .set('Cookie', cookie)
      .send({ username: name('ioc'), name: 'IOC', memberships: [{ unitId: units.IOC, role: 'admin' }] })
      .expect(403);
    await request(app)
      .put(`/api/admin/users/${created.body.id}`)
      .set('Cookie', cookie)
      .send({ memberships: [...created.body.memberships, { unitId: units.IOC, role: 'operator' }] })
      .expect(403);

    // Its own unit's account: edit, promote to leader.
    const edited = await request(app)
      .put(`/api/admin/users/${created.body.id}`)
      .set('Cookie', cookie)
      .send({ ...created.body, name: 'Cán bộ phường (sửa)', memberships: [{ unitId: units['18073'], role: 'leader' }] })
      .expect(200);
    expect(edited.body).toMatchObject({
      name: 'Cán bộ phường (sửa)',
      memberships: [{ unitId: units['18073'], role: 'leader' }],
    });
    await request(app)
      .put(`/api/admin/users/${created.body.id}`)
      .set('Cookie', cookie)
      .send({ username: 'renamed' })
      .expect(422);

    // Another unit's account does not exist for them; an account that also belongs elsewhere is not theirs.
    const foreign = await db.user.findUniqueOrThrow({ where: { username: '18100.officer' } });
    await request(app).get(`/api/admin/users/${foreign.id}`).set('Cookie', cookie).expect(404);
    await request(app).put(`/api/admin/users/${foreign.id}`).set('Cookie', cookie).send({ name: 'x' }).expect(404);
    await request(app).delete(`/api/admin/users/${foreign.id}`).set('Cookie', cookie).expect(404);
    const shared = await newAccount('shared', [
      { unitId: units['18073']!, role: 'officer' },
      { unitId: units['18100']!, role: 'officer' },
    ]);
    await request(app).get(`/api/admin/users/${shared.id}`).set('Cookie', cookie).expect(200);
    await request(app).put(`/api/admin/users/${shared.id}`).set('Cookie', cookie).send({ name: 'x' }).expect(403);
    await request(app).post(`/api/admin/users/${shared.id}/reset-password`).set('Cookie', cookie).expect(403);
  });

  it("lets a unit admin change only their own unit's contact details", async () => {
    const cookie = await as(unitAdmin.username);
    const before = await db.unit.findUniqueOrThrow({ where: { id: units['18073'] } });
    try {
      const shown = await request(app).get(`/api/admin/units/${units['18073']}`).set('Cookie', cookie).expect(200);
      const edited = await request(app)
        .put(`/api/admin/units/${units['18073']}`)
        .set('Cookie', cookie)
        .send({ ...shown.body, phone: '0239 3855 000' })
        .expect(200);
      expect(edited.body.phone).toBe('0239 3855 000');
      await request(app)
        .put(`/api/admin/units/${units['18073']}`)
        .set('Cookie', cookie)
        .send({ ...shown.body, name: 'Tên khác' })
        .expect(403);
      await request(app)
        .put(`/api/admin/units/${units['18100']}`)
        .set('Cookie', cookie)
        .send({ phone: '0239 0000 000' })
        .expect(403);
      expect((await db.unit.findUniqueOrThrow({ where: { id: units['18073'] } })).name).toBe(before.name);
    } finally {
      await db.unit.update({ where: { id: before.id }, data: { phone: before.phone } });
    }
  });

  it('refuses configuration changes to every role but the administrators', async () => {
    for (const username of ['operator', 'supervisor', '18073.leader', '18073.officer']) {
      const cookie = await as(username);
      await request(app).post('/api/admin/categories').set('Cookie', cookie).send({}).expect(403);
      await request(app).post('/api/admin/users').set('Cookie', cookie).send({}).expect(403);
      await request(app)
        .put(`/api/admin/units/${units['18073']}`)
        .set('Cookie', cookie)
        .send({ phone: '1' })
        .expect(403);
      await request(app).delete(`/api/admin/categories/moi-truong`).set('Cookie', cookie).expect(403);
      await request(app).post('/api/admin/routing-rules').set('Cookie', cookie).send({}).expect(403);
      await request(app).post('/api/admin/sla-policies').set('Cookie', cookie).send({}).expect(403);
      await request(app).post('/api/admin/calendars').set('Cookie', cookie).send({}).expect(403);
      await request(app).post('/api/admin/templates').set('Cookie', cookie).send({}).expect(403);
      await request(app).post('/api/admin/api-keys').set('Cookie', cookie).send({}).expect(403);
    }
    // The IOC reads the configuration; unit staff read what their work needs.
    for (const resource of ['units', 'categories', 'routing-rules', 'sla-policies', 'calendars', 'templates']) {
      const listed = await request(app)
        .get(`/api/admin/${resource}`)
        .set('Cookie', await as('operator'))
        .expect(200);
      expect(listed.headers['content-range']).toMatch(new RegExp(`^${resource} 0-\\d+/\\d+$`));
      expect(listed.body.length).toBeGreaterThan(0);
    }
    await request(app)
      .get('/api/admin/sla-policies')
      .set('Cookie', await as('18073.officer'))
      .expect(403);
    await request(app)
      .get('/api/admin/templates')
      .set('Cookie', await as('18073.officer'))
      .expect(200);
  });

  it('disables an account (DELETE) and ends its sessions; a password reset unlocks and ends them too', async () => {
    const account = await newAccount('gone', [{ unitId: units['18073']!, role: 'officer' }]);
    await request(app).get('/api/auth/me').set('Cookie', account.cookie).expect(200);
    const disabled = await request(app)
      .delete(`/api/admin/users/${account.id}`)
      .set('Cookie', await as('admin'))
      .expect(200);
    expect(disabled.body.active).toBe(false);
    await request(app).get('/api/auth/me').set('Cookie', account.cookie).expect(401);
    await request(app)
      .post('/api/auth/login')
      .send({ username: account.username, password: account.password })
      .expect(403);
    expect(await db.auditLog.count({ where: { action: 'config.delete', subjectId: account.id } })).toBe(1);

    const locked = await newAccount('locked', [{ unitId: units['18073']!, role: 'officer' }]);
    await db.user.update({
      where: { id: locked.id },
      data: { failedLogins: 7, lockedUntil: new Date(Date.now() + 3_600_000) },
    });
    const reset = await request(app)
      .post(`/api/admin/users/${locked.id}/reset-password`)
      .set('Cookie', await as(unitAdmin.username))
      .expect(200);
    expect(reset.body).toEqual({ id: locked.id, temporaryPassword: expect.any(String), mustChangePassword: true });
    await request(app).get('/api/auth/me').set('Cookie', locked.cookie).expect(401);
    const fresh = await logIn(locked.username, reset.body.temporaryPassword);
    const me = await request(app).get('/api/auth/me').set('Cookie', fresh).expect(200);
    expect(me.body.mustChangePassword).toBe(true);

    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const self = await request(app)
      .delete(`/api/admin/users/${admin.id}`)
      .set('Cookie', await as('admin'))
      .expect(422);
    expect(self.body.error.fields.active.code).toBe('own_account');
  });
});
