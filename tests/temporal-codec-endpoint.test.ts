/**
 * POST /api/temporal-codec/decode: Temporal's remote codec protocol, so its Web UI shows decrypted
 * payloads to the IOC's supervisors and admins (readHistory and readPersonalData on every case),
 * and to nobody else; each decode audited; only TEMPORAL_UI_URL's origin allowed cross-origin.
 */
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { EncryptionCodec } from '../platform/payload-codec';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const UI = 'http://temporal-ui.test:8080';
const config = testConfig({ TEMPORAL_UI_URL: `${UI}/` });
const api = apiDependencies(config);
const { db } = api.deps;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

const REPORT = { reporter: { name: 'Phan Văn Đức', phone: '0905 111 222' }, description: 'Đèn đường hỏng' };
const codec = new EncryptionCodec(config.TEMPORAL_PAYLOAD_KEYS!);
const wire = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});
const fromWire = (p: { metadata: Record<string, string>; data: string }): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data, 'base64'),
});

let sealed: Payload;
beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  sealed = (await codec.encode([defaultPayloadConverter.toPayload(REPORT)]))[0]!;
});
afterAll(() => api.close());

const decode = async (username: string | null, payloads: unknown[], status: number) => {
  const call = request(app).post('/api/temporal-codec/decode').set('X-Namespace', 'default');
  if (username) call.set('Cookie', await as(username));
  return call.send({ payloads }).expect(status);
};

it.each(['supervisor', 'admin'])("decodes payloads for the IOC's %s, and audits it", async (username) => {
  const plain = defaultPayloadConverter.toPayload('không mã hoá');
  const before = await db.auditLog.count({ where: { action: 'decode_temporal_payloads' } });
  const { body } = await decode(username, [wire(sealed), wire(plain)], 200);
  const [report, text] = (body.payloads as Parameters<typeof fromWire>[0][]).map(fromWire);
  expect(defaultPayloadConverter.fromPayload(report!)).toEqual(REPORT);
  expect(defaultPayloadConverter.fromPayload(text!)).toBe('không mã hoá');
  const audits = await db.auditLog.findMany({
    where: { action: 'decode_temporal_payloads' },
    orderBy: { id: 'desc' },
    take: 1,
  });
  expect(await db.auditLog.count({ where: { action: 'decode_temporal_payloads' } })).toBe(before + 1);
  expect(audits[0]!.details).toEqual({ namespace: 'default', payloads: 1 });
});

it.each(['operator', '18073.officer', '18073.leader', 'SNNMT.leader'])(
  'refuses %s (not allowed every case history and identity)',
  async (username) => {
    const { body, text } = await decode(username, [wire(sealed)], 403);
    expect(body.error.code).toBe('FORBIDDEN');
    expect(text).not.toContain(REPORT.reporter.name);
  },
);

it('refuses a request without a session', async () => {
  await decode(null, [wire(sealed)], 401);
});

it('returns a payload sealed with a key the API lacks as it came', async () => {
  const [foreign] = await new EncryptionCodec([{ id: 'elsewhere', key: randomBytes(32) }]).encode([
    defaultPayloadConverter.toPayload(REPORT),
  ]);
  const { body } = await decode('supervisor', [wire(foreign!)], 200);
  expect(body.payloads).toEqual([wire(foreign!)]);
});

it('refuses a body that is not the protocol with 422', async () => {
  await decode('supervisor', [{ metadata: { encoding: 'not base64!' } }], 422);
});

it("answers Temporal's Web UI cross-origin with credentials, and no other origin", async () => {
  const preflight = await request(app)
    .options('/api/temporal-codec/decode')
    .set('Origin', UI)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'content-type,x-namespace');
  expect(preflight.status).toBeLessThan(300);
  expect(preflight.headers['access-control-allow-origin']).toBe(UI);
  expect(preflight.headers['access-control-allow-credentials']).toBe('true');
  const other = await request(app)
    .options('/api/temporal-codec/decode')
    .set('Origin', 'https://evil.example')
    .set('Access-Control-Request-Method', 'POST');
  expect(other.headers['access-control-allow-origin']).toBeUndefined();
});
