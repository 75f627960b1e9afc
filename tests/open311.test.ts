/**
 * Open311 GeoReport v2 (/open311/v2), for real: HTTP → API → Temporal → worker → PostgreSQL.
 * Responses are checked against the JSON Schemas of open311/schema-validation
 * (../shared/domain/open311-schemas), XML is parsed back with fast-xml-parser, and no answer may
 * ever carry the personal data partners submit.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { createApp } from '../api/app';
import { completeTaskUpdate, stateQuery, type CaseState } from '../workflows/messages';
import { CaseDriver, officials } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { eventually } from './support/eventually';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
let operatorId: string;

// ---- JSON Schemas -----------------------------------------------------------------------------
// The schemas carry no $schema: Ajv 8's default dialect (draft-07) reads them as written. strict
// is off because request/service lists put `minItems` beside `$ref` inside `items` (harmless: it
// applies to arrays only) and Ajv's strict mode refuses such keywords.
// A copy of ../shared/domain/open311-schemas (see SOURCE.txt there), so the test runs in any checkout.
const SCHEMA_DIR = path.join(__dirname, 'fixtures', 'open311-schemas');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const schemaFile = (name: string) => JSON.parse(readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as object;
for (const name of ['request.json', 'service.json']) ajv.addSchema(schemaFile(name), name);
const validators = {
  services: ajv.compile(schemaFile('services.json')),
  serviceDefinition: ajv.compile(schemaFile('service-definition.json')),
  requests: ajv.compile(schemaFile('requests.json')),
  // open311/schema-validation has no discovery schema: this one follows the Service Discovery page.
  discovery: ajv.compile({
    type: 'object',
    required: ['changeset', 'contact', 'key_service', 'endpoints'],
    properties: {
      changeset: { type: 'string', format: 'date-time' },
      contact: { type: 'string' },
      key_service: { type: 'string' },
      endpoints: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          properties: {
            specification: { type: 'string', format: 'uri' },
            url: { type: 'string', format: 'uri' },
            changeset: { type: 'string', format: 'date-time' },
            type: { enum: ['production', 'test'] },
            formats: { type: 'array', items: { enum: ['text/xml', 'application/json'] } },
          },
        },
      },
    },
  }),
};

function expectValid(validate: ValidateFunction, body: unknown) {
  const valid = validate(body);
  if (!valid) throw new Error(`schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body, null, 2)}`);
}

// ---- HTTP, with every body kept for the personal-data check --------------------------------
const bodies: string[] = [];
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'request', 'error', 'note', 'request_update', 'attribute', 'value', 'endpoint', 'format'].includes(
      name,
    ),
});
const OFFSET_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

/** A request whose answer's body is kept, for the personal-data check at the end. */
function get(url: string, headers: Record<string, string> = {}) {
  return request(app)
    .get(`/open311/v2${url}`)
    .set(headers)
    .expect((response) => {
      bodies.push(response.text);
    });
}

function post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return request(app)
    .post(`/open311/v2${url}`)
    .type('form')
    .set(headers)
    .send(form)
    .expect((response) => {
      bodies.push(response.text);
    });
}

const PERSON = { first_name: 'Thị Hoa', last_name: 'Lê', phone: '0987 654 321', email: 'le.thi.hoa@example.vn' };
const SUBMISSION = {
  api_key: 'demo-open311-key',
  service_code: 'moi-truong',
  lat: '18.3428',
  long: '105.9057',
  address_string: 'Đường Hà Huy Tập, phường Thành Sen',
  description: 'Bãi rác <b>tự phát</b> bốc mùi cạnh trường học',
  media_url: 'https://partner.example.vn/photos/123.jpg',
  device_id: 'device-42',
  account_id: 'account-7',
  ...PERSON,
};

async function submit(extra: Record<string, string> = {}): Promise<{ code: string; caseId: string }> {
  const response = await post('/requests.json', { ...SUBMISSION, ...extra }).expect(200);
  const code = response.body[0].service_request_id as string;
  const row = await db.case.findUniqueOrThrow({ where: { trackingCode: code }, select: { id: true } });
  return { code, caseId: row.id };
}

/** Completes the case's open task at `step` through its workflow, as the admin tasks API does. */
async function complete(caseId: string, step: string, outcome: string, data: Record<string, unknown> = {}) {
  const handle = api.deps.temporal.workflow.getHandle(caseId);
  const state = await eventually(async () => {
    const s: CaseState = await handle.query(stateQuery);
    expect(s.openTask?.step).toBe(step);
    return s;
  });
  await handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: state.openTask!.id, outcome, data, actor: { userId: operatorId } }],
  });
}

