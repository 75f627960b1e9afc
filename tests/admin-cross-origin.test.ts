/**
 * The back office's writes come from the platform's own pages only (api/middleware/same-origin.ts):
 * a page elsewhere that makes an official's browser send a POST with the session cookie is refused
 * (403 CROSS_ORIGIN_REFUSED), and the session cookie is Secure whenever the platform is served over
 * HTTPS. The write used is "mark all my notifications read": cheap, and its effect is visible.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../api/app';
import type { Config } from '../platform/config';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const PUBLIC = 'https://phananh.hatinh.test';
const OTHER_BACK_OFFICE = 'https://quantri.hatinh.test';
const config = testConfig({ PUBLIC_BASE_URL: PUBLIC, BACK_OFFICE_ORIGINS: `${OTHER_BACK_OFFICE}/` });
const api = apiDependencies(config);
const db = api.deps.db;
const servers: Server[] = [];

/** The app listening on a port of its own, so that its own origin (http://127.0.0.1:port) is known. */
function serve(settings: Config = config) {
  const app = createApp({ ...api.deps, config: settings, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  return { app, server, origin: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const { app, server, origin: ownOrigin } = serve();
const as = officialSessions(() => app, config.DEMO_PASSWORD);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await api.close();
});

/** One unread in-app notification for the official; answers its id. */
async function unreadNotification(username: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  const { id } = await db.notification.create({
    data: {
      dedupeKey: `cross-origin-test:${randomUUID()}`,
      event: 'task_assigned',
      channel: 'in_app',
      recipient: user.id,
      recipientKind: 'official',
      body: 'Bạn được giao xử lý một phản ánh.',
      state: 'sent',
    },
  });
  return id;
}

const readAt = async (id: string) => (await db.notification.findUniqueOrThrow({ where: { id } })).readAt;

describe('cross-origin writes to the back office', () => {
  it('refuses a cross-origin POST that carries a valid session cookie, and does nothing', async () => {
    const cookie = await as('18073.officer');
    const id = await unreadNotification('18073.officer');
    const refused = await request(server)
      .post('/api/admin/notifications/read-all')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.hatinh.gov.vn')
      .expect(403);
    expect(refused.body.error).toEqual({
      code: 'CROSS_ORIGIN_REFUSED',
      message:
        'Yêu cầu bị từ chối vì không được gửi từ trang của hệ thống. Vui lòng mở trang quản trị của hệ thống và thử lại.',
    });
    const english = await request(server)
      .post('/api/admin/notifications/read-all')
      .set('Cookie', cookie)
      .set('Accept-Language', 'en')
      .set('Referer', 'https://evil.example/page.html')
      .expect(403);
    expect(english.body.error.message).toBe(
      "The request was refused: it was not sent from the platform's own pages. Please open the back office and try again.",
    );
    // A page that hides where it comes from says "null": refused too.
    await request(server)
      .post('/api/admin/notifications/read-all')
      .set('Cookie', cookie)
      .set('Origin', 'null')
      .expect(403);
    expect(await readAt(id)).toBeNull();

    // Reading stays open to any origin (CORS keeps other pages from reading the answer).
    await request(server)
      .get('/api/admin/notifications/unread-count')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .expect(200);
  });

  it('accepts the platform’s own origins: the request’s, PUBLIC_BASE_URL’s and BACK_OFFICE_ORIGINS', async () => {
    const cookie = await as('18073.leader');
    for (const from of [
      { Origin: ownOrigin() },
      { Referer: `${ownOrigin()}/admin/` },
      { Origin: PUBLIC },
      { Origin: OTHER_BACK_OFFICE },
    ]) {
      const id = await unreadNotification('18073.leader');
      await request(server).post('/api/admin/notifications/read-all').set('Cookie', cookie).set(from).expect(200);
      expect(await readAt(id)).not.toBeNull();
    }
  });

  it('accepts a request with neither Origin nor Referer: a script, not a page of another site', async () => {
    const cookie = await as('SXD.officer');
    const id = await unreadNotification('SXD.officer');
    await request(server).post('/api/admin/notifications/read-all').set('Cookie', cookie).expect(200);
    expect(await readAt(id)).not.toBeNull();
  });

  it('guards /api/auth too: no login, logout or password change from another site', async () => {
    const login = await request(server)
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ username: 'SXD.leader', password: config.DEMO_PASSWORD })
      .expect(403);
    expect(login.body.error.code).toBe('CROSS_ORIGIN_REFUSED');
    expect(login.headers['set-cookie']).toBeUndefined();
    const cookie = await as('SXD.leader');
    await request(server)
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .expect(403);
    await request(server).get('/api/auth/me').set('Cookie', cookie).expect(200); // still signed in
    await request(server)
      .post('/api/auth/password')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .send({ currentPassword: config.DEMO_PASSWORD, newPassword: 'mật khẩu của kẻ gian' })
      .expect(403);
    await request(server)
      .post('/api/auth/login')
      .set('Origin', ownOrigin())
      .send({ username: 'SXD.leader', password: config.DEMO_PASSWORD })
      .expect(200);
  });
});

describe('the session cookie over HTTPS', () => {
  const loginCookie = async (target: Server, headers: Record<string, string> = {}) => {
    const response = await request(target)
      .post('/api/auth/login')
      .set(headers)
      .send({ username: 'operator', password: config.DEMO_PASSWORD })
      .expect(200);
    return ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('fr_session='))!;
  };
  const plain = testConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' });

  it('is Secure when the public address is https', async () => {
    expect(await loginCookie(server)).toMatch(/;\s*Secure/i);
  });

  it('is Secure when a trusted proxy says the request came over HTTPS, and only then', async () => {
    const { server: http } = serve(plain);
    expect(await loginCookie(http)).not.toMatch(/;\s*Secure/i);
    expect(await loginCookie(http, { 'X-Forwarded-Proto': 'https' })).toMatch(/;\s*Secure/i);
    const { server: untrusting } = serve(
      testConfig({ PUBLIC_BASE_URL: 'http://localhost:3000', TRUST_PROXY: 'false' }),
    );
    expect(await loginCookie(untrusting, { 'X-Forwarded-Proto': 'https' })).not.toMatch(/;\s*Secure/i);
  });
});
