/**
 * Back-office sessions for the demo officials (seeded in demo mode with DEMO_PASSWORD): one log-in
 * per username per suite, its session cookie reused after.
 */
import type { Express } from 'express';
import request from 'supertest';

/** `as('operator')` → the `Cookie` header value of the operator's session. */
export function officialSessions(app: () => Express, password: string): (username: string) => Promise<string> {
  const cookies = new Map<string, string>();
  return async (username) => {
    const known = cookies.get(username);
    if (known) return known;
    const response = await request(app()).post('/api/auth/login').send({ username, password }).expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    cookies.set(username, cookie);
    return cookie;
  };
}
