/**
 * Citizens' subscriptions to urgent announcements of their area:
 * - POST /api/v1/subscriptions {channel: "email"|"sms", address, communeCodes?: [], kinds?: [],
 *   language?: "vi"|"en"} → 202 {"status": "confirmation_sent"} (always the same answer)
 * - GET  /api/v1/subscriptions/confirm?token=…      → a small HTML page (the link in the message)
 * - GET  /api/v1/subscriptions/unsubscribe?token=…  → a small HTML page (one click)
 * - POST /api/v1/subscriptions/unsubscribe?token=…  → 200 {"status": "unsubscribed"} (RFC 8058)
 */
import { Router, type Response } from 'express';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/app-error';
import { escapeHtml } from '../../notifications/render';
import { requestLanguage, type Language } from '../i18n/language';
import {
  confirmSubscription,
  unsubscribe,
  type SubscriptionState,
} from '../services/subscriptions/manage-subscription';
import { subscribe, subscriptionInput } from '../services/subscriptions/subscribe';
import { parseInput } from '../validation';

const PAGES: Record<SubscriptionState | 'unknown', Record<Language, [string, string]>> = {
  confirmed: {
    vi: ['Đã xác nhận đăng ký', 'Ông/Bà sẽ nhận cảnh báo thiên tai khẩn cấp cho địa bàn đã chọn.'],
    en: ['Subscription confirmed', 'You will receive urgent disaster alerts for the areas you chose.'],
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

function page(res: Response, state: SubscriptionState | null, language: Language) {
  const [title, text] = PAGES[state ?? 'unknown'][language];
  res.status(state ? 200 : 404);
  res.setHeader('Cache-Control', 'no-store');
  res
    .type('html')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
        `<body style="font-family: Arial, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
    );
}

const tokenOf = (query: unknown) => {
  const token = (query as Record<string, unknown>)?.token;
  return typeof token === 'string' ? token.slice(0, 100) : '';
};

export function citizenSubscriptionRoutes(deps: { db: Db; publicBaseUrl: string }): Router {
  const router = Router();
  router.post('/subscriptions', async (req, res) => {
    res.status(202).json(await subscribe(deps.db, parseInput(subscriptionInput, req.body), deps.publicBaseUrl));
  });
  router.get('/subscriptions/confirm', async (req, res) => {
    page(res, await confirmSubscription(deps.db, tokenOf(req.query)), requestLanguage(req));
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
