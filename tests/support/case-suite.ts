/**
 * One real worker per test file on its own task queue, the seeded officials by username, and
 * a way to start cases: what every case-workflow scenario file shares.
 */
import type { ReportCommand } from '../../domain/report-command';
import { CaseDriver, notificationsOf, officials } from './case-driver';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './platform';

const USERNAMES = [
  'operator',
  'supervisor',
  '18073.leader',
  '18073.officer',
  '18100.leader',
  '18100.officer',
  'SNNMT.leader',
  'SNNMT.officer',
  'SXD.leader',
  'SXD.officer',
];

export function caseSuite() {
  const config = testConfig();
  const api = apiDependencies(config);
  const { db, temporal } = api.deps;
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    worker = await startWorker(config, await bundleWorkflows());
    Object.assign(people, await officials(db, USERNAMES));
    const missing = USERNAMES.filter((u) => !people[u]);
    if (missing.length) throw new Error(`the seed lacks ${missing.join(', ')}`);
  });
  afterAll(async () => {
    await worker?.stop();
    await api.close();
  });

  return {
    db,
    /** Officials' ids by username (filled before the first test). */
    people,
    start: (report: Partial<ReportCommand> = {}) => CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE, report),
    /** The case's in-app notifications to the seeded officials above, as sorted "event → username" lines. */
    notifications: (caseId: string) => notificationsOf(db, caseId, USERNAMES),
  };
}
