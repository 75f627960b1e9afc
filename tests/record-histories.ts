/**
 * Records the histories tests/workflow-replay.test.ts replays: one case per representative path,
 * driven to its end on a real worker, its event history saved as tests/histories/encrypted/<scenario>.json,
 * its payloads encrypted as the platform's are, with the fixed test key RECORDED_PAYLOAD_KEYS.
 * Not a suite of `npm test`: it runs on demand, after an intentional change to the workflow
 * (workflows/README.md, "Recorded histories"):
 *
 *   RECORD_HISTORIES=1 npm test -- tests/record-histories
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import searchAttributes from '../workflows/search-attributes.json';
import { Prisma } from '../prisma/generated/client';
import { CaseDriver, officials, REPORT } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { square } from './support/geo';
import { historyToJSON } from '../platform/history-json';
import { parsePayloadKeys } from '../platform/config';
import { RECORDED_PAYLOAD_KEYS, testDataConverter } from './support/payload-keys';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { createTimeSkippingEnv } from './support/time-skipping';

const config = testConfig({ TEMPORAL_PAYLOAD_KEYS: RECORDED_PAYLOAD_KEYS });
const dataConverter = testDataConverter(parsePayloadKeys(RECORDED_PAYLOAD_KEYS));
const api = apiDependencies(config);
const { db, temporal } = api.deps;
const dir = path.join(__dirname, 'histories', 'encrypted');
const DAY = 86_400_000;
let worker: Awaited<ReturnType<typeof startWorker>>;
let people: Record<string, string>;
const start = (report = {}) => CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE, report);

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  worker = await startWorker(config, await bundleWorkflows());
  people = await officials(db, ['operator', 'supervisor', '18073.leader', '18073.officer']);
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

/** Waits for the workflow's end and saves its history. */
async function save(scenario: string, c: CaseDriver): Promise<void> {
  await c.handle.result();
  const history = await c.handle.fetchHistory();
  writeFileSync(path.join(dir, `${scenario}.json`), `${JSON.stringify(historyToJSON(history), null, 2)}\n`);
}

const SCENARIOS: Record<string, () => Promise<CaseDriver>> = {
  /** receive → verify → route (automatic) → accept → assign → process → approve → respond → rate 5 → close. */
  'happy-path': async () => {
    const c = await start();
    await walkCase(c, db);
    return c;
  },
  /** An urgent report: the area's officials are alerted at once. */
  urgent: async () => {
    const c = await start({ level: 'urgent' });
    await walkCase(c, db);
    return c;
  },
  reject: async () => {
    const c = await start();
    await walkCase(c, db, { until: 'verify' });
    await c.complete('verify', 'reject', { reason: 'Nội dung không thuộc phạm vi tiếp nhận' }, people.operator!);
    return c;
  },
  'request-info-answered': async () => {
    const c = await start();
    await walkCase(c, db, { until: 'verify' });
    await c.complete(
      'verify',
      'request_info',
      { question: 'Xin cho biết vị trí cụ thể của điểm rác?' },
      people.operator!,
    );
    await c.settled((s) => s.status === 'info_requested');
    await c.supplyInfo('Cạnh cổng chợ Thành Sen, phía đường Hà Huy Tập');
    await walkCase(c, db);
    return c;
  },
  'return-reroute': async () => {
    const c = await start();
    await walkCase(c, db, { until: 'accept' });
    await c.complete('accept', 'return', { reason: 'Không thuộc thẩm quyền của phường' }, people['18073.officer']!);
    await walkCase(c, db);
    return c;
  },
  'extension-granted': async () => {
    const c = await start();
    await walkCase(c, db, { until: 'process' });
    await c.complete(
      'process',
      'request_extension',
      { workingDays: 3, reason: 'Cần phối hợp với đơn vị môi trường' },
      people['18073.officer']!,
    );
    await walkCase(c, db); // the leader grants it; then the officer replies
    return c;
  },
  'send-back': async () => {
    const c = await start();
    await walkCase(c, db, { until: 'approve' });
    await c.complete('approve', 'send_back', { comment: 'Bổ sung hình ảnh sau khi xử lý' }, people['18073.leader']!);
    await walkCase(c, db);
    return c;
  },
  reopen: async () => {
    const c = await start();
    await walkCase(c, db, { score: 1, until: 'review' });
    await c.complete('review', 'reopen', { comment: 'Rác vẫn còn, yêu cầu xử lý lại' }, people.supervisor!);
    await walkCase(c, db);
    return c;
  },
  /**
   * An urgent report from the citizen API or Open311: a point, no commune. Thành Sen's boundary is
   * imported first (the seed has none), so its commune is located at receipt, its officials
   * alerted and routing automatic; recorded before that patch too (before-commune-from-point/).
   */
  'urgent-point-only': async () => {
    await db.commune.update({
      where: { code: '18073' },
      data: { boundary: square(REPORT.location.lat!, REPORT.location.lng!, 0.01) },
    });
    try {
      const c = await start({ level: 'urgent', location: { lat: REPORT.location.lat, lng: REPORT.location.lng } });
      await walkCase(c, db);
      return c;
    } finally {
      await db.commune.update({ where: { code: '18073' }, data: { boundary: Prisma.DbNull } });
    }
  },
  withdraw: async () => {
    const c = await start();
    await walkCase(c, db, { until: 'verify' });
    await c.withdraw('Đã được xử lý, xin rút phản ánh');
    return c;
  },
};

