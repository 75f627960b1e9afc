/**
 * Browser tests: Debian's Chromium (CHROMIUM_PATH, found or installed by `npm test`, see
 * scripts/lib/chromium.mjs) driven by playwright-core with the flags of ENVIRONMENT.md and a
 * fresh profile. Screenshots go to <TEST_WORK_DIR or tmp>/screenshots and are copied to
 * test-artifacts/screenshots/ (gitignored), which outlives the throw-away test directory.
 * Console warnings about missing translations and page errors are collected, so a test can
 * assert that the UI showed no untranslated key.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Console messages that mean a problem: missing translations, errors, page exceptions. */
  problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** `timezoneId` sets the browser's zone (e.g. 'America/New_York'); by default the machine's. */
export async function launchBrowser(options: { timezoneId?: string } = {}): Promise<TestBrowser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath)
    throw new Error('CHROMIUM_PATH is not set: run browser tests through `npm test`, which finds Chromium.');
  const workDir = process.env.TEST_WORK_DIR ?? os.tmpdir();
  const profile = mkdtempSync(path.join(workDir, 'chromium-profile-'));
  const shots = path.join(workDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    locale: 'vi-VN',
    viewport: { width: 1360, height: 900 },
    timezoneId: options.timezoneId,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    // A 401 from /api/auth/me before sign-in is how the app learns there is no session.
    if (/Failed to load resource/.test(text)) return;
    if (/Missing translation/i.test(text) || message.type() === 'error') problems.push(`${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

  return {
    context,
    page,
    problems,
    async screenshot(name) {
      const file = path.join(shots, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      copyFileSync(file, path.join(ARTIFACTS_DIR, `${name}.png`));
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The base URL of an HTTP server listening on a free port. */
export function baseUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