async function statusOf(caseId: string) {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).status;
}

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp(api.deps);
  operatorId = (await officials(db, ['operator'])).operator!;
});

afterAll(async () => {
  await worker.stop();
  await api.close();
});

describe('discovery and services', () => {
  it('serves discovery in JSON and XML', async () => {
    const json = await get('/discovery.json').expect(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expectValid(validators.discovery, json.body);
    expect(json.body.endpoints[0].url).toMatch(/\/open311\/v2$/);

    const asXml = await get('/discovery.xml').expect(200);
    expect(asXml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(asXml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const parsed = xml.parse(asXml.text);
    expect(parsed.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists one service per active category, valid against the schema, in both formats', async () => {
    const json = await get('/services.json').expect(200);
    expectValid(validators.services, json.body);
    const active = await db.category.count({ where: { active: true } });
    expect(json.body).toHaveLength(active);
    expect(json.body).toContainEqual(
      expect.objectContaining({
        service_code: 'moi-truong',
        service_name: 'Environment',
        type: 'realtime',
        metadata: true,
      }),
    );
    const vi = await get('/services.json', { 'Accept-Language': 'vi' }).expect(200);
    expect(vi.body.find((s: { service_code: string }) => s.service_code === 'moi-truong').service_name).toBe(
      'Môi trường',
    );

    const parsed = xml.parse((await get('/services.xml').expect(200)).text);
    expect(parsed.services.service).toHaveLength(active);
    expect(parsed.services.service.map((s: { service_code: string }) => s.service_code)).toEqual(
      json.body.map((s: { service_code: string }) => s.service_code),
    );
  });

  it('describes a service with its optional attributes; an unknown one is 404', async () => {
    const json = await get('/services/moi-truong.json').expect(200);
    expectValid(validators.serviceDefinition, json.body);
    expect(json.body.attributes.map((a: { code: string }) => a.code)).toEqual(['level', 'commune_code']);
    expect(json.body.attributes[0].values.map((v: { key: string }) => v.key)).toEqual(['normal', 'urgent', 'complex']);

    const parsed = xml.parse((await get('/services/moi-truong.xml').expect(200)).text);
    expect(parsed.service_definition.service_code).toBe('moi-truong');
    expect(parsed.service_definition.attributes.attribute[0].values.value).toHaveLength(3);

    const missing = await get('/services/khong-co.json').expect(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining('khong-co') }]);
    const missingXml = xml.parse((await get('/services/khong-co.xml').expect(404)).text);
    expect(missingXml.errors.error[0].code).toBe('404');
  });

  it('accepts an empty or the configured jurisdiction_id and refuses another with 404', async () => {
    await get('/services.json?jurisdiction_id=').expect(200);
    await get('/services.json?jurisdiction_id=hatinh.gov.vn').expect(200);
    const other = await get('/services.json?jurisdiction_id=sfgov.org').expect(404);
    expect(other.body[0]).toMatchObject({ code: 404, description: expect.stringContaining('sfgov.org') });
    await get('/nothing.json').expect(404);
    await get('/services').expect(404);
  });
});

describe('POST requests', () => {
  it('creates a case on the key’s channel, the reporter kept confidential, the media URL kept as a link', async () => {
    const response = await post('/requests.json', SUBMISSION).expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toEqual([
      { service_request_id: expect.stringMatching(/^HT-\d{4}-[2-9A-Z]{4}$/), service_notice: expect.any(String) },
    ]);
    const row = await db.case.findUniqueOrThrow({ where: { trackingCode: response.body[0].service_request_id } });
    expect(row).toMatchObject({
      channel: 'open311:demo',
      categoryCode: 'moi-truong',
      reporterName: 'Lê Thị Hoa',
      reporterPhone: '0987 654 321',
      reporterEmail: 'le.thi.hoa@example.vn',
      confidential: true,
      lat: 18.3428,
      lng: 105.9057,
      address: 'Đường Hà Huy Tập, phường Thành Sen',
    });
    expect(row.description).toBe(
      'Bãi rác tự phát bốc mùi cạnh trường học\n\nẢnh/video (media_url, chưa tải về): https://partner.example.vn/photos/123.jpg',
    );
    expect(row.channel).not.toContain('device-42');
    await eventually(async () => expect(await statusOf(row.id)).toBe('verifying'));
    const audit = await db.auditLog.findFirst({ where: { caseId: row.id, action: 'open311_request_submitted' } });
    expect(audit).toMatchObject({ actorKind: 'partner' });
  });

  it('answers in XML, takes address_id as the address and attributes', async () => {
    const { api_key, service_code, description } = SUBMISSION;
    const response = await post('/requests.xml', {
      api_key,
      service_code,
      description,
      address_id: 'HT-ADDR-991',
      'attribute[level]': 'urgent',
      'attribute[unknown]': 'ignored',
    }).expect(200);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    const parsed = xml.parse(response.text);
    const code = parsed.service_requests.request[0].service_request_id as string;
    const row = await db.case.findUniqueOrThrow({ where: { trackingCode: code } });
    expect(row).toMatchObject({ address: 'address_id: HT-ADDR-991', level: 'urgent', lat: null, reporterName: null });
  });

  it('returns the same case for a retry with the same Idempotency-Key', async () => {
    const key = `open311-${randomUUID()}`;
    const first = await post('/requests.json', SUBMISSION, { 'Idempotency-Key': key }).expect(200);
    const second = await post('/requests.json', SUBMISSION, { 'Idempotency-Key': key }).expect(200);
    expect(second.body[0].service_request_id).toBe(first.body[0].service_request_id);
  });

  it('refuses a missing, wrong or revoked key with 403, in JSON and XML', async () => {
    const { api_key: _key, ...withoutKey } = SUBMISSION;
    const missing = await post('/requests.json', withoutKey).expect(403);
    expect(missing.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const wrong = await post('/requests.xml', { ...SUBMISSION, api_key: 'not-a-key' }).expect(403);
    expect(wrong.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.parse(wrong.text).errors.error).toEqual([{ code: '403', description: expect.any(String) }]);

    const revoked = `revoked-${randomUUID()}`;
    const { createHash } = await import('node:crypto');
    await db.apiKey.create({
      data: {
        name: 'Revoked test partner',
        channel: 'open311:revoked-test',
        keyHash: createHash('sha256').update(revoked).digest('hex'),
        prefix: revoked.slice(0, 8),
        revokedAt: new Date(Date.now() - 1_000),
      },
    });
    await post('/requests.json', { ...SUBMISSION, api_key: revoked }).expect(403);
    const vi = await post('/requests.json', withoutKey, { 'Accept-Language': 'vi' }).expect(403);
    expect(vi.body[0].description).toMatch(/Cần api_key/);
  });

  it("takes the key from the X-Api-Key header too (the OpenAPI document's open311Key scheme)", async () => {
    const { api_key: key, ...withoutKey } = SUBMISSION;
    const accepted = await post('/requests.json', withoutKey, { 'X-Api-Key': key }).expect(200);
    expect(accepted.body[0].service_request_id).toMatch(/^HT-/);
    await post('/requests.json', withoutKey, { 'X-Api-Key': 'not-a-key' }).expect(403);
  });

  it('records when the demo key was last used', async () => {
    await post('/requests.json', SUBMISSION).expect(200);
    await eventually(async () => {
      const key = await db.apiKey.findFirstOrThrow({ where: { channel: 'open311:demo' } });
      expect(key.lastUsedAt).not.toBeNull();
    });
  });

  it('answers 404 for an unknown service or jurisdiction and 400 for missing or bad input', async () => {
    await post('/requests.json', { ...SUBMISSION, service_code: 'khong-co' }).expect(404);
    await post('/requests.json', { ...SUBMISSION, jurisdiction_id: 'sfgov.org' }).expect(404);
    const { service_code: _code, ...noService } = SUBMISSION;
    const missingService = await post('/requests.json', noService).expect(400);
    expect(missingService.body[0]).toMatchObject({ code: 400, description: expect.stringContaining('service_code') });

    const { lat: _lat, long: _long, address_string: _address, ...noPlace } = SUBMISSION;
    const noLocation = await post('/requests.json', noPlace).expect(400);
    expect(noLocation.body[0].description).toMatch(/lat and long, address_string or address_id/);

    const several = await post('/requests.json', {
      ...SUBMISSION,
      lat: '200',
      description: 'x'.repeat(4_001),
      'attribute[level]': 'panic',
    }).expect(400);
    expect(several.body.map((e: { code: number }) => e.code)).toEqual([400, 400, 400]);

    const badEmail = await post('/requests.json', { ...SUBMISSION, email: 'not-an-email' }).expect(400);
    expect(badEmail.body[0].description).toMatch(/^email: /);
    const badCommune = await post('/requests.json', { ...SUBMISSION, 'attribute[commune_code]': '99999' }).expect(400);
    expect(badCommune.body[0].description).toMatch(/^attribute\[commune_code\]: /);
  });
});

describe('GET requests', () => {
  let verified: { code: string; caseId: string };
  let unverified: { code: string; caseId: string };
  let rejected: { code: string; caseId: string };

  beforeAll(async () => {
    [verified, unverified, rejected] = await Promise.all([
      submit({ 'attribute[commune_code]': '18073' }),
      submit(),
      submit({ service_code: 'giao-thong' }),
    ]);
    await complete(verified.caseId, 'verify', 'accept');
    await complete(rejected.caseId, 'verify', 'reject', {
      reason: 'Nội dung không thuộc phạm vi phản ánh hiện trường',
    });
    await eventually(async () => {
      expect(await statusOf(verified.caseId)).not.toBe('verifying');
      expect(await statusOf(rejected.caseId)).toBe('rejected');
    });
  });

  it('lists verified cases only, valid against the schema, with +07:00 dates and no reporter', async () => {
    const list = await get('/requests.json?service_code=moi-truong,giao-thong&page_size=500').expect(200);
    expectValid(validators.requests, list.body);
    const codes = list.body.map((r: { service_request_id: string }) => r.service_request_id);
    expect(codes).toContain(verified.code);
    expect(codes).not.toContain(unverified.code);
    expect(codes).not.toContain(rejected.code);

    const item = list.body.find((r: { service_request_id: string }) => r.service_request_id === verified.code);
    expect(item).toMatchObject({
      status: 'open',
      service_code: 'moi-truong',
      service_name: 'Environment',
      description: expect.stringContaining('Bãi rác tự phát'),
      lat: 18.3428,
      long: 105.9057,
      address: 'Đường Hà Huy Tập, phường Thành Sen',
      address_id: null,
      zipcode: null,
      requested_datetime: expect.stringMatching(OFFSET_DATE),
      updated_datetime: expect.stringMatching(OFFSET_DATE),
    });
    expect(item).not.toHaveProperty('media_url'); // not published yet
    expect(Object.keys(item).join(',')).not.toMatch(/reporter|phone|email|first_name|last_name/);
  });

  it('filters by status, by id (overriding the others) and pages', async () => {
    const closed = await get('/requests.json?status=closed&service_code=moi-truong').expect(200);
    expect(closed.body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    const open = await get('/requests.json?status=open&service_code=moi-truong').expect(200);
    expect(open.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(verified.code);

    // service_request_id wins over service_code and status; unverified cases show no content.
    const byId = await get(
      `/requests.json?service_request_id=${verified.code},${unverified.code.toLowerCase()},${rejected.code}&service_code=do-thi&status=closed`,
    ).expect(200);
    expectValid(validators.requests, byId.body);
    const byCode = Object.fromEntries(byId.body.map((r: { service_request_id: string }) => [r.service_request_id, r]));
    expect(Object.keys(byCode).sort()).toEqual([verified.code, unverified.code, rejected.code].sort());
    expect(byCode[unverified.code]).toMatchObject({
      status: 'open',
      description: null,
      lat: null,
      long: null,
      address: null,
    });
    expect(byCode[rejected.code]).toMatchObject({
      status: 'closed',
      status_notes: 'Nội dung không thuộc phạm vi phản ánh hiện trường',
      description: null,
    });

    const ids = `${verified.code},${unverified.code},${rejected.code}`;
    const page1 = await get(`/requests.json?service_request_id=${ids}&page=1&page_size=2`).expect(200);
    const page2 = await get(`/requests.json?service_request_id=${ids}&page=2&page_size=2`).expect(200);
    expect(page1.body).toHaveLength(2);
    expect(page2.body).toHaveLength(1);
    await get('/requests.json?page_size=501').expect(400);
    await get('/requests.json?status=pending').expect(400);
  });

  it('refuses a window over 90 days, and dates it cannot read', async () => {
    await get('/requests.json?start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-03-31T23:59:59%2B07:00').expect(200);
    const tooLong = await get('/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z').expect(
      400,
    );
    expect(tooLong.body[0].description).toMatch(/90 days/);
    await get('/requests.json?start_date=2026-03-01&end_date=2026-02-01').expect(400);
    await get('/requests.json?start_date=yesterday').expect(400);
    const xmlError = await get('/requests.xml?start_date=2025-01-01&end_date=2026-01-01').expect(400);
    expect(xml.parse(xmlError.text).errors.error[0].code).toBe('400');
  });

  it('adds extended attributes and the public timeline as notes with extensions=true, in both formats', async () => {
    const json = await get(`/requests/${verified.code}.json?extensions=true`).expect(200);
    expectValid(validators.requests, json.body);
    const [item] = json.body;
    expect(item.extended_attributes).toMatchObject({ extended_status: 'internal_referral', commune_code: '18073' });
    expect(item.notes.map((n: { type: string }) => n.type).slice(0, 3)).toEqual([
      'received',
      'verification_started',
      'verified',
    ]);
    expect(item.notes[2]).toMatchObject({ summary: 'Report verified', datetime: expect.stringMatching(OFFSET_DATE) });

    const vi = await get(`/requests/${verified.code}.json?extensions=true`, { 'Accept-Language': 'vi' }).expect(200);
    expect(vi.body[0].notes[2].summary).toBe('Phản ánh hợp lệ, chuyển xử lý');
    expect(vi.body[0].service_name).toBe('Môi trường');

    const parsed = xml.parse((await get(`/requests/${verified.code}.xml?extensions=true`).expect(200)).text);
    const [request] = parsed.service_requests.request;
    expect(request.service_request_id).toBe(verified.code);
    expect(request.notes.note[0].type).toBe('received');
    expect(request.address_id).toBe('');
    expect(request.requested_datetime).toMatch(OFFSET_DATE);
  });

  it('answers 404 for an unknown request and maps tokens (case ids) to codes', async () => {
    const missing = await get('/requests/HT-2601-ZZZZ.json').expect(404);
    expect(missing.body[0].code).toBe(404);
    const token = await get(`/tokens/${verified.caseId}.json`).expect(200);
    expect(token.body).toEqual([{ service_request_id: verified.code, token: verified.caseId }]);
    const tokenXml = xml.parse((await get(`/tokens/${verified.caseId}.xml`).expect(200)).text);
    expect(tokenXml.service_requests.request[0]).toEqual({ service_request_id: verified.code, token: verified.caseId });
    await get(`/tokens/${randomUUID()}.json`).expect(404);
    await get('/tokens/not-a-token.xml').expect(404);
  });
});

describe('a case walked to the end', () => {
  it('is fixed, then closed, with its published photo and its updates in the feed', async () => {
    const started = new Date(Date.now() - 1_000);
    const c = await CaseDriver.start(api.deps.temporal, config.TEMPORAL_TASK_QUEUE);
    // A report photo, as the intake stores it (the file itself is not needed here).
    const photo = await db.media.create({
      data: {
        caseId: c.caseId,
        purpose: 'report',
        kind: 'photo',
        contentType: 'image/jpeg',
        size: 1,
        sha256: '0'.repeat(64),
        storageKey: `test/${randomUUID()}.jpg`,
      },
    });
    await walkCase(c, db);
    await eventually(async () => expect(await statusOf(c.caseId)).toBe('closed'));

    const [item] = (await get(`/requests/${c.trackingCode}.json`).expect(200)).body;
    expect(item).toMatchObject({
      status: 'closed',
      status_notes: expect.stringContaining('Kính gửi'),
      agency_responsible: expect.any(String),
      expected_datetime: null,
      updated_datetime: expect.stringMatching(OFFSET_DATE),
    });
    expect(item.media_url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/v1/media/${photo.id}$`));
    expectValid(validators.requests, [item]);

    const updates = await get(
      `/servicerequestupdates.json?start_date=${encodeURIComponent(started.toISOString())}&page_size=500`,
    ).expect(200);
    const mine = updates.body.filter((u: { service_request_id: string }) => u.service_request_id === c.trackingCode);
    const statuses = mine.map((u: { status: string }) => u.status);
    expect(statuses).toEqual(expect.arrayContaining(['internal_referral', 'in_progress', 'fixed', 'closed']));
    for (const update of mine) {
      expect(update).toEqual({
        update_id: expect.any(String),
        service_request_id: c.trackingCode,
        status: expect.any(String),
        external_status_code: expect.any(String),
        description: expect.any(String),
        media_url: null,
        updated_datetime: expect.stringMatching(OFFSET_DATE),
      });
    }
    const parsed = xml.parse(
      (await get(`/servicerequestupdates.xml?start_date=${encodeURIComponent(started.toISOString())}`).expect(200))
        .text,
    );
    expect(parsed.service_request_updates.request_update.length).toBeGreaterThanOrEqual(mine.length);
  });
});

describe('personal data', () => {
  it('never appears in any Open311 answer, JSON or XML', () => {
    expect(bodies.length).toBeGreaterThan(40);
    const all = bodies.join('\n');
    for (const secret of [
      PERSON.first_name,
      PERSON.last_name + ' ' + PERSON.first_name,
      PERSON.phone,
      '0987654321',
      PERSON.email,
      'device-42',
      'account-7',
      'Nguyễn Văn A', // the reporter of CaseDriver's report
      '0912 345 678',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
