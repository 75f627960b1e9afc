/**
 * Keyset (cursor) pages (issue 17, api/list-cursor.ts): the back office's case list
 * (`after` → `X-Next-Cursor`) and the public feed (`after` → `nextCursor`). A list read page by
 * page holds each row once, none lost, while cases arrive between two pages; a cursor that was
 * altered, or belongs to another list or order, is refused with 422 in Vietnamese or English.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { capture } from '../bench/lists/measure';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

/** Every case this suite writes, existing or to come (the list is filtered on them). */
const ids = Array.from({ length: 12 }, () => randomUUID());
/** Far from every other suite's reports, for the feed's bbox. */
const BBOX = '105.21,18.61,105.23,18.63';
const HOUR = 3_600_000;
const base = Date.now() - 1_000 * HOUR;

/** Case i, created i hours after `base` (with deadlines where i is odd), published if asked. */
async function addCase(i: number, options: { createdAt?: Date; published?: boolean } = {}) {
  const at = options.createdAt ?? new Date(base + i * HOUR);
  await db.case.create({
    data: {
      id: ids[i]!,
      trackingCode: `TS-${ids[i]!.slice(0, 8).toUpperCase()}`,
      requestFingerprint: 'list-cursor',
      categoryCode: 'giao-thong',
      description: 'Ổ gà giữa đường',
      lat: 18.62,
      lng: 105.22,
      status: 'processing',
      step: 'process',
      receivedAt: at,
      createdAt: at,
      // Two cases share a deadline, and some have none: ties and NULLs in the order.
      deadline: i % 3 === 0 ? null : new Date(base + (i % 2) * 10 * HOUR),
      publishedAt: options.published === false ? null : at,
    },
  });
}

beforeAll(async () => {
  app = createApp(api.deps);
  for (let i = 0; i < 7; i++) await addCase(i);
});
afterAll(async () => {
  await db.case.deleteMany({ where: { id: { in: ids } } });
  await api.close();
});

async function casePage(sort: [string, string], range: [number, number], after?: string) {
  const response = await request(app)
    .get('/api/admin/cases')
    .query({
      sort: JSON.stringify(sort),
      range: JSON.stringify(range),
      filter: JSON.stringify({ id: ids }),
      ...(after !== undefined && { after }),
    })
    .set('Cookie', await as('operator'))
    .expect(200);
  return {
    ids: (response.body as { id: string }[]).map((c) => c.id),
    next: response.headers['x-next-cursor'] as string | undefined,
  };
}

/** The whole list, page after page by cursor. */
async function byCursor(sort: [string, string], size: number) {
  const seen: string[] = [];
  let page = await casePage(sort, [0, size - 1]);
  seen.push(...page.ids);
  while (page.next) {
    page = await casePage(sort, [seen.length, seen.length + size - 1], page.next);
    seen.push(...page.ids);
  }
  return seen;
}