describe('recording the case workflow histories', () => {
  for (const [scenario, drive] of Object.entries(SCENARIOS)) {
    it(scenario, async () => save(scenario, await drive()));
  }
});

/** Paths where time passes (deadlines, expiries), on the time-skipping test server. */
describe('recording the case workflow histories where time passes', () => {
  let env: TestWorkflowEnvironment;
  let taskQueue: string;
  let stop: () => Promise<void>;
  const begin = () => CaseDriver.start(env.client, taskQueue);

  beforeAll(async () => {
    env = await createTimeSkippingEnv(dataConverter);
    // The case workflow indexes itself by search attributes; the test server has no ListSearchAttributes.
    const types: Record<string, number> = { Keyword: 2, Bool: 5 };
    await env.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(
        Object.entries(searchAttributes).map(([name, type]) => [name, types[type]!]),
      ),
    });
    taskQueue = `record-${randomUUID()}`;
    const timed = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflows(),
      dataConverter,
      activities: createActivities({
        db,
        trackingCodePrefix: 'HT',
        settings: { ratingWindowDays: 7, infoRequestWorkingDays: 5, reviewRatingAtMost: 2 },
      }),
    });
    const running = timed.run();
    stop = async () => {
      timed.shutdown();
      await running;
    };
  });
  afterAll(async () => {
    await stop?.();
    await env?.teardown();
  });

  /** Verify left undone for a month: reminder, overdue, escalation to the IOC supervisor; then done. */
  it('deadline-escalated', async () => {
    const c = await begin();
    await walkCase(c, db, { until: 'verify' });
    await env.sleep(30 * DAY);
    await c.settled((s) => s.escalationLevel >= 2);
    await walkCase(c, db);
    await save('deadline-escalated', c);
  });

  /** The reporter never answers: the request expires and verification resumes. */
  it('request-info-expired', async () => {
    const c = await begin();
    await walkCase(c, db, { until: 'verify' });
    await c.complete(
      'verify',
      'request_info',
      { question: 'Xin cho biết vị trí cụ thể của điểm rác?' },
      people.operator!,
    );
    await c.settled((s) => s.status === 'info_requested');
    await env.sleep(10 * DAY);
    await c.settled((s) => s.status === 'verifying' && s.openTask !== null);
    await walkCase(c, db);
    await save('request-info-expired', c);
  });

  /** The reporter never rates: the case closes unrated when the rating window ends. */
  it('rating-expired', async () => {
    const c = await begin();
    await walkCase(c, db, { until: 'approve' });
    await c.complete('approve', 'approve', {}, people['18073.leader']!);
    await c.settled((s) => s.step === 'rate');
    await save('rating-expired', c); // waiting for the result lets the server skip to the window's end
  });
});
