/**
 * The back office's live notification stream stops looking for news once its client has gone,
 * even when the client leaves while the stream's first queries are still running (before it
 * listens for the end, it used to poll every NOTIFY_STREAM_POLL_MS for nobody, for ever).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../api/app';
import type { Db } from '../platform/db';
import { eventually } from './support/eventually';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const POLL_MS = 100;
const config = testConfig({ NOTIFY_STREAM_POLL_MS: String(POLL_MS) });
const api = apiDependencies(config);

/**
 * The platform's database, with its notification queries counted; while `hold` is set, they wait
 * for it (the stream's first queries are kept in flight until the client has left).
 */
function countingNotificationQueries(db: Db) {
  const state = { queries: 0, hold: null as Promise<void> | null };
  const notification = new Proxy(db.notification, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        state.queries += 1;
        if (state.hold) await state.hold;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const counted = new Proxy(db, {
    get(target, property) {
      if (property === 'notification') return notification;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: counted, state };
}

const counting = countingNotificationQueries(api.deps.db);
const app = createApp({ ...api.deps, db: counting.db, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
const as = officialSessions(() => app, config.DEMO_PASSWORD);
const server = app.listen(0, '127.0.0.1');

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await api.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openStream(cookie: string): Promise<{ response: http.IncomingMessage; request: http.ClientRequest }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        path: '/api/admin/notifications/stream',
        headers: { Cookie: cookie, Accept: 'text/event-stream' },
      },
      (response) => resolve({ response, request }),
    );
    request.on('error', reject);
  });
}

describe('the notification stream', () => {
  it('stops its queries when the client leaves during the first ones', async () => {
    const cookie = await as('18073.officer');
    let release!: () => void;
    counting.state.hold = new Promise((resolve) => (release = resolve));
    counting.state.queries = 0;

    const { response } = await openStream(cookie);
    expect(response.statusCode).toBe(200);
    await eventually(async () => expect(counting.state.queries).toBeGreaterThan(0)); // first query in flight
    response.destroy();
    await sleep(100); // the server sees the connection close
    counting.state.hold = null;
    release();

    await sleep(2 * POLL_MS); // the first queries finish
    const settled = counting.state.queries;
    await sleep(8 * POLL_MS);
    expect(counting.state.queries).toBe(settled);
  });

  it('keeps looking while the client stays, and stops when it leaves', async () => {
    const cookie = await as('18073.leader');
    counting.state.queries = 0;
    const { response } = await openStream(cookie);
    await sleep(6 * POLL_MS);
    expect(counting.state.queries).toBeGreaterThanOrEqual(2 + 3); // the first two, then a look each poll
    response.destroy();
    await sleep(2 * POLL_MS);
    const settled = counting.state.queries;
    await sleep(6 * POLL_MS);
    expect(counting.state.queries).toBe(settled);
  });
});
