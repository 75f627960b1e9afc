/**
 * TRUST_PROXY: the client's address (what rate limits, the login lockout and the audit log see)
 * comes from X-Forwarded-For only when the request arrives through a trusted proxy. The tests'
 * requests come from the loopback address, playing the proxy's part. The address is read back
 * from the audit entry of a failed login.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../api/app';
import { apiDependencies, testConfig } from './support/platform';

const api = apiDependencies(testConfig());
afterAll(() => api.close());

/** The address the API saw for a request carrying `forwardedFor`, with TRUST_PROXY = `trust`. */
async function addressSeen(trust: string, forwardedFor: string): Promise<string | null> {
  const app = createApp({ ...api.deps, config: testConfig({ TRUST_PROXY: trust }) });
  const username = `unknown.${randomUUID()}`;
  await request(app)
    .post('/api/auth/login')
    .set('X-Forwarded-For', forwardedFor)
    .send({ username, password: 'sai' })
    .expect(401);
  const entry = await api.deps.db.auditLog.findFirstOrThrow({
    where: { action: 'login_failed', details: { path: ['username'], equals: username } },
  });
  return entry.ip;
}

const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

describe('the client address behind proxies (TRUST_PROXY)', () => {
  it('takes X-Forwarded-For from a trusted proxy (default: loopback)', async () => {
    expect(await addressSeen('loopback', '203.0.113.7')).toBe('203.0.113.7');
    expect(await addressSeen('127.0.0.1', '203.0.113.8')).toBe('203.0.113.8');
  });

  it('ignores X-Forwarded-For from a proxy it does not trust', async () => {
    expect(await addressSeen('false', '203.0.113.7')).toMatch(LOOPBACK);
    expect(await addressSeen('10.0.0.0/8', '203.0.113.7')).toMatch(LOOPBACK);
  });

  it('stops at the first address it does not trust: a client cannot choose its own', async () => {
    // The client sent "X-Forwarded-For: 192.0.2.1"; the trusted proxy appended the address it saw.
    expect(await addressSeen('loopback', '192.0.2.1, 198.51.100.9')).toBe('198.51.100.9');
    // A hop count trusts that many proxies in front of the API, and no more.
    expect(await addressSeen('1', '192.0.2.1, 198.51.100.9')).toBe('198.51.100.9');
    expect(await addressSeen('2', '192.0.2.1, 198.51.100.9')).toBe('192.0.2.1');
  });
});
