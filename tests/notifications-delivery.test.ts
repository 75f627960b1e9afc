/**
 * The outbox's sender (notifications/dispatcher.ts) against a real SMTP server and an HTTP
 * gateway in this process: Vietnamese intact, exactly one message per row even when senders
 * race, a sender that dies between sending and recording re-sends at most once and with the same
 * Message-ID, an SMTP outage is waited out, and what cannot be sent is failed visibly.
 * Each test's rows carry a key prefix of their own, and its senders take only those (other suites
 * share the database).
 */
import { randomUUID } from 'node:crypto';
import { createDispatcher, type DispatcherOptions } from '../notifications/dispatcher';
import { createEmailSender, messageIdFor } from '../notifications/email-sender';
import { createHttpGatewaySender } from '../notifications/http-gateway-sender';
import type { Senders } from '../notifications/channels';
import { createDb } from '../platform/db';
import { eventually } from './support/eventually';
import { startGatewaySink, startMailbox, type Mailbox } from './support/notification-sinks';
import { testConfig } from './support/platform';

const config = testConfig();
const { db } = createDb({ url: config.DATABASE_URL });
const FROM = '"Phản ánh hiện trường Hà Tĩnh" <no-reply@hatinh.gov.vn>';
let mailbox: Mailbox;
let email: ReturnType<typeof createEmailSender>;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  mailbox = await startMailbox();
  // The product's own timeout: a shorter one ran out on a loaded machine while the mailbox was still
  // reading a message it then kept, and the retry was a second copy (SMTP cannot tell; by design).
  // The outage below is a refused connection, at once whatever the timeout.
  email = createEmailSender({ smtpUrl: mailbox.url, from: FROM });
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});
afterAll(async () => {
  email.close();
  await mailbox.stop();
  await db.$disconnect();
});

const FAST: DispatcherOptions = { pollMs: 20, retryBaseMs: 100, leaseMs: 1_000, maxAttempts: 5 };

function dispatcher(prefix: string, senders: Senders, options: DispatcherOptions = {}) {
  const d = createDispatcher({ db, senders }, { ...FAST, keyPrefixes: [prefix], ...options });
  return d;
}

function running(d: ReturnType<typeof dispatcher>) {
  d.start();
  stops.push(() => d.stop());
  return d;
}

async function outboxRow(prefix: string, overrides: { channel?: 'email' | 'sms' | 'zalo'; recipient?: string } = {}) {
  return db.notification.create({
    data: {
      dedupeKey: `${prefix}:${randomUUID()}`,
      event: 'case_received',
      channel: overrides.channel ?? 'email',
      recipient: overrides.recipient ?? `${randomUUID().slice(0, 8)}@example.vn`,
      recipientKind: 'citizen',
      locale: 'vi',
      subject: 'Đã tiếp nhận phản ánh HT-2612-ĐỨC: “Rác thải” & <b>ổ gà</b>',
      body: 'Kính gửi Ông/Bà Nguyễn Thị Hồng Nhung,\n\nPhản ánh về đường Hà Huy Tập đã được tiếp nhận.\n\nTheo dõi tại: https://phananh.hatinh.gov.vn/reports/HT-2612-7K3Q?a=1&b=2',
    },
  });
}

const state = (id: string) => db.notification.findUniqueOrThrow({ where: { id } });

