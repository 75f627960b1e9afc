/**
 * SMS and Zalo OA through an HTTP gateway: the province's SMS brandname provider or Zalo OA
 * bridge sits behind a small adapter that takes
 *
 *   POST <url>   Authorization: Bearer <token>   Idempotency-Key: <dedupeKey>
 *   { "to": "0912345678", "text": "…", "idempotencyKey": "<dedupeKey>" }
 *
 * and answers 2xx once it has accepted the message. The key lets the gateway drop a message sent
 * twice (a worker that died after the gateway accepted it, before the outbox recorded it).
 * 4xx other than 408, 409 and 429 are permanent (the number is refused): no retry.
 */
import type { Notification } from '../prisma/generated/client';
import { DeliveryError, type Sender } from './channels';

export function createHttpGatewaySender(options: { url: string; token?: string; timeoutMs?: number }): Sender {
  return async (message: Notification) => {
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Idempotency-Key': message.dedupeKey,
          ...(options.token && { Authorization: `Bearer ${options.token}` }),
        },
        body: JSON.stringify({ to: message.recipient, text: message.body, idempotencyKey: message.dedupeKey }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new DeliveryError(`gateway unreachable: ${(error as Error).message}`);
    }
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    const permanent = response.status >= 400 && response.status < 500 && ![408, 409, 429].includes(response.status);
    throw new DeliveryError(`gateway answered ${response.status}${detail ? `: ${detail}` : ''}`, permanent);
  };
}
