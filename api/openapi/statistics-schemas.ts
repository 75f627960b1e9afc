/** The statistics' answers (docs/statistics.md) as JSON Schema: admin and public. */
import { PUBLIC_FIELDS } from '../services/statistics/get-public-statistics';

type Schema = Record<string, unknown>;

const count = { type: 'integer' } as const;
const fraction = { type: ['number', 'null'], minimum: 0, maximum: 1 } as const;
const hours = { type: ['number', 'null'], minimum: 0 } as const;
const day = { type: 'string', format: 'date' } as const;
const period = { type: 'object', required: ['from', 'to'], properties: { from: day, to: day } };

const stepTimes = {
  type: 'object',
  required: ['completed', 'onTime', 'late', 'meanHours', 'p90Hours'],
  properties: { completed: count, onTime: count, late: count, meanHours: hours, p90Hours: hours },
};

const overdueNow = {
  type: ['object', 'null'],
  required: ['total', 'byLevel'],
  properties: {
    total: count,
    byLevel: {
      type: 'array',
      items: { type: 'object', required: ['level', 'count'], properties: { level: count, count } },
    },
  },
};

const figures = {
  received: count,
  inProgress: count,
  processed: count,
  onTime: count,
  late: count,
  rejected: count,
  duplicate: count,
  withdrawn: count,
  reopened: count,
  ratings: { type: 'array', items: count, minItems: 5, maxItems: 5, description: 'Ratings 1 to 5: how many of each.' },
  onTimeShare: fraction,
  rejectedRate: fraction,
  duplicateRate: fraction,
  reopenedRate: fraction,
  rated: count,
  meanRating: { type: ['number', 'null'], minimum: 1, maximum: 5 },
  satisfiedShare: fraction,
  processing: stepTimes,
  overdueNow,
};
const figureNames = Object.keys(figures);

const row = {
  type: 'object',
  required: ['key', 'name', 'nameEn', ...figureNames],
  properties: {
    key: { type: ['string', 'null'] },
    name: { type: ['string', 'null'] },
    nameEn: { type: ['string', 'null'] },
    ...figures,
  },
};

const publicRow = {
  type: 'object',
  required: [...PUBLIC_FIELDS],
  properties: Object.fromEntries(PUBLIC_FIELDS.map((field) => [field, row.properties[field]])),
};

export const STATISTICS_ADMIN_SCHEMAS: Record<string, Schema> = {
  StatisticsSummary: {
    type: 'object',
    required: ['period', ...figureNames],
    properties: { period, ...figures },
  },
  StatisticsTable: {
    type: 'object',
    required: ['period', 'grouping', 'rows'],
    properties: { period, grouping: { enum: ['unit', 'category', 'commune'] }, rows: { type: 'array', items: row } },
  },
  StatisticsTrend: {
    type: 'object',
    required: ['period', 'interval', 'rows'],
    properties: { period, interval: { enum: ['week', 'month'] }, rows: { type: 'array', items: row } },
  },
  StatisticsSteps: {
    type: 'object',
    required: ['period', 'rows'],
    properties: {
      period,
      rows: {
        type: 'array',
        items: {
          type: 'object',
          required: ['step', 'onTimeShare', ...stepTimes.required],
          properties: { step: { type: 'string' }, onTimeShare: fraction, ...stepTimes.properties },
        },
      },
    },
  },
};

export const STATISTICS_PUBLIC_SCHEMAS: Record<string, Schema> = {
  PublicStatistics: {
    type: 'object',
    required: ['period', 'total', 'units', 'categories'],
    properties: {
      period,
      total: publicRow,
      units: { type: 'array', items: publicRow },
      categories: { type: 'array', items: publicRow },
    },
  },
};
