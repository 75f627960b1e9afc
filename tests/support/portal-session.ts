/**
 * The portal's browser tests share this set-up: a real worker, the whole app listening on a free
 * port (citizen rate limits raised, as one test makes many reports from one address), and
 * Chromium at a phone's size (360 × 740).
 */
import type { Express } from 'express';
import { createApp } from '../../api/app';
import type { Config } from '../../platform/config';
import { launchBrowser, type TestBrowser } from './browser';
import { apiDependencies, bundleWorkflows, startWorker } from './platform';
import { serve } from './serve';

export interface PortalSession {
  app: Express;
  base: string;
  browser: TestBrowser;
  close(): Promise<void>;
}

export async function startPortalSession(
  config: Config,
  api: ReturnType<typeof apiDependencies>,
): Promise<PortalSession> {
  const worker = await startWorker(config, await bundleWorkflows());
  const generous = { limit: 1_000, windowMs: 60_000 };
  const app = createApp({ ...api.deps, citizenRateLimits: { reports: generous, citizenActions: generous } });
  const served = await serve(app);
  const browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 360, height: 740 });
  return {
    app,
    base: served.base,
    browser,
    async close() {
      await browser.context.setOffline(false);
      await browser.close();
      await served.close();
      await worker.stop();
    },
  };
}
