/**
 * Area alerts end to end below the portal: a commune's reports screened and resolved through the
 * real workflow become AreaAlertEvents, the area digest gathers a window's events into one message
 * per subscription, and the senders deliver it: Web Push to a local push service that checks the
 * VAPID signature and decrypts the aes128gcm payload (410: the subscription ends), Zalo through a
 * local ZNS API (error codes permanent or retried). Plus the subscription API: Web Push at once,
 * the manage link, the push services allowed.
 */
import type { Express } from 'express';
import request from 'supertest';
import webPush from 'web-push';
import { createApp } from '../api/app';
import { createAreaDigests } from '../notifications/area-digests';
import { createDispatcher } from '../notifications/dispatcher';
import { createWebPushSender } from '../notifications/web-push-sender';
import { createZaloZnsSender } from '../notifications/zalo-zns-sender';
import { CaseDriver, officials } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { eventually } from './support/eventually';
import { startFakePushService } from './support/fake-push-service';
import { startFakeZalo } from './support/fake-zalo';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const BASE = 'https://phananh.hatinh.test';
/** Communes no other suite reports in: this suite's digests are its own. */
const COMMUNE = '18739';
const OTHER_COMMUNE = '18748';
const vapid = webPush.generateVAPIDKeys();
const config = testConfig({
  PUBLIC_BASE_URL: BASE,
  WEB_PUSH_VAPID_PUBLIC_KEY: vapid.publicKey,
  WEB_PUSH_VAPID_PRIVATE_KEY: vapid.privateKey,
  WEB_PUSH_VAPID_SUBJECT: 'mailto:ioc@hatinh.gov.vn',
  WEB_PUSH_SERVICE_HOSTS: '127.0.0.1',
});
const api = apiDependencies(config);
const { db, temporal } = api.deps;
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
let push: Awaited<ReturnType<typeof startFakePushService>>;
const digests = createAreaDigests({ db, publicBaseUrl: BASE }, { windowMs: 1_000 });

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  push = await startFakePushService();
});
afterAll(async () => {
  await push.close();
  await worker.stop();
  await api.close();
});

const pushSender = () =>
  createWebPushSender({
    db,
    vapid: { ...vapid, subject: 'mailto:ioc@hatinh.gov.vn' },
    serviceHosts: ['127.0.0.1'],
  });

/** Sends exactly these outbox rows (other suites' rows stay for their own senders). */
async function deliver(keys: string[], senders: Parameters<typeof createDispatcher>[0]['senders']) {
  const dispatcher = createDispatcher({ db, senders }, { keyPrefixes: keys, retryBaseMs: 60_000 });
  while ((await dispatcher.runOnce()) > 0);
}

/** Digests until one has written a message to `recipient`; returns that recipient's area messages. */
async function digestFor(recipient: string) {
  return eventually(
    async () => {
      await digests.runOnce();
      const rows = await db.notification.findMany({ where: { recipient, event: 'area_reports' } });
      expect(rows.length).toBeGreaterThan(0);
      return rows;
    },
    { timeoutMs: 20_000, intervalMs: 300 },
  );
}

async function subscribePush(body: Record<string, unknown> = {}) {
  const browser = push.subscribe();
  const answer = await request(app)
    .post('/api/v1/subscriptions')
    .send({
      channel: 'web_push',
      address: browser.endpoint,
      keys: browser.keys,
      communeCodes: [COMMUNE],
      topics: ['report_new', 'report_resolved'],
      ...body,
    })
    .expect(201);
  expect(answer.body).toEqual({ status: 'subscribed', token: expect.any(String) });
  return { browser, token: answer.body.token as string };
}

