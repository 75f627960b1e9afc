/**
 * The OpenAPI document refuses exactly what the server refuses: for each sample, the document's
 * JSON Schema (as a client or schemathesis reads it) and the zod schema the route parses with give
 * the same verdict. The samples are the edges where they used to differ: empty query values, a
 * location without a point or an address, addresses of the wrong channel, white space around text.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { z } from 'zod';
import { reportCommandSchema } from '../../domain/report-command';
import { loginSchema } from '../routes/auth';
import { unitSchema } from '../routes/admin/admin-units';
import { announcementQuery } from '../services/find-announcements';
import { publicFeedQuery } from '../services/find-public-reports';
import { subscriptionInput } from '../services/subscriptions/subscribe';
import { textProblem } from '../../domain/input-text';
import { buildOpenApiDocument } from './document';
import { plainText } from './plain-text';

type Operation = {
  parameters?: { name: string; in: string; schema?: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
};
const document = buildOpenApiDocument() as { paths: Record<string, Record<string, Operation>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const bodySchema = (path: string, method: string) =>
  document.paths[path]![method]!.requestBody!.content['application/json']!.schema;
const querySchema = (path: string, name: string) =>
  document.paths[path]!.get!.parameters!.find((p) => p.in === 'query' && p.name === name)!.schema!;

/** Both verdicts, documented first: `[document accepts, server accepts]`. */
function verdicts(schema: object, zod: z.ZodTypeAny, value: unknown): [boolean, boolean] {
  return [ajv.validate(schema, value), zod.safeParse(value).success];
}

/** The same for one query parameter: the document checks its value, the server the whole query. */
function queryVerdicts(path: string, zod: z.ZodTypeAny, name: string, value: string): [boolean, boolean] {
  return [ajv.validate(querySchema(path, name), value), zod.safeParse({ [name]: value }).success];
}

const REPORT = { categoryCode: 'moi-truong', description: 'Rác thải đổ trộm ven đường' };

