/** The public reference data citizens' apps build their forms from. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { apiDependencies, testConfig } from './support/platform';

const api = apiDependencies(testConfig());
let app: Express;
beforeAll(() => {
  app = createApp(api.deps);
});
afterAll(() => api.close());

const officialCodes = readFileSync(path.join(__dirname, '..', 'prisma', 'seed', 'ha-tinh-communes.tsv'), 'utf8')
  .split('\n')
  .filter((line) => /^\d{5}\t/.test(line))
  .map((line) => line.split('\t')[0]);

describe('GET /api/v1/communes, categories, units', () => {
  it('answers the 69 communes and wards of Hà Tĩnh with their official codes', async () => {
    const response = await request(app).get('/api/v1/communes').expect(200);
    expect(officialCodes).toHaveLength(69);
    expect(response.body.map((c: { code: string }) => c.code).sort()).toEqual([...officialCodes].sort());
    expect(response.body).toContainEqual({
      code: '18073',
      name: 'Thành Sen',
      kind: 'ward',
      fullName: 'Phường Thành Sen',
    });
    expect(response.body.filter((c: { kind: string }) => c.kind === 'ward')).toHaveLength(9);
    expect(response.headers['cache-control']).toMatch(/max-age/);
    const en = await request(app).get('/api/v1/communes').set('Accept-Language', 'en').expect(200);
    expect(en.body).toContainEqual(expect.objectContaining({ code: '18775', fullName: 'Kỳ Anh Commune' }));
  });

  it('answers the active categories in both languages, the requested one as name', async () => {
    const vi = await request(app).get('/api/v1/categories').expect(200);
    expect(vi.body.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining([
        'giao-thong',
        'moi-truong',
        'do-thi',
        'an-sinh-xa-hoi',
        'an-ninh-trat-tu',
        'thu-tuc-hanh-chinh',
        'an-toan-thuc-pham',
      ]),
    );
    const environment = vi.body.find((c: { code: string }) => c.code === 'moi-truong');
    expect(environment).toMatchObject({ name: 'Môi trường', nameVi: 'Môi trường', icon: expect.any(String) });
    const en = await request(app).get('/api/v1/categories').set('Accept-Language', 'en').expect(200);
    expect(en.body.find((c: { code: string }) => c.code === 'moi-truong').name).toBe(environment.nameEn);
  });

  it("answers the units: the IOC, the departments and a People's Committee per commune, without staff", async () => {
    const response = await request(app).get('/api/v1/units').expect(200);
    const byCode = new Map(response.body.map((u: { code: string }) => [u.code, u]));
    expect(byCode.get('IOC')).toMatchObject({ kind: 'ioc' });
    expect(byCode.get('SXD')).toMatchObject({ kind: 'department', name: 'Sở Xây dựng' });
    expect(byCode.get('18073')).toMatchObject({ kind: 'commune', communeCodes: ['18073'] });
    for (const code of officialCodes) expect(byCode.has(code)).toBe(true);
    expect(JSON.stringify(response.body)).not.toMatch(/leader|officer|passwordHash/);
  });
});
