/**
 * Officials' login against the seeded platform: every demo leader and officer gets in, a wrong
 * password five times in a row locks the account with back-off, sessions live in PostgreSQL and
 * die on logout, expiry and password change.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { hashPassword } from '../platform/passwords';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const password = config.DEMO_PASSWORD;

beforeAll(() => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
});
afterAll(() => api.close());

/** A fresh official of phường Thành Sen, so tests that lock or change passwords touch nobody else. */
async function newOfficial(options: { mustChangePassword?: boolean } = {}) {
  const unit = await db.unit.findUniqueOrThrow({ where: { code: '18073' } });
  const username = `test.${Date.now()}.${Math.random().toString(36).slice(2, 8)}`;
  const user = await db.user.create({
    data: {
      username,
      name: 'Cán bộ thử nghiệm',
      passwordHash: await hashPassword('mật khẩu đúng'),
      mustChangePassword: options.mustChangePassword ?? false,
      memberships: { create: { unitId: unit.id, role: 'officer' } },
    },
  });
  return { ...user, password: 'mật khẩu đúng' };
}

function sessionCookie(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('fr_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** Every address's lock on the account ends now, as if its time had passed. */
async function lapseLocks(userId: string) {
  await db.loginLockout.updateMany({ where: { userId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
}

/** A login attempt from `address` (the tests' requests come through loopback, a trusted proxy). */
async function attempt(address: string, username: string, pass: string) {
  const started = Date.now();
  const response = await request(app)
    .post('/api/auth/login')
    .set('X-Forwarded-For', address)
    .send({ username, password: pass });
  return { status: response.status, code: response.body.error?.code as string | undefined, ms: Date.now() - started };
}

async function logIn(username: string, pass: string) {
  const response = await request(app).post('/api/auth/login').send({ username, password: pass }).expect(200);
  return { cookie: sessionCookie(response), body: response.body };
}

describe('officials log in', () => {
  it('lets every demo leader and officer of every unit log in, with their unit and role', async () => {
    const units = await db.unit.findMany({ where: { active: true }, select: { code: true, id: true } });
    expect(units.length).toBeGreaterThanOrEqual(69 + 1 + 13);
    for (const unit of units) {
      for (const role of ['leader', 'officer'] as const) {
        const { body } = await logIn(`${unit.code}.${role}`, password);
        expect(body.user.roles).toContain(role);
        expect(body.user.units).toEqual(
          expect.arrayContaining([expect.objectContaining({ id: unit.id, code: unit.code, roles: [role] })]),
        );
      }
    }
    // 170 argon2 verifications one after another: seconds on an idle machine, over two minutes at a
    // load of 28 on two cores.
  }, 300_000);

  it('sets an httpOnly, SameSite=Strict cookie and answers /me with roles, units and packed CASL rules', async () => {
    const response = await request(app).post('/api/auth/login').send({ username: 'operator', password }).expect(200);
    const raw = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';');
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Strict/);
    expect(raw).toMatch(/Path=\/api/);
    const me = await request(app).get('/api/auth/me').set('Cookie', sessionCookie(response)).expect(200);
    expect(me.body).toMatchObject({ username: 'operator', roles: ['operator'], mustChangePassword: false });
    expect(me.body.units[0]).toMatchObject({ code: 'IOC', kind: 'ioc' });
    expect(Array.isArray(me.body.rules)).toBe(true);
    expect(me.body.rules.length).toBeGreaterThan(0);
    expect(JSON.stringify(me.body)).not.toMatch(/passwordHash|argon2/);
  });

  it('matches usernames without regard to case', async () => {
    await logIn('sxd.LEADER', password);
  });

  it('refuses a wrong password or an unknown user with the same message, in Vietnamese or English', async () => {
    const wrong = await request(app)
      .post('/api/auth/login')
      .send({ username: 'SXD.officer', password: 'sai mật khẩu' })
      .expect(401);
    const unknown = await request(app)
      .post('/api/auth/login')
      .send({ username: 'khong.ton.tai', password: 'x' })
      .expect(401);
    expect(wrong.body.error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(unknown.body.error).toEqual(wrong.body.error);
    const en = await request(app)
      .post('/api/auth/login')
      .set('Accept-Language', 'en')
      .send({ username: 'x', password: 'y' })
      .expect(401);
    expect(en.body.error.message).toBe('The username or password is not correct.');
    await request(app).post('/api/auth/login').send({ username: 'SXD.officer', password }).expect(200); // resets the count
  });

  it('locks an account after five wrong passwords in a row, with Retry-After, even for the right password', async () => {
    const user = await newOfficial();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await request(app).post('/api/auth/login').send({ username: user.username, password: 'sai' }).expect(401);
    }
    const fifth = await request(app)
      .post('/api/auth/login')
      .send({ username: user.username, password: 'sai' })
      .expect(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.body.error.message).toBe(
      'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 5 phút.',
    );
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(290);

    const right = await request(app)
      .post('/api/auth/login')
      .set('Accept-Language', 'en')
      .send({ username: user.username, password: user.password })
      .expect(423);
    expect(right.body.error.message).toMatch(/locked/);

    const failures = await db.auditLog.count({ where: { actorId: user.id, action: 'login_failed' } });
    expect(failures).toBe(5);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: 'login_refused' } })).toBe(1);

    // The lock lapses; the next mistake locks again, for twice as long.
    await lapseLocks(user.id);
    const sixth = await request(app)
      .post('/api/auth/login')
      .send({ username: user.username, password: 'sai' })
      .expect(423);
    expect(sixth.body.error.message).toMatch(/10 phút/);

    // After the lock, the right password works and the count starts again.
    await lapseLocks(user.id);
    await logIn(user.username, user.password);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
    });
  });

  it('locks the guessing address only: the official still logs in from theirs, after a capped slow-down', async () => {
    const user = await newOfficial();
    const attacker = '203.0.113.66';
    for (let i = 1; i <= 4; i += 1) expect((await attempt(attacker, user.username, 'sai')).status).toBe(401);
    expect(await attempt(attacker, user.username, 'sai')).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED' });
    // Locked out, even with the right password; answered at once (a locked address costs no wait).
    const refused = await attempt(attacker, user.username, user.password);
    expect(refused).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED' });

    // Another address is not locked, but every attempt on the account now waits: 1 s, then 2 s.
    const elsewhere = await attempt('192.0.2.33', user.username, 'sai');
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.ms).toBeGreaterThanOrEqual(1_000);
    const official = await attempt('198.51.100.20', user.username, user.password);
    expect(official.status).toBe(200);
    expect(official.ms).toBeGreaterThanOrEqual(2_000);
    expect(official.ms).toBeLessThan(10_000 + 5_000); // capped

    // The official's success resets the slow-down, not the attacker's lock.
    const again = await attempt(attacker, user.username, user.password);
    expect(again).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED' });
    const quick = await attempt('198.51.100.20', user.username, user.password);
    expect(quick.status).toBe(200);
    expect(quick.ms).toBeLessThan(1_000);
    const account = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(account.failedLogins).toBe(0);
    expect(account.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000); // shown to administrators
    const audit = await db.auditLog.findMany({ where: { actorId: user.id, action: 'login_refused' } });
    expect(audit.map((a) => a.details)).toEqual([
      { reason: 'locked', address: attacker },
      { reason: 'locked', address: attacker },
    ]);
  }, 60_000);

  it('locks an IPv6 client by its /56, so it cannot dodge the lock by changing addresses', async () => {
    const user = await newOfficial();
    for (let i = 1; i <= 4; i += 1)
      expect((await attempt(`2001:db8:aa:bb00::${i}`, user.username, 'sai')).status).toBe(401);
    expect((await attempt('2001:db8:aa:bbff::5', user.username, 'sai')).status).toBe(423);
    expect((await attempt('2001:db8:aa:bb12::9', user.username, user.password)).status).toBe(423);
    expect((await attempt('2001:db8:aa:cc00::1', user.username, user.password)).status).toBe(200);
  }, 60_000);

  it('keeps sessions on the server: logout, expiry and a disabled account end them', async () => {
    const user = await newOfficial();
    const first = await logIn(user.username, user.password);
    await request(app).get('/api/auth/me').set('Cookie', first.cookie).expect(200);
    await request(app).post('/api/auth/logout').set('Cookie', first.cookie).expect(204);
    const after = await request(app).get('/api/auth/me').set('Cookie', first.cookie).expect(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    expect(await db.session.count({ where: { userId: user.id, revokedAt: { not: null } } })).toBe(1);

    const second = await logIn(user.username, user.password);
    await db.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await request(app).get('/api/auth/me').set('Cookie', second.cookie).expect(401);

    const third = await logIn(user.username, user.password);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await request(app).get('/api/auth/me').set('Cookie', third.cookie).expect(401);
    const refused = await request(app)
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(403);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');
  });

  it('changes a password: checks the current one, revokes the other sessions, keeps this one', async () => {
    const user = await newOfficial();
    const here = await logIn(user.username, user.password);
    const elsewhere = await logIn(user.username, user.password);

    const wrong = await request(app)
      .post('/api/auth/password')
      .set('Cookie', here.cookie)
      .send({ currentPassword: 'sai', newPassword: 'một mật khẩu mới' })
      .expect(422);
    expect(wrong.body.error.fields.currentPassword).toEqual({
      code: 'wrong_password',
      message: 'Mật khẩu hiện tại không đúng.',
    });
    const short = await request(app)
      .post('/api/auth/password')
      .set('Cookie', here.cookie)
      .send({ currentPassword: user.password, newPassword: 'ngắn' })
      .expect(422);
    expect(short.body.error.fields.newPassword.code).toBe('too_short');

    await request(app)
      .post('/api/auth/password')
      .set('Cookie', here.cookie)
      .send({ currentPassword: user.password, newPassword: 'một mật khẩu mới' })
      .expect(204);
    await request(app).get('/api/auth/me').set('Cookie', here.cookie).expect(200);
    await request(app).get('/api/auth/me').set('Cookie', elsewhere.cookie).expect(401);
    await request(app).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(401);
    await logIn(user.username, 'một mật khẩu mới');
  });

  it('lets an account that must change its password do only that first', async () => {
    const user = await newOfficial({ mustChangePassword: true });
    const { cookie, body } = await logIn(user.username, user.password);
    expect(body.user.mustChangePassword).toBe(true);
    const blocked = await request(app).get('/api/admin/cases').set('Cookie', cookie).expect(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await request(app)
      .post('/api/auth/password')
      .set('Cookie', cookie)
      .send({ currentPassword: user.password, newPassword: 'mật khẩu riêng của tôi' })
      .expect(204);
    await request(app).get('/api/admin/cases').set('Cookie', cookie).expect(200);
  });

  it('refuses the back office without a session', async () => {
    const answer = await request(app).get('/api/admin/cases').set('Accept-Language', 'en').expect(401);
    expect(answer.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in.' });
    await request(app).get('/api/admin/cases').set('Cookie', 'fr_session=forged').expect(401);
  });

  it('slows down a client that tries too many logins, whatever the accounts', async () => {
    const limited = createApp({ ...api.deps, loginRateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i += 1)
      await request(limited)
        .post('/api/auth/login')
        .send({ username: `nobody${i}`, password: 'x' })
        .expect(401);
    const answer = await request(limited)
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'x' })
      .expect(429);
    expect(answer.body.error.code).toBe('RATE_LIMITED');
    expect(answer.headers['retry-after']).toBe('60');
  });
});
