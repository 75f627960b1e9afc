/**
 * The notification features over HTTP: announcements that alert only the subscribers of their
 * area, subscriptions with a confirmation and a one-click unsubscribe, the templates
 * administrators edit and preview, and the officials' live stream of in-app notifications.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { notifyOfficials } from '../activities/notify-officials';
import { createApp } from '../api/app';
import { createDispatcher } from '../notifications/dispatcher';
import { createEmailSender } from '../notifications/email-sender';
import { createHttpGatewaySender } from '../notifications/http-gateway-sender';
import { EVENTS } from '../notifications/templates';
import { eventually } from './support/eventually';
import { startGatewaySink, startMailbox, type Mailbox } from './support/notification-sinks';
import { apiDependencies, testConfig } from './support/platform';
import { officialSessions } from './support/official-sessions';

const BASE = 'https://phananh.hatinh.test';
const config = testConfig({ NOTIFY_STREAM_POLL_MS: '200', PUBLIC_BASE_URL: BASE });
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
let mailbox: Mailbox;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.stop();
  await api.close();
});

/** Sends the outbox rows whose keys start with `prefix` to the test's mailbox and SMS sink. */
async function deliver(prefix: string) {
  const sink = await startGatewaySink();
  const mail = createEmailSender({ smtpUrl: mailbox.url, from: 'Hà Tĩnh <canhbao@hatinh.gov.vn>' });
  const dispatcher = createDispatcher(
    { db, senders: { email: mail.send, sms: createHttpGatewaySender({ url: sink.url }) } },
    { keyPrefixes: [prefix] },
  );
  while ((await dispatcher.runOnce()) > 0);
  mail.close();
  await sink.close();
  return sink.received;
}

/** A header as the mail carried it (mailparser folds List-* headers into one object). */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

/** Subscribes and, unless told not to, follows the confirmation link the message carries. */
async function subscriber(channel: 'email' | 'sms', communeCodes: string[], { confirm = true } = {}) {
  const address =
    channel === 'email' ? `dan.${randomUUID().slice(0, 8)}@example.vn` : `09${String(Date.now()).slice(-8)}`;
  await request(app)
    .post('/api/v1/subscriptions')
    .send({ channel, address, communeCodes })
    .expect(202, { status: 'confirmation_sent' });
  const confirmation = await db.notification.findFirstOrThrow({
    where: { recipient: address, event: 'subscription_confirm' },
  });
  const link = /https:\/\/\S+\/api\/v1\/subscriptions\/confirm\?token=\S+/.exec(confirmation.body)![0];
  if (confirm) {
    const page = await request(app).get(link.slice(BASE.length)).expect(200);
    expect(page.text).toContain('Đã xác nhận đăng ký');
  }
  return address;
}

