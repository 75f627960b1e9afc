/**
 * The case list's export (GET /api/admin/cases/export): the rows the official may see in the list
 * and no others, as an Excel file that Excel (here exceljs) reads back with Vietnamese headers,
 * names instead of ids, Hà Tĩnh times and ratings; as CSV behind a UTF-8 BOM; formulas typed by a
 * reporter stay text; every export is audited.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { apiDependencies, testConfig } from './support/platform';
import { officialSessions } from './support/official-sessions';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);
const ids = { ours: randomUUID(), formula: randomUUID(), foreign: randomUUID() };
const codes = {
  ours: `EX-${randomUUID().slice(0, 6)}`,
  formula: `EX-${randomUUID().slice(0, 6)}`,
  foreign: `EX-${randomUUID().slice(0, 6)}`,
};
let unitName = '';
let categoryName = '';

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  const units = await db.unit.findMany({ where: { code: { in: ['18073', '18100'] } } });
  const unit = (code: string) => units.find((u) => u.code === code)!;
  unitName = unit('18073').name;
  categoryName = (await db.category.findUniqueOrThrow({ where: { code: 'moi-truong' } })).nameVi;
  const base = {
    requestFingerprint: 'test',
    categoryCode: 'moi-truong',
    description: 'Rác thải tồn đọng, mùi hôi "nặng", ảnh hưởng khu dân cư',
    status: 'closed' as const,
    step: 'close' as const,
    // 14:05 in Hà Tĩnh on 3 December 2026.
    receivedAt: new Date('2026-12-03T07:05:00Z'),
    closedAt: new Date('2026-12-05T02:30:00Z'),
    reporterName: 'Trần Thị B',
    reporterPhone: '0987 654 321',
  };
  await db.case.createMany({
    data: [
      { ...base, id: ids.ours, trackingCode: codes.ours, communeCode: '18073', unitId: unit('18073').id },
      {
        ...base,
        id: ids.formula,
        trackingCode: codes.formula,
        description: '=HYPERLINK("http://evil.example","bấm vào")',
        address: '+84 số 5',
        communeCode: '18073',
        unitId: unit('18073').id,
        status: 'processing',
        step: 'process',
        closedAt: null,
      },
      { ...base, id: ids.foreign, trackingCode: codes.foreign, communeCode: '18100', unitId: unit('18100').id },
    ],
  });
  await db.rating.create({ data: { caseId: ids.ours, score: 5 } });
});
afterAll(async () => {
  await db.auditLog.deleteMany({ where: { action: 'export_cases' } });
  await db.case.deleteMany({ where: { id: { in: Object.values(ids) } } });
  await api.close();
});

const ours = encodeURIComponent(JSON.stringify({ id: Object.values(ids) }));
const byCode = encodeURIComponent(JSON.stringify(['trackingCode', 'ASC']));

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function download(username: string, format: 'xlsx' | 'csv', language = 'vi') {
  return request(app)
    .get(`/api/admin/cases/export?format=${format}&filter=${ours}&sort=${byCode}`)
    .set('Cookie', await as(username))
    .set('Accept-Language', language)
    .buffer(true)
    .parse(binary as never)
    .expect(200);
}

async function sheetOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, header: rows[0] as string[], rows: rows.slice(1) };
}

describe('the case list export', () => {
  it('is an Excel file with Vietnamese headers, names, Hà Tĩnh times and ratings, of the unit’s cases only', async () => {
    const res = await download('18073.leader', 'xlsx');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="phan-anh-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const { sheet, header, rows } = await sheetOf(res.body);
    expect(sheet.name).toBe('Phản ánh');
    expect(header).toEqual(
      expect.arrayContaining([
        'Mã tra cứu',
        'Ngày tiếp nhận',
        'Trạng thái',
        'Lĩnh vực',
        'Đơn vị xử lý',
        'Đánh giá (1–5)',
        'Mức hài lòng',
      ]),
    );
    const col = (name: string) => header.indexOf(name);
    // The other commune's case is not in the file: the same CASL rule as the list.
    expect(rows.map((r) => r[col('Mã tra cứu')])).toEqual([codes.ours, codes.formula].sort());
    const row = rows.find((r) => r[col('Mã tra cứu')] === codes.ours)!;
    expect(row[col('Trạng thái')]).toBe('Đã hoàn thành');
    expect(row[col('Bước')]).toBe('Kết thúc');
    expect(row[col('Lĩnh vực')]).toBe(categoryName);
    expect(row[col('Đơn vị xử lý')]).toBe(unitName);
    expect(row[col('Mức độ')]).toBe('Thông thường');
    expect(row[col('Nội dung')]).toBe('Rác thải tồn đọng, mùi hôi "nặng", ảnh hưởng khu dân cư');
    expect(row[col('Đánh giá (1–5)')]).toBe(5);
    expect(row[col('Mức hài lòng')]).toBe('Rất hài lòng');
    // Excel dates carry no zone: the cell holds Hà Tĩnh's wall clock, shown dd/mm/yyyy hh:mm.
    expect(row[col('Ngày tiếp nhận')]).toEqual(new Date('2026-12-03T14:05:00Z'));
    expect(sheet.getRow(2).getCell(col('Ngày tiếp nhận') + 1).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(row[col('Ngày kết thúc')]).toEqual(new Date('2026-12-05T09:30:00Z'));
    // No personal data, like the list.
    expect(JSON.stringify(rows)).not.toMatch(/Trần Thị B|0987/);
  });

  it('keeps a formula typed by a reporter as text', async () => {
    const { header, rows } = await sheetOf((await download('18073.officer', 'xlsx')).body);
    const row = rows.find((r) => r[header.indexOf('Mã tra cứu')] === codes.formula)!;
    expect(row[header.indexOf('Nội dung')]).toBe(`'=HYPERLINK("http://evil.example","bấm vào")`);
    expect(row[header.indexOf('Địa chỉ')]).toBe("'+84 số 5");
    expect(row[header.indexOf('Đánh giá (1–5)')]).toBeUndefined();
  });

  it('is CSV behind a UTF-8 byte order mark, quoted, with Hà Tĩnh times and neutralised formulas', async () => {
    const res = await download('18073.leader', 'csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]!.startsWith('Mã tra cứu,Ngày tiếp nhận,Trạng thái,Bước,Lĩnh vực')).toBe(true);
    expect(lines).toHaveLength(4); // header, two cases, and the empty string after the last CRLF
    const ourLine = lines.find((l) => l.startsWith(codes.ours))!;
    expect(ourLine).toContain(',03/12/2026 14:05,Đã hoàn thành,');
    expect(ourLine).toContain('"Rác thải tồn đọng, mùi hôi ""nặng"", ảnh hưởng khu dân cư"');
    expect(ourLine).toContain(',5,Rất hài lòng');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""bấm vào"")"`);
    expect(text).not.toContain(codes.foreign);
  });

  it('speaks English to an official who reads English', async () => {
    const { sheet, header, rows } = await sheetOf((await download('operator', 'xlsx', 'en')).body);
    expect(sheet.name).toBe('Cases');
    expect(header.slice(0, 3)).toEqual(['Tracking code', 'Received', 'Status']);
    expect(rows).toHaveLength(3); // the IOC's operator sees every unit's cases
    expect(rows.find((r) => r[0] === codes.ours)![2]).toBe('Closed');
  });

  it('leaves an audit entry naming who exported what', async () => {
    await download('18100.leader', 'csv');
    const leader = await db.user.findUniqueOrThrow({ where: { username: '18100.leader' } });
    const entry = await db.auditLog.findFirst({ where: { action: 'export_cases', actorId: leader.id } });
    expect(entry).toMatchObject({ actorKind: 'official', subjectType: 'Case' });
    expect(entry!.details).toMatchObject({ format: 'csv', rows: 1, filter: { id: Object.values(ids) } });
  });

  it('refuses an unknown format and an anonymous caller, in the project’s error format', async () => {
    const bad = await request(app)
      .get(`/api/admin/cases/export?format=pdf`)
      .set('Cookie', await as('operator'))
      .expect(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields.format).toBeDefined();
    expect(bad.body.error.message).toMatch(/[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i);
    await request(app).get('/api/admin/cases/export?format=csv').expect(401);
  });
});
