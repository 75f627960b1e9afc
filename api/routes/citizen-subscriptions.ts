/**
 * Citizens' subscriptions to the alerts of their area (announcements, new and resolved reports):
 * - POST /api/v1/subscriptions {channel: "email"|"sms"|"zalo", address, communeCodes?, topics?,
 *   kinds?, language?} → 202 {"status": "confirmation_sent"} (always the same answer);
 *   {channel: "web_push", address: <endpoint>, keys: {p256dh, auth}, …} → 201 {"status":
 *   "subscribed", "token"} (this browser, at once)
 * - GET  /api/v1/subscriptions/confirm?token=…      → a small HTML page (the link in the message)
 * - GET  /api/v1/subscriptions/manage?token=…       → what the subscription receives
 * - PUT  /api/v1/subscriptions/manage?token=…       → changes it (communes, topics, kinds, language)
 * - GET  /api/v1/subscriptions/unsubscribe?token=…  → a small HTML page (one click)
 * - POST /api/v1/subscriptions/unsubscribe?token=…  → 200 {"status": "unsubscribed"} (RFC 8058)
 * - GET  /api/v1/push/public-key                    → the VAPID public key browsers subscribe with
 */
import { Router, type Response } from 'express';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/app-error';
import { escapeHtml } from '../../notifications/render';
import { requestLanguage, type Language } from '../i18n/language';
import { messageLinks } from '../../notifications/links';
import {
  changeSubscription,
  confirmSubscription,
  getSubscription,
  subscriptionChange,
  unsubscribe,
  type SubscriptionState,
} from '../services/subscriptions/manage-subscription';
import { subscribe, subscriptionInput } from '../services/subscriptions/subscribe';
import { parseInput } from '../validation';

const PAGES: Record<SubscriptionState | 'unknown', Record<Language, [string, string]>> = {
  confirmed: {
    vi: ['Đã xác nhận đăng ký', 'Ông/Bà sẽ nhận thông báo đã chọn cho địa bàn đã chọn.'],
    en: ['Subscription confirmed', 'You will receive the alerts you chose for the areas you chose.'],
  },
  unsubscribed: {
    vi: ['Đã hủy đăng ký', 'Ông/Bà sẽ không nhận thêm cảnh báo nào qua địa chỉ này.'],
    en: ['Unsubscribed', 'You will receive no more alerts at this address.'],
  },
  unknown: {
    vi: ['Liên kết không hợp lệ', 'Liên kết đã hết hiệu lực hoặc không đúng.'],
    en: ['Invalid link', 'This link is not valid or no longer valid.'],
  },
};

const MANAGE: Record<Language, string> = {
  vi: 'Xem và thay đổi nội dung nhận',
  en: 'See and change what you receive',
};

function page(res: Response, state: SubscriptionState | null, language: Language, manageLink?: string) {
  const [title, text] = PAGES[state ?? 'unknown'][language];
  const manage =
    state === 'confirmed' && manageLink
      ? `<p><a href="${escapeHtml(manageLink)}">${escapeHtml(MANAGE[language])}</a></p>`
      : '';
  res.status(state ? 200 : 404);
  res.setHeader('Cache-Control', 'no-store');
  res
    .type('html')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
        `<body style="font-family: Arial, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${manage}</body></html>`,
    );
}

const tokenOf = (query: unknown) => {
  const token = (query as Record<string, unknown>)?.token;
  return typeof token === 'string' ? token.slice(0, 100) : '';
};

export function citizenSubscriptionRoutes(deps: {
  db: Db;
  publicBaseUrl: string;
  pushServiceHosts: readonly string[];
  vapidPublicKey: string | undefined;
}): Router {
  const router = Router();
  const links = messageLinks(deps.publicBaseUrl);
  router.post('/subscriptions', async (req, res) => {
    const answer = await subscribe(deps.db, parseInput(subscriptionInput, req.body), deps);
    res.status(answer.status === 'subscribed' ? 201 : 202).json(answer);
  });
  router.get('/subscriptions/confirm', async (req, res) => {
    const token = tokenOf(req.query);
    page(res, await confirmSubscription(deps.db, token), requestLanguage(req), links.manageSubscription(token));
  });
  router.get('/subscriptions/manage', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await getSubscription(deps.db, tokenOf(req.query)));
  });
  router.put('/subscriptions/manage', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await changeSubscription(deps.db, tokenOf(req.query), parseInput(subscriptionChange, req.body)));
  });
  // The key browsers subscribe with; null when Web Push is not configured (the portal then hides it).
  router.get('/push/public-key', (_req, res) => {
    res.json({ publicKey: deps.vapidPublicKey ?? null });
  });
  router.get('/subscriptions/unsubscribe', async (req, res) => {
    page(res, await unsubscribe(deps.db, tokenOf(req.query)), requestLanguage(req));
  });
  router.post('/subscriptions/unsubscribe', async (req, res) => {
    const state = await unsubscribe(deps.db, tokenOf(req.query));
    if (!state) throw new AppError('NOT_FOUND', { what: 'subscription' });
    res.json({ status: state });
  });
  return router;
}