describe('announcements and subscriptions', () => {
  it('alerts the subscribers of the two communes of a critical disaster post, and only them', async () => {
    const inThanhSen = await subscriber('email', ['18073']);
    const inSongTri = await subscriber('sms', ['18754']);
    const elsewhere = await subscriber('email', ['18781']);
    const provinceWide = await subscriber('email', []);
    const unconfirmed = await subscriber('email', ['18073'], { confirm: false });
    const leftAlready = await subscriber('email', ['18754']);
    const { unsubscribeToken } = await db.subscription.findFirstOrThrow({ where: { address: leftAlready } });
    // RFC 8058: the mail client's one-click POST.
    await request(app)
      .post(`/api/v1/subscriptions/unsubscribe?token=${unsubscribeToken}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200, { status: 'unsubscribed' });

    // The commune's leader writes it for the unit; publishing it alerts.
    const leader = await as('18073.leader');
    const unit = await db.unit.findUniqueOrThrow({ where: { code: '18073' } });
    const post = {
      unitId: unit.id,
      kind: 'disaster',
      severity: 'critical',
      titleVi: 'Cảnh báo lũ quét và sạt lở đất',
      bodyVi: 'Mưa lớn kéo dài; người dân không qua ngầm tràn, di dời khỏi vùng nguy hiểm.',
      communeCodes: ['18073', '18754'],
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const created = await request(app).post('/api/admin/announcements').set('Cookie', leader).send(post).expect(201);
    expect(created.body).toMatchObject({ published: false, publishedAt: null });
    const id = created.body.id as string;
    const other = await db.unit.findUniqueOrThrow({ where: { code: '18754' } });
    await request(app)
      .post('/api/admin/announcements')
      .set('Cookie', leader)
      .send({ ...post, unitId: other.id })
      .expect(403);

    const published = await request(app)
      .post(`/api/admin/announcements/${id}/publish`)
      .set('Cookie', leader)
      .expect(200);
    expect(published.body).toMatchObject({ published: true, alertsQueued: 3 });
    // Publishing again adds nothing.
    const again = await request(app).post(`/api/admin/announcements/${id}/publish`).set('Cookie', leader).expect(200);
    expect(again.body.alertsQueued).toBe(0);
    const listed = await request(app).get('/api/v1/announcements?communeCode=18754').expect(200);
    expect(listed.body.map((a: { id: string }) => a.id)).toContain(id);

    const rows = await db.notification.findMany({ where: { dedupeKey: { startsWith: `announcement:${id}:` } } });
    expect(rows.map((r) => r.recipient).sort()).toEqual([inThanhSen, inSongTri, provinceWide].sort());
    for (const nobody of [elsewhere, unconfirmed, leftAlready])
      expect(rows.map((r) => r.recipient)).not.toContain(nobody);

    const texts = await deliver(`announcement:${id}:`);
    expect(texts.map((t) => t.body.to)).toEqual([inSongTri]);
    expect(texts[0]!.body.text).toContain('[KHẨN] Cảnh báo lũ quét và sạt lở đất');
    for (const address of [inThanhSen, provinceWide]) {
      const [mail, ...more] = mailbox.to(address).filter((m) => m.subject?.includes('lũ quét'));
      expect(more).toEqual([]);
      expect(mail!.subject).toBe('[KHẨN] Thiên tai: Cảnh báo lũ quét và sạt lở đất');
      expect(mail!.text).toContain('người dân không qua ngầm tràn');
      expect(rawHeader(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(rawHeader(mail!, 'list-unsubscribe')).toMatch(
        /^<https:\/\/phananh\.hatinh\.test\/api\/v1\/subscriptions\/unsubscribe\?token=[\w-]+>$/,
      );
    }
    expect(mailbox.to(elsewhere).filter((m) => m.subject?.includes('lũ quét'))).toEqual([]);

    // The one-click link in the mail works; the next alert no longer reaches that address.
    const [mail] = mailbox.to(inThanhSen).filter((m) => m.subject?.includes('lũ quét'));
    const url = rawHeader(mail!, 'list-unsubscribe')!.replace(/[<>]/g, '');
    const page = await request(app).get(url.slice(BASE.length)).expect(200);
    expect(page.text).toContain('Đã hủy đăng ký');
    await request(app).get(url.slice(BASE.length)).expect(200); // twice: still fine

    const supervisor = await as('supervisor');
    const second = await request(app)
      .post('/api/admin/announcements')
      .set('Cookie', supervisor)
      .send({
        unitId: unit.id,
        kind: 'disaster',
        severity: 'critical',
        titleVi: 'Bão số 5 đổ bộ',
        bodyVi: 'Chằng chống nhà cửa.',
        communeCodes: ['18073'],
        validFrom: new Date().toISOString(),
      })
      .expect(201);
    const secondPublished = await request(app)
      .post(`/api/admin/announcements/${second.body.id}/publish`)
      .set('Cookie', supervisor)
      .expect(200);
    expect(secondPublished.body.alertsQueued).toBe(1); // the province-wide subscriber only
  });

  it('alerts nobody for a post that is not a critical disaster', async () => {
    await subscriber('email', []);
    const supervisor = await as('supervisor');
    const unit = await db.unit.findUniqueOrThrow({ where: { code: '18073' } });
    const created = await request(app)
      .post('/api/admin/announcements')
      .set('Cookie', supervisor)
      .send({
        unitId: unit.id,
        kind: 'traffic',
        severity: 'critical',
        titleVi: 'Cấm đường Hà Huy Tập',
        bodyVi: 'Thi công cống thoát nước.',
        validFrom: new Date().toISOString(),
      })
      .expect(201);
    const published = await request(app)
      .post(`/api/admin/announcements/${created.body.id}/publish`)
      .set('Cookie', supervisor)
      .expect(200);
    expect(published.body.alertsQueued).toBe(0);
  });

  it('refuses an unknown commune and a malformed address, and answers an unknown token with 404', async () => {
    await request(app)
      .post('/api/v1/subscriptions')
      .send({ channel: 'email', address: 'a@example.vn', communeCodes: ['99999'] })
      .expect(422);
    await request(app).post('/api/v1/subscriptions').send({ channel: 'sms', address: 'not a phone' }).expect(422);
    await request(app).get('/api/v1/subscriptions/unsubscribe?token=nope').expect(404);
  });
});

describe('notification templates', () => {
  it('lists every event in both languages, previews, saves with known variables only, and restores the default', async () => {
    const admin = await as('admin');
    const list = await request(app)
      .get('/api/admin/notification-templates?range=[0,99]')
      .set('Cookie', admin)
      .expect(200);
    // Every event the platform sends, in Vietnamese and in English.
    const templates = Object.keys(EVENTS).length * 2;
    expect(list.headers['content-range']).toBe(`notification-templates 0-${templates - 1}/${templates}`);
    const preview = await request(app)
      .post('/api/admin/notification-templates/case_received.vi/preview')
      .set('Cookie', admin)
      .send({ variables: { trackingCode: 'HT-2612-ĐẶC' } })
      .expect(200);
    expect(preview.body.subject).toBe('Đã tiếp nhận phản ánh HT-2612-ĐẶC');
    expect(preview.body.html).toContain('<a href="https://phananh.hatinh.gov.vn/track/HT-2612-7K3Q">');

    await request(app)
      .put('/api/admin/notification-templates/case_received.vi')
      .set('Cookie', admin)
      .send({ subject: 'Mã {{trackingKode}}', body: 'x', shortBody: 'y' })
      .expect(422);
    await request(app)
      .put('/api/admin/notification-templates/case_received.vi')
      .set('Cookie', await as('operator'))
      .send({ subject: 'Mã {{trackingCode}}', body: 'x', shortBody: 'y' })
      .expect(403);
    const saved = await request(app)
      .put('/api/admin/notification-templates/case_received.vi')
      .set('Cookie', admin)
      .send({
        subject: 'Tiếp nhận: {{trackingCode}}',
        body: 'Cảm ơn Ông/Bà. {{link}}',
        shortBody: 'HT: {{trackingCode}}',
      })
      .expect(200);
    expect(saved.body).toMatchObject({ edited: true, subject: 'Tiếp nhận: {{trackingCode}}' });
    const shown = await request(app)
      .post('/api/admin/notification-templates/case_received.vi/preview')
      .set('Cookie', admin)
      .send({})
      .expect(200);
    expect(shown.body.subject).toBe('Tiếp nhận: HT-2612-7K3Q');
    const reset = await request(app)
      .delete('/api/admin/notification-templates/case_received.vi')
      .set('Cookie', admin)
      .expect(200);
    expect(reset.body).toMatchObject({ edited: false, subject: 'Đã tiếp nhận phản ánh {{trackingCode}}' });
    await request(app).get('/api/admin/notification-templates/nothing.vi').set('Cookie', admin).expect(404);
  });
});

describe("the officials' live notifications", () => {
  it('streams a new notification and the unread count to its official within seconds', async () => {
    const username = '18073.officer';
    const cookie = await as(username);
    const officer = await db.user.findUniqueOrThrow({ where: { username } });
    await request(app).post('/api/admin/notifications/read-all').set('Cookie', cookie).expect(200);

    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const received: string[] = [];
    const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .get(
          {
            host: '127.0.0.1',
            port: (server.address() as AddressInfo).port,
            path: '/api/admin/notifications/stream',
            headers: { Cookie: cookie, Accept: 'text/event-stream' },
          },
          resolve,
        )
        .on('error', reject),
    );
    try {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => received.push(chunk));
      await eventually(async () => expect(received.join('')).toContain('event: unread\ndata: {"count":0}'));

      const caseId = randomUUID();
      await notifyOfficials(db, {
        caseId,
        key: 'stream-test',
        event: 'task_assigned',
        audience: { userIds: [officer.id] },
        params: { trackingCode: 'HT-2612-LIVE', step: 'process', due: '2026-12-08T09:30:00.000Z' },
      });
      const text = await eventually(
        async () => {
          const all = received.join('');
          expect(all).toContain('event: notification');
          expect(all).toContain('event: unread\ndata: {"count":1}');
          return all;
        },
        { timeoutMs: 5_000 },
      );
      const event = JSON.parse(/event: notification\ndata: (.*)\n/.exec(text)![1]!);
      expect(event).toMatchObject({
        caseId,
        event: 'task_assigned',
        subject: 'Được giao xử lý HT-2612-LIVE',
        body: 'Bạn được giao xử lý phản ánh HT-2612-LIVE, hạn 16:30 08/12/2026.',
        readAt: null,
      });

      const count = await request(app).get('/api/admin/notifications/unread-count').set('Cookie', cookie).expect(200);
      expect(count.body).toEqual({ count: 1 });
      await request(app)
        .post('/api/admin/notifications/read-all')
        .set('Cookie', cookie)
        .expect(200, { marked: 1, unread: 0 });
      await eventually(async () =>
        expect(received.join('')).toMatch(/"count":1}[\s\S]*event: unread\ndata: \{"count":0\}/),
      );
    } finally {
      response.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses the stream without a session', async () => {
    await request(app).get('/api/admin/notifications/stream').expect(401);
  });
});
