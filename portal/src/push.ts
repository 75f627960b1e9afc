/**
 * Web Push on this browser: the Push API subscribes through the service worker (public/sw.js,
 * which shows the notifications and opens their link), with the server's VAPID public key; the
 * subscription is sent to POST /api/v1/subscriptions and its token is kept on this device, so
 * the alerts page can manage it later.
 */
import { api } from './api';

const TOKEN_KEY = 'ihatinh.alerts.pushToken';

export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

export function storedPushToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The browser's push service may not answer (blocked, offline): the page says so rather than wait. */
const PUSH_TIMEOUT_MS = 20_000;

function withinTime<T>(work: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DOMException('push service did not answer', 'TimeoutError')),
      PUSH_TIMEOUT_MS,
    );
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** Asks the citizen's permission, subscribes this browser and registers it; returns its token. */
export async function subscribePush(
  publicKey: string,
  choice: { communeCodes: string[]; topics: string[]; language: string },
): Promise<string> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new DOMException('notifications not allowed', 'NotAllowedError');
  const subscription = await withinTime(
    (async () => {
      const registration = await navigator.serviceWorker.ready;
      return (
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }))
      );
    })(),
  );
  const { endpoint, keys } = subscription.toJSON();
  const answer = await api<{ status: 'subscribed'; token: string }>('/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...choice, channel: 'web_push', address: endpoint, keys }),
  });
  try {
    localStorage.setItem(TOKEN_KEY, answer.token);
  } catch {
    // Private mode: the manage link still works this once.
  }
  return answer.token;
}
