/**
 * Abuse protection in front of the citizens' API: rate limits per address and per citizen token
 * (429 with Retry-After, in our error shape), CORS only for the configured portal origins,
 * security headers, and bounded bodies. Nothing here needs a worker: refused requests never
 * reach Temporal.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { loadConfig } from '../platform/config';
import { apiDependencies, testConfig } from './support/platform';

const PORTAL = 'https://phananh.example.vn';
const config = testConfig({ PORTAL_ORIGINS: `${PORTAL}, http://localhost:5173` });
const api = apiDependencies(config);
let app: Express;

beforeAll(() => {
  app = createApp({
    ...api.deps,
    citizenRateLimits: {
      reports: { limit: 2, windowMs: 60_000 },
      citizenActions: { limit: 3, windowMs: 60_000 },
      subscriptions: { limit: 2, windowMs: 60_000 },
    },
  });
});
afterAll(async () => {
  await api.close();
});

describe('rate limits', () => {
  it('limits new reports per address: 429 RATE_LIMITED with Retry-After, in Vietnamese or English', async () => {
    // Invalid reports count too: the limit is on what a client sends, not on what it gets.
    await request(app).post('/api/v1/reports').send({}).expect(422);
    await request(app).post('/api/v1/reports').send({}).expect(422);
    const limited = await request(app).post('/api/v1/reports').send({}).expect(429);
    expect(limited.body.error).toEqual({
      code: 'RATE_LIMITED',
      message: 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.ratelimit).toMatch(/r=0/);
    const en = await request(app).post('/api/v1/reports').set('Accept-Language', 'en').send({}).expect(429);
    expect(en.body.error.message).toBe('Too many requests. Please try again in a few minutes.');
    // Reading is not limited by it.
    await request(app).get('/api/v1/categories').expect(200);
  });

  it('limits subscription requests per address: each may send a confirmation anywhere', async () => {
    const subscribe = (language = 'vi') =>
      request(app).post('/api/v1/subscriptions').set('Accept-Language', language).send({ channel: 'sms' });
    expect((await subscribe()).status).toBe(422);
    expect((await subscribe()).status).toBe(422);
    const limited = await subscribe();
    expect(limited.status).toBe(429);
    expect(limited.body.error).toEqual({
      code: 'RATE_LIMITED',
      message: 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await subscribe('en')).body.error.message).toBe('Too many requests. Please try again in a few minutes.');
    // The links in the messages are not limited by it.
    expect((await request(app).post('/api/v1/subscriptions/unsubscribe?token=nope')).status).toBe(404);
  });

  it("limits a reporter's actions per citizen token, whatever the case or action", async () => {
    const send = (token: string, action: string) =>
      request(app).post(`/api/v1/reports/HT-2601-ZZZZ/${action}`).set('X-Citizen-Token', token).send({});
    expect((await send('token-a', 'rating')).status).toBe(404);
    expect((await send('token-a', 'info')).status).toBe(404);
    expect((await send('token-a', 'withdraw')).status).toBe(404);
    const limited = await send('token-a', 'rating');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another reporter's token has its own allowance.
    expect((await send('token-b', 'rating')).status).toBe(404);
  });
});

describe('CORS', () => {
  it('lets the configured portal origins read the citizens’ API', async () => {
    const answer = await request(app).get('/api/v1/categories').set('Origin', PORTAL).expect(200);
    expect(answer.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    expect(answer.headers['access-control-expose-headers']).toContain('Content-Range');
    expect(answer.headers['access-control-expose-headers']).toContain('Retry-After');
    expect(answer.headers.vary).toMatch(/Origin/);

    const preflight = await request(app)
      .options('/api/v1/reports/HT-2601-ZZZZ/rating')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-citizen-token,idempotency-key')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Citizen-Token/);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('gives other origins, and the back office, no CORS headers', async () => {
    const other = await request(app).get('/api/v1/categories').set('Origin', 'https://evil.example.com').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app)
      .options('/api/v1/reports')
      .set('Origin', 'https://evil.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const admin = await request(app).get('/api/auth/me').set('Origin', PORTAL).expect(401);
    expect(admin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('has no allowed origins unless configured', () => {
    const env = { DATABASE_URL: 'postgresql://u@h/d', APP_SECRET: 'x'.repeat(32) };
    expect(loadConfig(env).PORTAL_ORIGINS).toEqual([]);
    expect(() => loadConfig({ ...env, PORTAL_ORIGINS: 'https://portal.example.vn/path' })).toThrow(/PORTAL_ORIGINS/);
  });
});

describe('security headers', () => {
  it('sends helmet’s headers with a Content-Security-Policy that allows no inline scripts', async () => {
    const answer = await request(app).get('/api/v1/categories').expect(200);
    const csp = answer.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('upgrade-insecure-requests'); // not outside production
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['x-powered-by']).toBeUndefined();
    // Errors carry them too.
    const missing = await request(app).get('/api/v1/nothing-here').expect(404);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('asks browsers to upgrade insecure requests in production', async () => {
    const production = createApp({ ...api.deps, config: { ...config, NODE_ENV: 'production', DEMO_MODE: false } });
    const answer = await request(production).get('/api/v1/categories').expect(200);
    expect(answer.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});

describe('body size', () => {
  it('refuses a JSON body over 64 KB with 413', async () => {
    const big = { description: 'x'.repeat(70 * 1024) };
    const answer = await request(app)
      .post('/api/v1/reports/HT-2601-ZZZZ/withdraw')
      .set('X-Citizen-Token', 'token-size')
      .set('Accept-Language', 'en')
      .send(big)
      .expect(413);
    expect(answer.body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request is too large (at most 64 KB).',
    });
  });
});
