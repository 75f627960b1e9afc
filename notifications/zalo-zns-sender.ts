/**
 * Zalo messages through Zalo Notification Service (ZNS), Zalo's own API for an Official Account's
 * template messages to a phone number (ZALO_MODE=zns; the HTTP gateway stays the default):
 *
 *   POST <ZALO_API_URL>   access_token: <ZALO_ACCESS_TOKEN>
 *   { "phone": "84912345678", "template_id": "<ZALO_TEMPLATE_ID>",
 *     "template_data": { "title": "…", "content": "…" }, "tracking_id": "<dedupeKey>" }
 *
 * Zalo answers HTTP 200 with `{ "error": 0, "data": { "msg_id" } }` on success and a negative
 * `error` otherwise. The codes that say the message can never reach this person (the number, the
 * Zalo account, the template and its data) are permanent; the others (an unknown error, the
 * quota, an expired access token, the hours ZNS may not send in) are retried with the outbox's
 * back-off, and so is anything not understood, up to NOTIFY_MAX_ATTEMPTS.
 */
import type { Notification } from '../prisma/generated/client';
import { DeliveryError, type Sender } from './channels';

/** ZNS error codes after which sending again cannot succeed (Zalo's "Cách xử lý mã lỗi"). */
export const ZNS_PERMANENT_ERRORS: Readonly<Record<number, string>> = {
  [-108]: 'phone number invalid',
  [-109]: 'template id invalid',
  [-110]: "the user's Zalo version does not support ZNS",
  [-111]: 'template data empty',
  [-112]: 'template data invalid',
  [-114]: 'the user is inactive or refuses ZNS messages',
  [-116]: 'text invalid',
  [-117]: 'the OA or app may not use this template',
  [-118]: 'Zalo account does not exist or is disabled',
  [-119]: 'the account cannot receive ZNS messages',
  [-131]: 'template not approved',
  [-139]: 'the user refused this kind of message',
};

/** A Vietnamese number as ZNS takes it: 84 and the number without its leading 0 (0912… → 84912…). */
export function znsPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('84')) return digits;
  if (digits.startsWith('0')) return `84${digits.slice(1)}`;
  return `84${digits}`;
}

/** ZNS template parameters are short: longer values are refused as a whole (-112). */
const MAX_PARAMETER = 400;
const clip = (text: string) => (text.length > MAX_PARAMETER ? `${text.slice(0, MAX_PARAMETER - 1)}…` : text);

export function createZaloZnsSender(options: {
  url: string;
  accessToken: string;
  templateId: string;
  timeoutMs?: number;
}): Sender {
  return async (message: Notification) => {
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', access_token: options.accessToken },
        body: JSON.stringify({
          phone: znsPhone(message.recipient),
          template_id: options.templateId,
          template_data: { title: clip(message.subject ?? ''), content: clip(message.body) },
          tracking_id: message.dedupeKey,
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new DeliveryError(`Zalo ZNS unreachable: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      throw new DeliveryError(`Zalo ZNS answered HTTP ${response.status}: ${text.slice(0, 300)}`, permanent);
    }
    let answer: { error?: unknown; message?: unknown };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      throw new DeliveryError(`Zalo ZNS answered something else than JSON: ${text.slice(0, 300)}`);
    }
    if (answer.error === 0) return;
    const code = typeof answer.error === 'number' ? answer.error : Number.NaN;
    const reason = ZNS_PERMANENT_ERRORS[code];
    const said = typeof answer.message === 'string' ? answer.message.slice(0, 300) : '';
    throw new DeliveryError(
      `Zalo ZNS error ${Number.isNaN(code) ? String(answer.error) : code}${said ? `: ${said}` : ''}${reason ? ` (${reason})` : ''}`,
      reason !== undefined,
    );
  };
}
