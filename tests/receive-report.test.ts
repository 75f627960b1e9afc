/**
 * The receipt's activity (activities/receive-report.ts) over the seeded database: the case, its
 * first timeline entry and the reporter's acknowledgement are written together, with the settings
 * and verify's deadlines returned beside the receipt; a retry (a worker that died after the commit)
 * gets the same receipt and writes nothing more; a broken policy does not hold the receipt back.
 * Other suites share the database: this one adds cases with random ids, and a category and a
 * policy of its own, and deletes them afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CaseSettings } from '../activities';
import { receiveReport, type ReceiveReportDependencies, type ReceiveReportInput } from '../activities/receive-report';
import { createCalendarSource } from '../activities/working-calendars';
import type { ReportCommand } from '../domain/report-command';
import { messageLinks } from '../notifications/links';
import { createDb, type Db } from '../platform/db';
import { REPORT } from './support/case-driver';

const SETTINGS: CaseSettings = {
  ratingWindowDays: 7,
  infoRequestWorkingDays: 5,
  reviewRatingAtMost: 2,
  ratingReminderFraction: 0.5,
};
const brokenCategory = `test-receipt-${randomBytes(4).toString('hex')}`;
const caseIds: string[] = [];
let db: Db;
let pool: Pool;
let deps: ReceiveReportDependencies;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error('Run this suite through `npm test`, which prepares DATABASE_URL.');
  ({ db, pool } = createDb({ url: process.env.DATABASE_URL, poolSize: 4 }));
  deps = {
    db,
    trackingCodePrefix: 'HT',
    settings: SETTINGS,
    publicBaseUrl: 'https://phananh.hatinh.test',
    scheduling: { db, calendars: createCalendarSource(db, { ttlMs: 0 }), ttlMs: 0 },
    cache: { ttlMs: 0 },
  };
  await db.category.create({
    data: { code: brokenCategory, nameVi: 'Thử biên nhận', nameEn: 'Receipt test', icon: 'bar_chart', group: 'test' },
  });
  // verify's policy for this category, edited by hand into nonsense: no such escalation target.
  await db.slaPolicy.create({
    data: {
      step: 'verify',
      categoryCode: brokenCategory,
      durationAmount: 4,
      durationUnit: 'hours',
      escalations: [{ level: 1, afterWorkingHours: 0, notify: 'mayor' }],
    },
  });
});

afterAll(async () => {
  await db.case.deleteMany({ where: { id: { in: caseIds } } });
  await db.slaPolicy.deleteMany({ where: { categoryCode: brokenCategory } });
  await db.category.deleteMany({ where: { code: brokenCategory } });
  await db?.$disconnect();
  await pool?.end();
});

/** A report as the workflow hands it over: verify starts on Friday 04/12/2026 at 11:00 in Hà Tĩnh. */
function receipt(report: ReportCommand = REPORT): ReceiveReportInput {
  const caseId = randomUUID();
  caseIds.push(caseId);
  return {
    report: {
      caseId,
      report,
      fingerprint: `fingerprint-${caseId}`,
      channel: 'test',
      receivedAt: new Date().toISOString(),
    },
    reporterNotice: { key: '0:0:received', event: 'case_received', locale: 'vi' },
    firstStep: {
      step: 'verify',
      categoryCode: report.categoryCode,
      level: report.level,
      startedAt: '2026-12-04T04:00:00.000Z',
    },
  };
}

async function written(caseId: string) {
  const [cases, entries, notifications] = await Promise.all([
    db.case.findMany({ where: { id: caseId }, select: { trackingCode: true, status: true, communeCode: true } }),
    db.caseTimelineEntry.findMany({ where: { caseId }, select: { seq: true, kind: true } }),
    db.notification.findMany({
      where: { caseId },
      select: { dedupeKey: true, event: true, channel: true, recipient: true, subject: true, body: true },
      orderBy: { dedupeKey: 'asc' },
    }),
  ]);
  return { cases, entries, notifications };
}

it("records the case with its first entry and the reporter's acknowledgement, and returns what verify needs", async () => {
  const input = receipt();
  const caseId = input.report.caseId;
  const received = await receiveReport(deps, input);

  expect(received.receipt).toEqual({
    id: caseId,
    trackingCode: expect.stringMatching(/^HT-\d{4}-[A-Z0-9]{4}$/),
    status: 'received',
    fingerprint: `fingerprint-${caseId}`,
  });
  expect(received.communeCode).toBe('18073');
  expect(received.settings).toEqual(SETTINGS);
  // verify (4 working hours) from Friday 11:00: 0.5 h before lunch, 3.5 h after → Friday 17:00.
  expect(received.firstStep).toMatchObject({ due: '2026-12-04T10:00:00.000Z', remindAt: '2026-12-04T09:00:00.000Z' });
  expect(await written(caseId)).toEqual({
    cases: [{ trackingCode: received.receipt.trackingCode, status: 'received', communeCode: '18073' }],
    entries: [{ seq: 0, kind: 'received' }],
    notifications: [
      {
        dedupeKey: `${caseId}:0:0:received:sms`,
        event: 'case_received',
        channel: 'sms',
        recipient: '0912345678',
        // Filled from the row the receipt has just written (no second read of the case).
        subject: `Đã tiếp nhận phản ánh ${received.receipt.trackingCode}`,
        body:
          `Hà Tĩnh: Đã tiếp nhận phản ánh, mã ${received.receipt.trackingCode}. ` +
          `Theo dõi: ${messageLinks(deps.publicBaseUrl).citizenCase(received.receipt.trackingCode)}`,
      },
    ],
  });
});

it('a retry after the commit gets the same receipt and writes nothing more', async () => {
  const input = receipt();
  const first = await receiveReport(deps, input);
  const before = await written(input.report.caseId);
  const again = await receiveReport(deps, input);
  expect(again).toEqual(first);
  expect(await written(input.report.caseId)).toEqual(before);
});

it('a policy verify cannot be scheduled by leaves verify to schedule itself, and the receipt goes out', async () => {
  const input = receipt({ ...REPORT, categoryCode: brokenCategory });
  const received = await receiveReport(deps, input);
  expect(received.firstStep).toBeNull();
  expect(received.receipt.status).toBe('received');
  expect((await written(input.report.caseId)).cases).toHaveLength(1);
});
