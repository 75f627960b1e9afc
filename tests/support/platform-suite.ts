/**
 * What most suites that cross parts set up the same way: the configuration `npm test` prepared,
 * the API's dependencies and app, a real worker on the suite's own task queue (started before
 * the suite's tests, drained after), and the demo officials' sessions.
 */
import { createApp, type AppDependencies } from '../../api/app';
import type { Config } from '../../platform/config';
import { officialSessions } from './official-sessions';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './platform';

/** Login attempts enough for a suite that signs in as many officials. */
export const GENEROUS_LOGIN_LIMIT = { limit: 10_000, windowMs: 60_000 };

export function platformSuite(
  options: {
    /** Configuration overrides (a task queue of its own is always given). */
    config?: Partial<Record<keyof Config, string>>;
    /** The app's options beyond the dependencies (rate limits, storage). */
    app?: Pick<AppDependencies, 'loginRateLimit' | 'citizenRateLimits' | 'storage' | 'signInCodeLimits'>;
  } = {},
) {
  const config = testConfig(options.config);
  const api = apiDependencies(config);
  const app = createApp({ ...api.deps, ...options.app });
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;

  beforeAll(async () => {
    worker = await startWorker(config, await bundleWorkflows());
  });
  afterAll(async () => {
    await worker?.stop();
    await api.close();
  });

  return {
    config,
    api,
    db: api.deps.db,
    temporal: api.deps.temporal,
    app,
    /** `as('operator')` → the Cookie header of the operator's session. */
    as: officialSessions(() => app, config.DEMO_PASSWORD),
  };
}
