/**
 * The public transparency figures (GET /api/v1/statistics, the portal's statistics page): per
 * unit and per category, how many reports were received, processed on time, and how satisfied
 * citizens were. Counts and shares only, never a case or a person. The same for everyone, so it
 * is kept in process for a short while and sent with an ETag (docs/statistics.md).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { statisticsBy, statisticsSummary, type StatisticsRow } from './get-statistics';
import { addDays, completeFilter, haTinhToday } from './statistics-query';

const day = z.string().date();
export const publicStatisticsQuery = z.object({ from: day.optional(), to: day.optional() }).strict();

/** The fields a public row shows. */
export const PUBLIC_FIELDS = [
  'key',
  'name',
  'nameEn',
  'received',
  'processed',
  'onTime',
  'late',
  'onTimeShare',
  'rated',
  'meanRating',
  'satisfiedShare',
] as const;

export type PublicRow = Pick<StatisticsRow, (typeof PUBLIC_FIELDS)[number]>;

export interface PublicStatisticsAnswer {
  /** The JSON body, serialised once. */
  body: string;
  /** A strong validator of the body. */
  etag: string;
}

const MAX_ENTRIES = 200;

/** Answers from an in-process cache of `ttlMs` (default 60 s), per period. */
export function publicStatistics(db: Db, options: { ttlMs?: number; now?: () => Date } = {}) {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const cache = new Map<string, { until: number; answer: Promise<PublicStatisticsAnswer> }>();
  return (query: z.infer<typeof publicStatisticsQuery>): Promise<PublicStatisticsAnswer> => {
    const today = now();
    // By default the last 12 months: a year of a unit's work.
    const filter = completeFilter(
      query.from || query.to ? query : { from: addDays(haTinhToday(today), -364), to: haTinhToday(today) },
      today,
    );
    const key = `${filter.from}/${filter.to}`;
    const cached = cache.get(key);
    if (cached && cached.until > today.getTime()) return cached.answer;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const answer = compute(db, filter);
    cache.set(key, { until: today.getTime() + ttlMs, answer });
    answer.catch(() => cache.delete(key)); // a failure is not kept
    return answer;
  };
}

async function compute(db: Db, filter: ReturnType<typeof completeFilter>): Promise<PublicStatisticsAnswer> {
  const options = { scope: 'all' as const, filter };
  const [total, units, categories] = await Promise.all([
    statisticsSummary(db, options),
    statisticsBy(db, 'unit', options),
    statisticsBy(db, 'category', options),
  ]);
  const body = JSON.stringify({
    period: total.period,
    total: publicRow({ ...total, key: null, name: null, nameEn: null }),
    // Cases not yet given a unit are in the total, not in the units' table.
    units: units.rows.filter((row) => row.key !== null).map(publicRow),
    categories: categories.rows.map(publicRow),
  });
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

function publicRow(row: StatisticsRow): PublicRow {
  return Object.fromEntries(PUBLIC_FIELDS.map((field) => [field, row[field]])) as PublicRow;
}
