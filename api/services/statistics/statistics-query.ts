/**
 * The statistics' filters (docs/statistics.md): a period of Hà Tĩnh days, inclusive, and the
 * dimensions a figure may be narrowed to. The same schema parses the admin API's query and is the
 * OpenAPI document's parameters.
 */
import { z } from 'zod';
import { AppError } from '../../../platform/app-error';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000; // Asia/Ho_Chi_Minh has no daylight saving time
/** Periods longer than this are refused: a dashboard's question, not a data dump. */
export const MAX_PERIOD_DAYS = 3 * 366;
const DEFAULT_PERIOD_DAYS = 30;

const day = z.string().date();
const code = z.string().trim().min(1).max(64);

export const statisticsFilter = z
  .object({
    from: day.optional(),
    to: day.optional(),
    unitId: z.string().uuid().optional(),
    communeCode: code.optional(),
    categoryCode: code.optional(),
    channel: code.optional(),
  })
  .strict();

export const trendQuery = statisticsFilter.extend({ interval: z.enum(['week', 'month']).default('month') }).strict();

export interface StatisticsFilter {
  /** Hà Tĩnh days, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  unitId?: string;
  communeCode?: string;
  categoryCode?: string;
  channel?: string;
}

/** Today in Hà Tĩnh, YYYY-MM-DD. */
export function haTinhToday(now = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `days` days after (or before) a YYYY-MM-DD day. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The filter with its period completed (default: the 30 days up to today) and checked. */
export function completeFilter(input: z.infer<typeof statisticsFilter>, now = new Date()): StatisticsFilter {
  const to = input.to ?? (input.from ? addDays(input.from, DEFAULT_PERIOD_DAYS - 1) : haTinhToday(now));
  const from = input.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw new AppError('VALIDATION_FAILED', {}, { to: { code: 'before_from' } });
  if (Date.parse(to) - Date.parse(from) > (MAX_PERIOD_DAYS - 1) * 86_400_000) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { from: { code: 'period_too_long', params: { days: MAX_PERIOD_DAYS } } },
    );
  }
  const { unitId, communeCode, categoryCode, channel } = input;
  return {
    from,
    to,
    ...(unitId && { unitId }),
    ...(communeCode && { communeCode }),
    ...(categoryCode && { categoryCode }),
    ...(channel && { channel }),
  };
}