describe('subscribing', () => {
  it('gives the VAPID public key browsers subscribe with', async () => {
    await request(app).get('/api/v1/push/public-key').expect(200, { publicKey: vapid.publicKey });
  });

  it('refuses a push endpoint outside the allowed push services, and one without keys', async () => {
    const browser = push.subscribe();
    const elsewhere = await request(app)
      .post('/api/v1/subscriptions')
      .set('Accept-Language', 'vi')
      .send({ channel: 'web_push', address: 'https://10.1.2.3/push/x', keys: browser.keys })
      .expect(422);
    expect(elsewhere.body.error.fields.address.code).toBe('push_service_not_allowed');
    expect(elsewhere.body.error.fields.address.message).toBe(
      'Dịch vụ thông báo đẩy của trình duyệt này không được hỗ trợ.',
    );
    const keyless = await request(app)
      .post('/api/v1/subscriptions')
      .send({ channel: 'web_push', address: browser.endpoint })
      .expect(422);
    expect(keyless.body.error.fields.keys.code).toBe('push_keys_required');
  });

  it('lets the holder of the token see and change what they receive, not after unsubscribing', async () => {
    const { token } = await subscribePush();
    const seen = await request(app).get(`/api/v1/subscriptions/manage?token=${token}`).expect(200);
    expect(seen.body).toEqual({
      channel: 'web_push',
      address: new URL(push.origin).host,
      communeCodes: [COMMUNE],
      topics: ['report_new', 'report_resolved'],
      kinds: [],
      language: 'vi',
      state: 'confirmed',
    });
    const changed = await request(app)
      .put(`/api/v1/subscriptions/manage?token=${token}`)
      .send({ communeCodes: [OTHER_COMMUNE], topics: ['announcements'], kinds: ['disaster'], language: 'en' })
      .expect(200);
    expect(changed.body).toMatchObject({ communeCodes: [OTHER_COMMUNE], topics: ['announcements'], language: 'en' });
    await request(app)
      .put(`/api/v1/subscriptions/manage?token=${token}`)
      .send({ communeCodes: ['99999'], topics: ['announcements'] })
      .expect(422);
    await request(app).post(`/api/v1/subscriptions/unsubscribe?token=${token}`).expect(200);
    await request(app)
      .put(`/api/v1/subscriptions/manage?token=${token}`)
      .send({ topics: ['announcements'] })
      .expect(409);
    await request(app).get('/api/v1/subscriptions/manage?token=not-a-token').expect(404);
  });

  it('asks an email subscriber to confirm, with the manage link in the message', async () => {
    const address = `area.${Date.now()}@example.vn`;
    await request(app)
      .post('/api/v1/subscriptions')
      .send({ channel: 'email', address, communeCodes: [COMMUNE], topics: ['report_resolved'] })
      .expect(202, { status: 'confirmation_sent' });
    const confirmation = await db.notification.findFirstOrThrow({ where: { recipient: address } });
    expect(confirmation.body).toContain('phản ánh đã có kết quả');
    expect(confirmation.body).toMatch(new RegExp(`${BASE}/alerts\\?token=\\S+`));
  });
});

describe('reports of the area, by Web Push', () => {
  it('sends one digest for the reports of a window, decrypted by the push service, opening the report', async () => {
    const { browser } = await subscribePush();
    const { browser: elsewhere } = await subscribePush({ communeCodes: [OTHER_COMMUNE] });
    const { browser: announcementsOnly } = await subscribePush({ topics: ['announcements'] });
    const people = await officials(db, ['operator']);

    // Two reports of the commune screened by the IOC in one window: one message, both listed.
    const report = { location: { lat: 18.34, lng: 105.9, address: 'Thôn Trung', communeCode: COMMUNE } };
    const first = await CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE, report);
    const second = await CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE, report);
    await first.complete('verify', 'accept', {}, people.operator!);
    await second.complete('verify', 'accept', {}, people.operator!);
    await first.quiet((s) => s.step !== 'verify');
    await second.quiet((s) => s.step !== 'verify');
    const events = await db.areaAlertEvent.findMany({ where: { caseId: { in: [first.caseId, second.caseId] } } });
    expect(events.map((e) => [e.topic, e.communeCode])).toEqual([
      ['report_new', COMMUNE],
      ['report_new', COMMUNE],
    ]);

    // Both in one window (an hour's, closed): as if screened an hour ago.
    await db.areaAlertEvent.updateMany({
      where: { id: { in: events.map((e) => e.id) } },
      data: { createdAt: new Date(Date.now() - 3_600_000) },
    });
    const hourly = createAreaDigests({ db, publicBaseUrl: BASE }, { windowMs: 3_600_000 });
    await hourly.runOnce();
    const rows = await db.notification.findMany({ where: { recipient: browser.endpoint, event: 'area_reports' } });
    expect(rows).toHaveLength(1);
    // Nothing more: the events were taken by that digest.
    await hourly.runOnce();
    await digests.runOnce();
    expect(await db.notification.count({ where: { recipient: browser.endpoint, event: 'area_reports' } })).toBe(1);
    expect(await db.notification.count({ where: { recipient: elsewhere.endpoint } })).toBe(0);
    expect(await db.notification.count({ where: { recipient: announcementsOnly.endpoint } })).toBe(0);

    await deliver([rows[0]!.dedupeKey], { web_push: pushSender() });
    const delivered = push.received.filter((r) => r.endpoint === browser.endpoint);
    expect(delivered).toHaveLength(1);
    const [message] = delivered;
    expect(message!.payload.title).toBe('Phản ánh trên địa bàn: 2 phản ánh mới');
    expect(message!.payload.url).toBe(`${BASE}/feed`);
    expect(message!.payload.body).toBe(`Hà Tĩnh: 2 phản ánh mới trên địa bàn theo dõi. Xem: ${BASE}/feed`);
    expect(message!.claims.aud).toBe(push.origin);
    expect(message!.claims.sub).toBe('mailto:ioc@hatinh.gov.vn');
    expect(message!.vapidKey).toBe(vapid.publicKey);
    expect(message!.headers.ttl).toBe('86400');
    expect(push.refused).toEqual([]);
    expect(await db.notification.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({ state: 'sent' });
  }, 90_000);

  it('alerts a resolved report with a link to its tracking page; 410 from the push service ends the subscription', async () => {
    const { browser } = await subscribePush({ topics: ['report_resolved'] });
    const { browser: gone } = await subscribePush({ topics: ['report_resolved'] });
    const report = { location: { lat: 18.34, lng: 105.9, address: 'Thôn Hạ', communeCode: COMMUNE } };
    const resolved = await CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE, report);
    await walkCase(resolved, db);
    await resolved.quiet((s) => s.status === 'closed', 30_000);

    const rows = await digestFor(browser.endpoint);
    const goneRows = await digestFor(gone.endpoint);
    gone.unsubscribe();
    await deliver([rows[0]!.dedupeKey, goneRows[0]!.dedupeKey], { web_push: pushSender() });

    const [message] = push.received.filter((r) => r.endpoint === browser.endpoint);
    expect(message!.payload).toMatchObject({
      title: 'Phản ánh trên địa bàn: 1 phản ánh đã có kết quả',
      url: `${BASE}/track/${resolved.trackingCode}`,
    });
    const failed = await db.notification.findUniqueOrThrow({ where: { id: goneRows[0]!.id } });
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('410');
    const ended = await db.subscription.findFirstOrThrow({ where: { address: gone.endpoint } });
    expect(ended.unsubscribedAt).not.toBeNull();
  }, 120_000);
});

