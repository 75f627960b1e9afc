/**
 * The reporter's notifications from the case workflow (activities/notify-reporter.ts), end to
 * end: every event of a case yields exactly one outbox row per channel the reporter gave (email,
 * SMS), in their language, none for an anonymous report; a retried activity adds nothing; and
 * the sender delivers each exactly once, Vietnamese intact. The rating window is a few seconds
 * here, so the reminder (at half of it) is seen for real.
 */
import { randomUUID } from 'node:crypto';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities, type CaseSettings } from '../activities';
import { createEmailSender } from '../notifications/email-sender';
import { createDispatcher } from '../notifications/dispatcher';
import { createHttpGatewaySender } from '../notifications/http-gateway-sender';
import { createWorker } from '../worker/create-worker';
import { CaseDriver, officials } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { eventually } from './support/eventually';
import { startGatewaySink, startMailbox, type Mailbox } from './support/notification-sinks';
import { apiDependencies, bundleWorkflows, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const { db, temporal } = api.deps;
const BASE = 'https://phananh.hatinh.test';
const SETTINGS: CaseSettings = {
  ratingWindowDays: 6 / 86_400, // six seconds
  infoRequestWorkingDays: 5,
  reviewRatingAtMost: 2,
  ratingReminderFraction: 0.5,
};
let worker: Worker;
let running: Promise<void>;
let connection: NativeConnection;
let mailbox: Mailbox;
let people: Record<string, string>;

beforeAll(async () => {
  const workflowBundle = await bundleWorkflows(); // first: it installs the SDK's runtime
  connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    payloadKeys: config.TEMPORAL_PAYLOAD_KEYS,
    dependencies: { db, trackingCodePrefix: 'HT', settings: SETTINGS, publicBaseUrl: BASE },
    shutdownGraceTime: '2 seconds',
  });
  running = worker.run();
  mailbox = await startMailbox();
  people = await officials(db, ['operator', '18073.leader', '18073.officer']);
});
afterAll(async () => {
  worker.shutdown();
  await running;
  await connection.close();
  await mailbox.stop();
  await api.close();
});

const start = (reporter: Record<string, string> | undefined) =>
  CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE, { reporter } as never);

async function rowsOf(caseId: string) {
  return db.notification.findMany({
    where: { caseId, recipientKind: 'citizen' },
    orderBy: { createdAt: 'asc' },
  });
}

/** "event/channel" for each row, sorted. */
const summary = (rows: { event: string; channel: string }[]) => rows.map((r) => `${r.event}/${r.channel}`).sort();

const EVENTS = [
  'case_received',
  'info_requested',
  'case_accepted',
  'reply_published',
  'rating_reminder',
  'case_closed',
];