describe('the OpenAPI document is exactly as strict as the server', () => {
  it.each([
    ['an empty category', 'categoryCode', ''],
    ['only commas and spaces', 'categoryCode', ' , ,'],
    ['one code', 'categoryCode', 'moi-truong'],
    ['a list with empty items', 'categoryCode', 'moi-truong,, giao-thong ,'],
    ['a code too long', 'communeCode', '12345678901234567'],
    ['an empty status', 'status', ''],
    ['a known status', 'status', 'closed, responded'],
    ['an unknown status', 'status', 'closed,open'],
    ['an empty date', 'from', ''],
    ['a day', 'from', '2026-03-01'],
    ['an instant', 'from', '2026-03-01T08:00:00+07:00'],
    ['a month', 'from', '2026-03'],
    ['an empty bbox', 'bbox', ''],
    ['a bbox', 'bbox', '105.5,18.1,106.2,18.6'],
    ['a bbox of three', 'bbox', '105.5,18.1,106.2'],
    ['a bbox out of range', 'bbox', '181,18.1,182,18.6'],
  ])('the feed, %s', (_what, name, value) => {
    const [documented, served] = queryVerdicts('/api/v1/reports', publicFeedQuery, name, value);
    expect(documented).toBe(served);
  });

  it.each([
    ['an empty kind', ''],
    ['a kind', 'weather'],
    ['kinds with an empty one', 'weather,,traffic'],
    ['an unknown kind', 'rumour'],
  ])('announcements, %s', (_what, value) => {
    const [documented, served] = queryVerdicts('/api/v1/announcements', announcementQuery, 'kind', value);
    expect(documented).toBe(served);
  });

  it.each([
    ['no point and no address', {}],
    ['half a point', { lat: 18.34 }],
    ['half a point and an address', { lng: 105.9, address: 'Số 12 Phan Đình Phùng' }],
    ['a point', { lat: 18.34, lng: 105.9 }],
    ['an address', { address: 'Số 12 Phan Đình Phùng' }],
    ['an address of spaces', { address: '   ' }],
    ['a point and an address', { lat: 18.34, lng: 105.9, address: 'Số 12' }],
  ])('a report whose location has %s', (_what, location) => {
    const [documented, served] = verdicts(bodySchema('/api/v1/reports', 'post'), reportCommandSchema, {
      ...REPORT,
      location,
    });
    expect(documented).toBe(served);
  });

  it.each([
    ['an e-mail for e-mail', 'email', 'dan@example.vn'],
    ['a phone number for e-mail', 'email', '0912 345 678'],
    ['a phone number for SMS', 'sms', '+84 912 345 678'],
    ['an e-mail for SMS', 'sms', 'dan@example.vn'],
    ['spaces', 'email', '   '],
    ['a phone number for Zalo', 'zalo', '0912345678'],
    ['an e-mail for Zalo', 'zalo', 'dan@example.vn'],
    ['an endpoint for e-mail', 'email', 'https://fcm.googleapis.com/fcm/send/x'],
  ])('a subscription with %s', (_what, channel, address) => {
    const [documented, served] = verdicts(bodySchema('/api/v1/subscriptions', 'post'), subscriptionInput, {
      channel,
      address,
    });
    expect(documented).toBe(served);
  });

  const KEYS = { p256dh: `B${'a'.repeat(86)}`, auth: 'b'.repeat(22) };
  it.each([
    ['an endpoint and keys', 'web_push', 'https://fcm.googleapis.com/fcm/send/x', KEYS],
    ['an endpoint without keys', 'web_push', 'https://fcm.googleapis.com/fcm/send/x', undefined],
    ['a phone number for Web Push', 'web_push', '0912345678', KEYS],
    ['keys for e-mail', 'email', 'dan@example.vn', KEYS],
    ['short keys', 'web_push', 'https://fcm.googleapis.com/fcm/send/x', { p256dh: 'Bxx', auth: 'y' }],
  ])('a Web Push subscription with %s', (_what, channel, address, keys) => {
    const [documented, served] = verdicts(bodySchema('/api/v1/subscriptions', 'post'), subscriptionInput, {
      channel,
      address,
      ...(keys && { keys }),
      topics: ['report_resolved'],
    });
    expect(documented).toBe(served);
  });

  it.each([
    ['a code', { code: 'SXD', name: 'Sở Xây dựng', kind: 'department' }],
    ['a code in spaces', { code: '  SXD ', name: 'Sở Xây dựng', kind: 'department' }],
    ['a name of spaces', { code: 'SXD', name: '   ', kind: 'department' }],
    ['a bad code', { code: 'S X D', name: 'Sở Xây dựng', kind: 'department' }],
    ['a field the server ignores', { code: 'SXD', name: 'Sở Xây dựng', kind: 'department', colour: 'red' }],
  ])('a back-office unit with %s', (_what, unit) => {
    const [documented, served] = verdicts(bodySchema('/api/admin/units', 'post'), unitSchema, unit);
    expect(documented).toBe(served);
  });

  it.each([
    ['a name in spaces', { username: '  admin ', password: 'x' }],
    ['a name of spaces', { username: '   ', password: 'x' }],
    ['a field that does not belong', { username: 'admin', password: 'x', remember: true }],
  ])('a login with %s', (_what, login) => {
    const [documented, served] = verdicts(bodySchema('/api/auth/login', 'post'), loginSchema, login);
    expect(documented).toBe(served);
  });

  it.each([false, true])('refuses the control characters the server refuses (multi-line: %s)', (multiLine) => {
    const schema = plainText({ type: 'string', maxLength: 20 }, multiLine) as object;
    const characters = [...Array(0xa0).keys()].map((code) => String.fromCharCode(code)).concat('đ', '\u00a0');
    for (const character of characters) {
      const text = `a${character}b`;
      expect([character.charCodeAt(0), ajv.validate(schema, text)]).toEqual([
        character.charCodeAt(0),
        textProblem(text, { multiLine }) === undefined,
      ]);
    }
  });

  it('documents the back office and Open311 with their security schemes', () => {
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/admin/cases', '/api/admin/tasks/{id}/complete']));
    expect(paths).toEqual(expect.arrayContaining(['/open311/v2/requests.{format}']));
    const schemes = (buildOpenApiDocument().components as { securitySchemes: object }).securitySchemes;
    expect(Object.keys(schemes).sort()).toEqual(['citizenSession', 'open311Key', 'session']);
  });
});