describe('email over SMTP', () => {
  it('delivers subject and body with their Vietnamese diacritics intact, text and escaped HTML', async () => {
    const prefix = `t-${randomUUID()}`;
    const row = await outboxRow(prefix);
    await dispatcher(prefix, { email: email.send }).runOnce();

    expect(await state(row.id)).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    const [mail, ...more] = mailbox.to(row.recipient);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(row.subject);
    expect(mail!.text?.trim()).toBe(row.body);
    expect(mail!.from?.value[0]).toEqual({ address: 'no-reply@hatinh.gov.vn', name: 'Phản ánh hiện trường Hà Tĩnh' });
    expect(mail!.html).toContain('Nguyễn Thị Hồng Nhung');
    expect(mail!.html).not.toContain('<b>');
    expect(mail!.html).toContain(
      '<a href="https://phananh.hatinh.gov.vn/reports/HT-2612-7K3Q?a=1&amp;b=2">https://phananh.hatinh.gov.vn/reports/HT-2612-7K3Q?a=1&amp;b=2</a>',
    );
    expect(mail!.messageId).toBe(messageIdFor(row.dedupeKey, FROM));
  });

  it('never lets two senders take the same row: each of 40 messages arrives once', async () => {
    const prefix = `t-${randomUUID()}`;
    const rows = await Promise.all(Array.from({ length: 40 }, () => outboxRow(prefix)));
    // Leases longer than the run: this is about two senders claiming at once, not about a lease that
    // runs out while its batch is sent (FAST's 1 s did, on a loaded machine: a second copy).
    const options = { batchSize: 7, leaseMs: 120_000 };
    const senders = [1, 2, 3].map(() => dispatcher(prefix, { email: email.send }, options));
    await Promise.all(
      senders.map(async (d) => {
        while ((await d.runOnce()) > 0);
      }),
    );
    for (const row of rows) expect(mailbox.to(row.recipient)).toHaveLength(1);
    const states = await db.notification.groupBy({
      by: ['state', 'attempts'],
      where: { dedupeKey: { startsWith: prefix } },
      _count: true,
    });
    expect(states).toEqual([{ state: 'sent', attempts: 1, _count: 40 }]);
  });

  it('re-sends at most once, with the same Message-ID, when the sender dies between sending and recording', async () => {
    const prefix = `t-${randomUUID()}`;
    const row = await outboxRow(prefix);
    // The first sender "dies" right after the SMTP server accepted the mail: it never records it.
    let died!: () => void;
    const dying = new Promise<void>((resolve) => (died = resolve));
    const first = dispatcher(
      prefix,
      { email: email.send },
      { afterSend: () => (died(), new Promise(() => undefined)) },
    );
    void first.runOnce();
    await dying;
    expect(await state(row.id)).toMatchObject({ state: 'sending', attempts: 1 });
    expect(mailbox.to(row.recipient)).toHaveLength(1);

    // Another sender (the restarted worker) takes the row once its lease (1 s) is over, not before.
    const second = running(dispatcher(prefix, { email: email.send }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.to(row.recipient)).toHaveLength(1);
    await eventually(async () => expect(await state(row.id)).toMatchObject({ state: 'sent', attempts: 2 }));
    await second.stop();

    const copies = mailbox.to(row.recipient);
    expect(copies).toHaveLength(2); // SMTP cannot know it had the message: minimised, not zero
    expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([messageIdFor(row.dedupeKey, FROM)]));
    // And nothing more, however long the senders run.
    const third = running(dispatcher(prefix, { email: email.send }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await third.stop();
    expect(mailbox.to(row.recipient)).toHaveLength(2);
  });

  it('waits out an SMTP outage with growing delays and delivers the mail once the server is back', async () => {
    const prefix = `t-${randomUUID()}`;
    await mailbox.stop();
    try {
      const row = await outboxRow(prefix);
      running(dispatcher(prefix, { email: email.send }, { retryBaseMs: 200, maxAttempts: 20 }));
      const pending = await eventually(async () => {
        const r = await state(row.id);
        expect(r).toMatchObject({ state: 'pending' });
        expect(r.attempts).toBeGreaterThanOrEqual(2);
        return r;
      });
      expect(pending.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
      // The second retry waits about twice as long as the first.
      expect(pending.nextAttemptAt!.getTime() - pending.updatedAt.getTime()).toBeGreaterThanOrEqual(350);
      expect(mailbox.to(row.recipient)).toHaveLength(0);

      await mailbox.start();
      const sent = await eventually(async () => {
        const r = await state(row.id);
        expect(r).toMatchObject({ state: 'sent', lastError: null });
        return r;
      });
      expect(sent.attempts).toBeGreaterThanOrEqual(3);
      expect(mailbox.to(row.recipient)).toHaveLength(1);
    } finally {
      await mailbox.start(); // if an assertion failed while it was stopped
    }
  });

  it('fails a message after its last attempt, keeping the error for administrators', async () => {
    const prefix = `t-${randomUUID()}`;
    const row = await outboxRow(prefix);
    const broken = createEmailSender({ smtpUrl: 'smtp://127.0.0.1:9', from: FROM, timeoutMs: 500 });
    running(dispatcher(prefix, { email: broken.send }, { retryBaseMs: 10, maxAttempts: 3 }));
    await eventually(async () => expect(await state(row.id)).toMatchObject({ state: 'failed', attempts: 3 }));
    expect((await state(row.id)).lastError).toBeTruthy();
    broken.close();
  });
});

describe('SMS and Zalo through an HTTP gateway', () => {
  it('posts { to, text, idempotencyKey } with the key as Idempotency-Key and a Bearer token', async () => {
    const sink = await startGatewaySink();
    stops.push(sink.close);
    const prefix = `t-${randomUUID()}`;
    const row = await outboxRow(prefix, { channel: 'sms', recipient: '0912345678' });
    const sms = createHttpGatewaySender({ url: sink.url, token: 'secret-token' });
    await dispatcher(prefix, { sms }).runOnce();
    expect(await state(row.id)).toMatchObject({ state: 'sent' });
    expect(sink.received).toHaveLength(1);
    const [request] = sink.received;
    expect(request!.body).toEqual({ to: '0912345678', text: row.body, idempotencyKey: row.dedupeKey });
    expect(request!.headers['idempotency-key']).toBe(row.dedupeKey);
    expect(request!.headers.authorization).toBe('Bearer secret-token');
  });

  it('retries a gateway error, but fails at once a number the gateway refuses (4xx)', async () => {
    let calls = 0;
    const sink = await startGatewaySink((r) => (r.body.to === '000' ? 422 : ++calls < 3 ? 503 : 202));
    stops.push(sink.close);
    const prefix = `t-${randomUUID()}`;
    const good = await outboxRow(prefix, { channel: 'zalo', recipient: 'zalo-user-1' });
    const refused = await outboxRow(prefix, { channel: 'zalo', recipient: '000' });
    running(dispatcher(prefix, { zalo: createHttpGatewaySender({ url: sink.url }) }));
    await eventually(async () => expect(await state(good.id)).toMatchObject({ state: 'sent', attempts: 3 }));
    expect(await state(refused.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await state(refused.id)).lastError).toMatch(/422/);
  });

  it('fails the messages of a channel this process is not configured for, saying which setting is missing', async () => {
    const prefix = `t-${randomUUID()}`;
    const row = await outboxRow(prefix, { channel: 'sms', recipient: '0912345678' });
    await dispatcher(prefix, {}).runOnce();
    expect(await state(row.id)).toMatchObject({
      state: 'failed',
      lastError: 'channel not configured (SMS_GATEWAY_URL)',
    });
  });
});