it('tells the reporter of every step by email and SMS, once each, and delivers each once', async () => {
  const email = `nguyen.thi.hoa.${randomUUID().slice(0, 6)}@example.vn`;
  const c = await start({ name: 'Nguyễn Thị Hoa', phone: '0912 345 678', email });

  await walkCase(c, db, { until: 'verify' });
  await c.complete('verify', 'request_info', { question: 'Xin cho biết số nhà gần nhất?' }, people.operator!);
  await c.settled((s) => s.status === 'info_requested');
  await c.supplyInfo('Trước số nhà 25 đường Hà Huy Tập');
  await walkCase(c, db, { until: 'approve' });
  await c.complete('approve', 'approve', {}, people['18073.leader']!);
  await c.settled((s) => s.step === 'rate');
  // Not rated at half of the window: the reminder.
  await eventually(async () => expect(summary(await rowsOf(c.caseId))).toContain('rating_reminder/sms'), {
    timeoutMs: 15_000,
  });
  await c.rate(5);
  await c.handle.result();

  const rows = await rowsOf(c.caseId);
  expect(summary(rows)).toEqual(EVENTS.flatMap((e) => [`${e}/email`, `${e}/sms`]).sort());
  expect(new Set(rows.map((r) => r.recipient))).toEqual(new Set([email, '0912345678']));
  const byEvent = Object.fromEntries(rows.filter((r) => r.channel === 'email').map((r) => [r.event, r]));
  expect(byEvent.case_received!.subject).toBe(`Đã tiếp nhận phản ánh ${c.trackingCode}`);
  expect(byEvent.case_received!.body).toContain(`${BASE}/reports/${c.trackingCode}`);
  expect(byEvent.info_requested!.body).toContain('"Xin cho biết số nhà gần nhất?"');
  expect(byEvent.case_accepted!.body).toContain('UBND');
  expect(byEvent.reply_published!.body).toContain('đơn vị đã kiểm tra hiện trường');
  expect(byEvent.case_closed!.subject).toBe(`Phản ánh ${c.trackingCode}: Đã hoàn thành`);
  const sms = rows.find((r) => r.channel === 'sms' && r.event === 'case_received')!;
  expect(sms.body).toBe(
    `Hà Tĩnh: Đã tiếp nhận phản ánh, mã ${c.trackingCode}. Theo dõi: ${BASE}/reports/${c.trackingCode}`,
  );

  // The activity retried (a worker that died after writing, before reporting): nothing new.
  const activities = createActivities({ db, trackingCodePrefix: 'HT', settings: SETTINGS, publicBaseUrl: BASE });
  const receipt = rows.find((r) => r.event === 'case_received' && r.channel === 'email')!; // same createdAt as the SMS row
  const key = receipt.dedupeKey.slice(c.caseId.length + 1, -':email'.length);
  expect(await activities.notifyReporter({ caseId: c.caseId, key, event: 'case_received' })).toBe(0);
  expect(await activities.notifyReporter({ caseId: c.caseId, key, event: 'case_received' })).toBe(0);
  expect(await rowsOf(c.caseId)).toHaveLength(rows.length);

  // Delivered: one mail per email row, one gateway request per SMS row, subjects intact.
  const sink = await startGatewaySink();
  const mail = createEmailSender({ smtpUrl: mailbox.url, from: 'Hà Tĩnh <no-reply@hatinh.gov.vn>' });
  const dispatcher = createDispatcher(
    { db, senders: { email: mail.send, sms: createHttpGatewaySender({ url: sink.url }) } },
    { keyPrefixes: [c.caseId] },
  );
  while ((await dispatcher.runOnce()) > 0);
  mail.close();
  await sink.close();
  expect((await rowsOf(c.caseId)).every((r) => r.state === 'sent')).toBe(true);
  const mails = mailbox.to(email);
  expect(mails.map((m) => m.subject).sort()).toEqual(
    rows
      .filter((r) => r.channel === 'email')
      .map((r) => r.subject)
      .sort(),
  );
  expect(sink.received.map((r) => r.body.to)).toEqual(Array(EVENTS.length).fill('0912345678'));
});

it('writes in English for a reporter who asked for it, and tells a rejection', async () => {
  const email = `reporter.${randomUUID().slice(0, 6)}@example.com`;
  const c = await start({ email, language: 'en' });
  await walkCase(c, db, { until: 'verify' });
  await c.complete('verify', 'reject', { reason: 'Nội dung không thuộc phạm vi tiếp nhận' }, people.operator!);
  await c.handle.result();
  const rows = await rowsOf(c.caseId);
  expect(summary(rows)).toEqual(['case_closed/email', 'case_received/email']);
  const closed = rows.find((r) => r.event === 'case_closed')!;
  expect(closed).toMatchObject({ locale: 'en', subject: `Report ${c.trackingCode}: Not accepted` });
  expect(closed.body).toContain('Nội dung không thuộc phạm vi tiếp nhận');
});

it('writes nothing for a reporter who gave no contact', async () => {
  const c = await start(undefined);
  await walkCase(c, db, { until: 'verify' });
  await c.complete('verify', 'reject', { reason: 'Nội dung không thuộc phạm vi tiếp nhận' }, people.operator!);
  await c.handle.result();
  expect(await rowsOf(c.caseId)).toEqual([]);
});
