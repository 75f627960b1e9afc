/**
 * The back office's bell, beside /api/admin/notifications (api/routes/admin/admin-notifications.ts):
 *
 * - GET  /notifications/stream        server-sent events for the signed-in official:
 *          `event: unread`        data {"count": n}            at once and whenever it changes
 *          `event: notification`  data {id, event, caseId, subject, body, createdAt, readAt}
 *                                                              for each new in-app notification
 *          `event: end`           data {"reason": "session"}   the session ended; the stream closes
 *          `: ping` comments every 15 s keep proxies from closing it.
 *        The stream looks for new rows every NOTIFY_STREAM_POLL_MS (3 s) per connection: one
 *        indexed query (recipient, createdAt), no LISTEN connection held per browser.
 * - GET  /notifications/unread-count  {"count": n}
 * - POST /notifications/read-all      {"marked": n, "unread": 0}
 *
 * Mounted before the notifications resource so that "stream" is not taken for an id.
 */
import { Router, type Request, type Response } from 'express';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { authOf } from '../middleware/authenticate';
import {
  countUnread,
  notificationsSince,
  readAllNotifications,
  sessionAlive,
} from '../services/notifications/official-notifications';

export interface StreamOptions {
  pollMs: number;
  heartbeatMs?: number;
  logger?: Logger;
}

/** Rows may commit a little after their createdAt: each look reaches this far back (ids de-duplicate). */
const OVERLAP_MS = 30_000;

export function adminNotificationStreamRoutes(db: Db, options: StreamOptions): Router {
  const router = Router();
  router.get('/notifications/unread-count', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ count: await countUnread(db, authOf(req).user.id) });
  });
  router.post('/notifications/read-all', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await readAllNotifications(db, authOf(req).user.id));
  });
  router.get('/notifications/stream', (req, res) => stream(db, options, req, res));
  return router;
}

async function stream(db: Db, options: StreamOptions, req: Request, res: Response): Promise<void> {
  const auth = authOf(req);
  const userId = auth.user.id;
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Accel-Buffering', 'no'); // nginx: pass events through as they come
  res.flushHeaders();
  res.write('retry: 5000\n\n');

  // Listen for the end before the first await: a client that leaves while the first queries run
  // must not leave intervals polling for nobody.
  let closed = false;
  const timers: NodeJS.Timeout[] = [];
  function finish() {
    if (closed) return;
    closed = true;
    for (const timer of timers) clearInterval(timer);
    res.end();
  }
  req.on('close', finish);
  res.on('close', finish);

  const send = (event: string, data: unknown) => {
    if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // Notifications that exist when the stream opens are the list's, not news.
  const opened = new Date();
  const seen = new Map<string, number>(); // id → createdAt (ms)
  for (const n of await notificationsSince(db, userId, new Date(opened.getTime() - OVERLAP_MS), 500))
    seen.set(n.id, Date.parse(n.createdAt));
  let watermark = opened.getTime();
  let unread = await countUnread(db, userId);
  send('unread', { count: unread });

  let busy = false;
  const look = async () => {
    if (busy || closed) return;
    busy = true;
    try {
      const fresh = (await notificationsSince(db, userId, new Date(watermark - OVERLAP_MS))).filter(
        (n) => !seen.has(n.id),
      );
      for (const n of fresh) {
        const at = Date.parse(n.createdAt);
        seen.set(n.id, at);
        watermark = Math.max(watermark, at);
        send('notification', n);
      }
      for (const [id, at] of seen) if (at < watermark - 2 * OVERLAP_MS) seen.delete(id);
      const count = await countUnread(db, userId);
      if (count !== unread) send('unread', { count: (unread = count) });
    } catch (error) {
      options.logger?.warn({ err: error }, 'notification stream could not look for news');
    } finally {
      busy = false;
    }
  };
  const heartbeat = async () => {
    if (closed) return;
    res.write(': ping\n\n');
    if (!(await sessionAlive(db, auth.sessionId).catch(() => true))) {
      send('end', { reason: 'session' });
      finish();
    }
  };
  if (closed) return;
  timers.push(
    setInterval(() => void look(), options.pollMs),
    setInterval(() => void heartbeat(), options.heartbeatMs ?? 15_000),
  );
}
