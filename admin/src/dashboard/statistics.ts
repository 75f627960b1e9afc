/**
 * The statistics API's answers (/api/admin/statistics/..., docs/statistics.md) and the links the
 * dashboard builds from them: its own queries, the drill-down into the case list, the exports.
 */
import { endOfHaTinhDay, haTinhDay, startOfHaTinhDay } from '../common/ha-tinh-time';

export interface StatisticsFilters {
  from: string;
  to: string;
  unitId?: string;
  communeCode?: string;
  categoryCode?: string;
  channel?: string;
}

export interface OverdueNow {
  total: number;
  byLevel: { level: number; count: number }[];
}

export interface Figures {
  received: number;
  inProgress: number;
  processed: number;
  onTime: number;
  late: number;
  onTimeShare: number | null;
  rejected: number;
  duplicate: number;
  withdrawn: number;
  reopened: number;
  rejectedRate: number | null;
  duplicateRate: number | null;
  reopenedRate: number | null;
  ratings: number[];
  rated: number;
  meanRating: number | null;
  satisfiedShare: number | null;
  processing: { completed: number; onTime: number; late: number; meanHours: number | null; p90Hours: number | null };
  overdueNow: OverdueNow | null;
}

export interface Row extends Figures {
  key: string | null;
  name: string | null;
  nameEn: string | null;
}

export interface StepRow {
  step: string;
  completed: number;
  onTime: number;
  late: number;
  onTimeShare: number | null;
  meanHours: number | null;
  p90Hours: number | null;
}

export type Table = 'by-unit' | 'by-category' | 'by-commune' | 'trend' | 'steps';

/** The last 30 days up to today, in Hà Tĩnh (the API's own default, said explicitly). */
export function defaultFilters(now = new Date()): StatisticsFilters {
  return { from: haTinhDay(new Date(now.getTime() - 29 * 86_400_000)), to: haTinhDay(now) };
}

export function statisticsQuery(filters: StatisticsFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(name, value);
  return params.toString();
}

/** The case list with the same cases: the period as Hà Tĩnh midnights, the row's own key. */
export function caseListLink(filters: StatisticsFilters, row: Record<string, unknown> = {}): string {
  const filter = {
    createdFrom: startOfHaTinhDay(filters.from),
    createdTo: endOfHaTinhDay(filters.to),
    ...(filters.unitId && { unitId: filters.unitId }),
    ...(filters.communeCode && { communeCode: filters.communeCode }),
    ...(filters.categoryCode && { categoryCode: filters.categoryCode }),
    ...(filters.channel && { channel: filters.channel }),
    ...row,
  };
  return `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** Overdue now is live, whatever the period: the list of the unit's open overdue cases. */
export function overdueLink(filters: StatisticsFilters, row: Record<string, unknown> = {}): string {
  const filter = {
    overdue: true,
    ...(filters.unitId && { unitId: filters.unitId }),
    ...(filters.communeCode && { communeCode: filters.communeCode }),
    ...(filters.categoryCode && { categoryCode: filters.categoryCode }),
    ...(filters.channel && { channel: filters.channel }),
    ...row,
  };
  return `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

export const percent = (share: number | null | undefined, locale: string) =>
  share === null || share === undefined
    ? '—'
    : share.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 });
