/**
 * The statistics as files: each dashboard table (GET /api/admin/statistics/export) as xlsx or CSV
 * with the same figures as the JSON API, and a unit's monthly report
 * (GET /api/admin/reports/monthly) in the province's layout; both read back with exceljs. A leader
 * exports their own unit only; an officer nothing.
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
const CATEGORY = { code: `xuat-${randomUUID().slice(0, 8)}`, nameVi: 'Lĩnh vực xuất thống kê', nameEn: 'Export trial' };
const ids = [randomUUID(), randomUUID(), randomUUID()];
const units: Record<string, { id: string; name: string }> = {};
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  for (const u of await db.unit.findMany({ where: { code: { in: ['18073', '18100'] } } })) units[u.code] = u;
  const model = await db.category.findUniqueOrThrow({ where: { code: 'moi-truong' } });
  await db.category.create({ data: { ...CATEGORY, icon: model.icon, group: model.group } });
  const base = {
    requestFingerprint: 'test',
    categoryCode: CATEGORY.code,
    description: 'Phản ánh cho thống kê',
    channel: 'hotline',
    receivedAt: new Date('2026-11-10T03:00:00Z'),
  };
  const code = () => `ST-${randomUUID().slice(0, 8)}`;
  await db.case.createMany({
    data: [
      {
        ...base,
        id: ids[0]!,
        trackingCode: code(),
        communeCode: '18073',
        unitId: units['18073']!.id,
        status: 'closed',
        step: 'close',
        resolutionDeadline: new Date('2026-11-20T10:00:00Z'),
        publishedAt: new Date('2026-11-14T03:00:00Z'),
        closedAt: new Date('2026-11-16T03:00:00Z'),
      },
      {
        ...base,
        id: ids[1]!,
        trackingCode: code(),
        communeCode: '18073',
        unitId: units['18073']!.id,
        status: 'processing',
        step: 'process',
      },
      {
        ...base,
        id: ids[2]!,
        trackingCode: code(),
        communeCode: '18100',
        unitId: units['18100']!.id,
        status: 'processing',
        step: 'process',
      },
    ],
  });
  await db.rating.create({ data: { caseId: ids[0]!, score: 5 } });
});
afterAll(async () => {
  await db.case.deleteMany({ where: { id: { in: ids } } });
  await db.category.delete({ where: { code: CATEGORY.code } });
  await api.close();
});

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function get(username: string, path: string, status = 200, language = 'vi') {
  return request(app)
    .get(path)
    .set('Cookie', await as(username))
    .set('Accept-Language', language)
    .buffer(true)
    .parse(binary as never)
    .expect(status);
}

async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe('statistics tables as files', () => {
  it('writes the unit ranking as the JSON API counts it, with Vietnamese headers and unit names', async () => {
    const filter = `${NOVEMBER}&categoryCode=${CATEGORY.code}`;
    const res = await get('supervisor', `/api/admin/statistics/export?table=by-unit&format=xlsx&${filter}`);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="thong-ke-by-unit-2026-11-01-2026-11-30.xlsx"',
    );
    const sheet = await workbookOf(res.body);
    expect(sheet.name).toBe('Theo đơn vị');
    const header = values(sheet, 1) as string[];
    expect(header.slice(0, 6)).toEqual(['Đơn vị', 'Tiếp nhận', 'Đang xử lý', 'Đã xử lý', 'Đúng hạn', 'Trễ hạn']);
    const json = await request(app)
      .get(`/api/admin/statistics/by-unit?${filter}`)
      .set('Cookie', await as('supervisor'))
      .expect(200);
    expect(sheet.rowCount).toBe(1 + json.body.rows.length);
    const thanhSen = [2, 3].map((n) => values(sheet, n)).find((r) => r[0] === units['18073']!.name)!;
    const col = (name: string) => header.indexOf(name);
    expect(thanhSen[col('Tiếp nhận')]).toBe(2);
    expect(thanhSen[col('Đã xử lý')]).toBe(1);
    expect(thanhSen[col('Đúng hạn')]).toBe(1);
    expect(thanhSen[col('Tỷ lệ đúng hạn (%)')]).toBe(100);
    expect(thanhSen[col('5 sao')]).toBe(1);
    expect(thanhSen[col('Tỷ lệ hài lòng (%)')]).toBe(100);
  });

  it('writes CSV behind a BOM, in English when asked, for categories, trends and steps', async () => {
    const filter = `${NOVEMBER}&channel=hotline&categoryCode=${CATEGORY.code}`;
    const csv = await get('operator', `/api/admin/statistics/export?table=by-category&format=csv&${filter}`, 200, 'en');
    const body = csv.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('Category,Received,In progress,Processed,On time,Late,On time (%)')).toBe(true);
    expect(lines[1]!.startsWith('Export trial,3,2,1,1,0,100,')).toBe(true);

    const trend = await workbookOf(
      (await get('operator', `/api/admin/statistics/export?table=trend&format=xlsx&interval=month&${filter}`)).body,
    );
    expect(values(trend, 2).slice(0, 2)).toEqual(['2026-11', 3]);

    const steps = await workbookOf(
      (await get('operator', `/api/admin/statistics/export?table=steps&format=xlsx&${filter}`)).body,
    );
    expect(values(steps, 1).slice(0, 2)).toEqual(['Bước', 'Hoàn thành']);
    expect(values(steps, 2)[0]).toBe('Xác minh');
  });

  it("narrows a leader to their own unit, and refuses another unit's, an officer, and a bad table", async () => {
    const filter = `${NOVEMBER}&categoryCode=${CATEGORY.code}`;
    const sheet = await workbookOf(
      (await get('18100.leader', `/api/admin/statistics/export?table=by-unit&format=xlsx&${filter}`)).body,
    );
    expect(sheet.rowCount).toBe(2);
    expect(values(sheet, 2).slice(0, 2)).toEqual([units['18100']!.name, 1]);
    await get(
      '18100.leader',
      `/api/admin/statistics/export?table=by-unit&format=csv&unitId=${units['18073']!.id}`,
      403,
    );
    await get('18073.officer', `/api/admin/statistics/export?table=by-unit&format=csv`, 403);
    const bad = await request(app)
      .get('/api/admin/statistics/export?table=everything&format=xlsx')
      .set('Cookie', await as('supervisor'))
      .expect(422);
    expect(bad.body.error.fields.table).toBeDefined();
  });
});

describe('the monthly report of a unit', () => {
  it('has the title, the unit, the period, the figures by category with a total, and the signature block', async () => {
    const res = await get('supervisor', `/api/admin/reports/monthly?unitId=${units['18073']!.id}&month=2026-11`);
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-thang-2026-11-18073.xlsx"');
    const sheet = await workbookOf(res.body);
    const text = (address: string) => String(sheet.getCell(address).value);
    expect(text('A4')).toBe('BÁO CÁO KẾT QUẢ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ THÁNG 11/2026');
    expect(text('A5')).toBe(`Đơn vị: ${units['18073']!.name}`);
    expect(text('A6')).toBe('Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 30/11/2026');
    expect(text('E1')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header).toEqual([
      'STT',
      'Lĩnh vực',
      'Tiếp nhận',
      'Đã xử lý',
      'Đúng hạn',
      'Trễ hạn',
      'Đang xử lý',
      'Tỷ lệ đúng hạn (%)',
      'Lượt đánh giá',
      'Tỷ lệ hài lòng (%)',
    ]);
    const ours = rows.find((r) => r[1] === CATEGORY.nameVi)!;
    expect(ours.slice(2)).toEqual([2, 1, 1, 0, 1, 100, 1, 100]);
    const total = rows.find((r) => r[1] === 'Tổng cộng')!;
    expect(total[2]).toBeGreaterThanOrEqual(2);
    const flat = rows.flat().map(String);
    expect(flat).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']));
  });

  it("is a leader's for their own unit only, and refuses a malformed month", async () => {
    await get('18073.leader', `/api/admin/reports/monthly?unitId=${units['18073']!.id}&month=2026-11`);
    await get('18100.leader', `/api/admin/reports/monthly?unitId=${units['18073']!.id}&month=2026-11`, 403);
    const bad = await request(app)
      .get(`/api/admin/reports/monthly?unitId=${units['18073']!.id}&month=2026-13`)
      .set('Cookie', await as('supervisor'))
      .expect(422);
    expect(bad.body.error.fields.month).toBeDefined();
    // PostgreSQL has no year 0: refused as a value, not a server error (found by schemathesis).
    for (const month of ['0000-01', '1999-12'])
      await request(app)
        .get(`/api/admin/reports/monthly?unitId=${units['18073']!.id}&month=${month}`)
        .set('Cookie', await as('supervisor'))
        .expect(422);
  });
});