describe('the case list by cursor', () => {
  it.each([
    ['createdAt', 'DESC'],
    ['createdAt', 'ASC'],
    ['deadline', 'ASC'],
    ['deadline', 'DESC'],
    ['trackingCode', 'ASC'],
    ['escalationLevel', 'DESC'],
  ] as [string, string][])('gives the rows of one big page, in its order, sorted by %s %s', async (...sort) => {
    const whole = await casePage(sort, [0, 99]);
    expect(whole.ids).toHaveLength(7);
    expect(whole.next).toBeUndefined();
    for (const size of [1, 2, 3]) expect(await byCursor(sort, size)).toEqual(whole.ids);
  });

  it('loses and repeats no case when cases arrive between pages (where offsets repeat)', async () => {
    const sort: [string, string] = ['createdAt', 'DESC'];
    const first = await casePage(sort, [0, 2]);
    expect(first.ids).toEqual([ids[6], ids[5], ids[4]]);
    // Two newer cases, and one older than all: it belongs to the list's end.
    await addCase(7);
    await addCase(8);
    await addCase(9, { createdAt: new Date(base - HOUR) });
    const second = await casePage(sort, [3, 5], first.next);
    expect(second.ids).toEqual([ids[3], ids[2], ids[1]]);
    const third = await casePage(sort, [6, 8], second.next);
    expect(third.ids).toEqual([ids[0], ids[9]]);
    expect(third.next).toBeUndefined();
    // The offset of the second page now shows what the first showed.
    expect((await casePage(sort, [3, 5])).ids).toEqual([ids[5], ids[4], ids[3]]);
  });

  it('refuses an altered cursor, or one of another sort, with 422 in Vietnamese and English', async () => {
    const sort: [string, string] = ['createdAt', 'DESC'];
    const { next } = await casePage(sort, [0, 0]);
    const parts = JSON.parse(Buffer.from(next!, 'base64url').toString()) as unknown[];
    const forged = (p: unknown[]) => Buffer.from(JSON.stringify(p)).toString('base64url');
    const bad = [
      'not a cursor',
      `${next}x`,
      forged([parts[0], parts[1], parts[2], "x' OR 1=1"]),
      forged([parts[0], parts[1], 'yesterday', parts[3]]),
      forged(['deadline', parts[1], parts[2], parts[3]]),
      forged([parts[0], 'asc', parts[2], parts[3]]),
      forged([parts[0], parts[1], parts[2]]),
      Buffer.from('\u0000').toString('base64url'),
      'A'.repeat(601),
    ];
    for (const after of bad) {
      const response = await request(app)
        .get('/api/admin/cases')
        .query({ sort: JSON.stringify(sort), after })
        .set('Cookie', await as('operator'));
      expect({ after, status: response.status, field: response.body.error?.fields?.after?.code }).toEqual({
        after,
        status: 422,
        field: 'invalid_cursor',
      });
    }
    const vi = await request(app)
      .get('/api/admin/cases')
      .query({ sort: JSON.stringify(['deadline', 'ASC']), after: next })
      .set('Cookie', await as('operator'))
      .expect(422);
    expect(vi.body.error.fields.after.message).toMatch(/^Con trỏ trang không hợp lệ/);
    const en = await request(app)
      .get('/api/admin/cases')
      .query({ sort: JSON.stringify(['status', 'ASC']), after: next })
      .set('Cookie', await as('operator'))
      .set('Accept-Language', 'en')
      .expect(422);
    expect(en.body.error.fields.after).toEqual({
      code: 'cursor_not_for_sort',
      message: 'Cursor paging is not available for this sort field; use range instead.',
    });
  });
});

describe('a page after a cursor', () => {
  it("starts the index scan at the cursor's key, not at the top of the list", async () => {
    const { next } = await casePage(['createdAt', 'DESC'], [0, 2]);
    const sent = await capture(() => casePage(['createdAt', 'DESC'], [3, 5], next));
    const page = sent.find((q) => /"createdAt" <= /.test(q.text) && !/COUNT\(/i.test(q.text));
    expect(page).toBeDefined();
    // A few cases here: priced out, the sequential scan and the sort leave the index in the
    // list's order, and the cursor's bound must be its Index Cond (where it starts), not a Filter.
    const client = await api.deps.pool.connect();
    let plan: string;
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('SET LOCAL enable_bitmapscan = off');
      await client.query('SET LOCAL enable_sort = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>({
        text: `EXPLAIN ${page!.text}`,
        values: page!.values,
      });
      plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(plan).toContain('Case_createdAt_id_idx');
    expect(plan).toMatch(/Index Cond: \(.*"createdAt" <= /);
  });
});

describe('the public feed by cursor', () => {
  const feed = (query: Record<string, string>) =>
    request(app)
      .get('/api/v1/reports')
      .query({ bbox: BBOX, ...query });

  it('loses and repeats no report when reports are published between pages', async () => {
    const published = async () => await db.case.count({ where: { id: { in: ids }, publishedAt: { not: null } } });
    const expected = (await feed({ pageSize: '100' }).expect(200)).body.items.map(
      (r: { trackingCode: string }) => r.trackingCode,
    );
    expect(expected).toHaveLength(await published());
    const seen: string[] = [];
    let page = (await feed({ pageSize: '2' }).expect(200)).body;
    seen.push(...page.items.map((r: { trackingCode: string }) => r.trackingCode));
    await addCase(10);
    while (page.nextCursor) {
      page = (await feed({ pageSize: '2', after: page.nextCursor }).expect(200)).body;
      seen.push(...page.items.map((r: { trackingCode: string }) => r.trackingCode));
    }
    expect(seen).toEqual(expected);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses a cursor with a page number, or one of the case list', async () => {
    const { nextCursor } = (await feed({ pageSize: '1' }).expect(200)).body;
    const withPage = await feed({ after: nextCursor, page: '2' }).expect(422);
    expect(withPage.body.error.fields.page.code).toBe('cursor_with_page');
    const { next } = await casePage(['createdAt', 'DESC'], [0, 0]);
    const other = await feed({ after: next! }).expect(422);
    expect(other.body.error.fields.after.code).toBe('invalid_cursor');
  });
});
