/**
 * What a Web Push message carries, as the portal's service worker reads it (portal/public/sw.js):
 * a title, a text and the portal route a click opens. Stored as the outbox row's body (JSON), so
 * the back office's outbox shows what was sent.
 */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  /** Replaces an earlier notification of the same tag on the device instead of stacking. */
  tag: string;
}

export function pushPayload(payload: PushPayload): string {
  return JSON.stringify(payload);
}

export function parsePushPayload(body: string): PushPayload {
  try {
    const parsed = JSON.parse(body) as Partial<PushPayload>;
    if (typeof parsed.title === 'string' && typeof parsed.body === 'string' && typeof parsed.url === 'string')
      return { title: parsed.title, body: parsed.body, url: parsed.url, tag: parsed.tag ?? parsed.url };
  } catch {
    // Not written as JSON (a row an administrator retries from before): sent as plain text.
  }
  return { title: '', body, url: '/', tag: 'message' };
}