describe('Zalo through ZNS', () => {
  it('sends the template with the phone in 84 form and the dedupe key as tracking_id; maps the error codes', async () => {
    const zalo = await startFakeZalo('zns-token', (phone) =>
      phone.endsWith('0108') ? -108 : phone.endsWith('0124') ? -124 : 0,
    );
    try {
      const stamp = String(Date.now()).slice(-4);
      // The last four digits choose the fake's answer.
      const phones = [`091${stamp}0001`, `091${stamp}0108`, `091${stamp}0124`];
      for (const phone of phones)
        await request(app)
          .post('/api/v1/subscriptions')
          .send({ channel: 'zalo', address: phone, communeCodes: [COMMUNE], topics: ['report_new'] })
          .expect(202);
      const rows = await db.notification.findMany({ where: { channel: 'zalo', recipient: { in: phones } } });
      expect(rows).toHaveLength(3);
      const sender = createZaloZnsSender({ url: zalo.url, accessToken: 'zns-token', templateId: '231456' });
      await deliver(
        rows.map((r) => r.dedupeKey),
        { zalo: sender },
      );

      const ok = zalo.received.find((r) => r.body.phone === `84${phones[0]!.slice(1)}`)!;
      expect(ok.accessToken).toBe('zns-token');
      const okRow = rows.find((r) => r.recipient === phones[0])!;
      expect(ok.body).toEqual({
        phone: `84${phones[0]!.slice(1)}`,
        template_id: '231456',
        template_data: { title: okRow.subject, content: okRow.body },
        tracking_id: okRow.dedupeKey,
      });
      expect(ok.body.template_data.content).toMatch(/\/api\/v1\/subscriptions\/confirm\?token=/);
      const state = async (phone: string) =>
        db.notification.findFirstOrThrow({ where: { channel: 'zalo', recipient: phone } });
      expect(await state(phones[0]!)).toMatchObject({ state: 'sent' });
      // -108: the number can never receive it; -124: an expired token, retried after the back-off.
      expect(await state(phones[1]!)).toMatchObject({ state: 'failed' });
      expect((await state(phones[1]!)).lastError).toContain('-108');
      expect(await state(phones[2]!)).toMatchObject({ state: 'pending', attempts: 1 });
      expect((await state(phones[2]!)).lastError).toContain('-124');
    } finally {
      await zalo.close();
    }
  });
});
