/**
 * The statistics' vocabulary and arithmetic (docs/statistics.md defines every figure): the
 * counters a period's cases add up to, the shares and rates derived from them, and the working
 * hours of steps kept as a histogram so that sums of days stay exact and the p90 needs no raw rows.
 * Pure: the SQL that fills the counters is api/services/statistics/.
 */

/** Case counters of one group (a unit, a category, a week...): each is a number of cases. */
export interface CaseCounters {
  received: number;
  inProgress: number;
  processed: number;
  onTime: number;
  late: number;
  rejected: number;
  duplicate: number;
  withdrawn: number;
  reopened: number;
  /** Ratings given, by score: ratings[0] is the number of 1s, ratings[4] of 5s. */
  ratings: [number, number, number, number, number];
}

/** The working-time histogram's upper bounds, in working hours (inclusive); beyond the last: overflow. */
export const HOUR_BUCKETS = [0.5, 1, 2, 4, 8, 12, 16, 24, 32, 40, 56, 80, 120, 160, 240] as const;

/** The bucket of a duration in working minutes: 0..HOUR_BUCKETS.length (the last is the overflow). */
export function hourBucket(workingMinutes: number): number {
  const index = HOUR_BUCKETS.findIndex((bound) => workingMinutes <= bound * 60);
  return index === -1 ? HOUR_BUCKETS.length : index;
}

/** Ratings at or above this score count as satisfied (hài lòng: 4 or 5 of 5). */
export const SATISFIED_FROM = 4;

export interface StepTimes {
  /** Steps completed. */
  completed: number;
  /** Of those with a deadline, completed by it / after it. */
  onTime: number;
  late: number;
  meanHours: number | null;
  /** The upper bound of the bucket holding the 90th percentile; null when beyond the last bound. */
  p90Hours: number | null;
}

/** Per bucket: steps, on time, late, and their working minutes. */
export interface BucketCounts {
  bucket: number;
  completed: number;
  onTime: number;
  late: number;
  minutes: number;
}

export function stepTimes(buckets: readonly BucketCounts[]): StepTimes {
  const sorted = [...buckets].sort((a, b) => a.bucket - b.bucket);
  const completed = sum(sorted.map((b) => b.completed));
  const minutes = sum(sorted.map((b) => b.minutes));
  return {
    completed,
    onTime: sum(sorted.map((b) => b.onTime)),
    late: sum(sorted.map((b) => b.late)),
    meanHours: completed === 0 ? null : round(minutes / completed / 60, 2),
    p90Hours: percentileBound(sorted, 0.9),
  };
}

/** The smallest bucket bound under which at least `fraction` of the completed steps fall. */
function percentileBound(sorted: readonly BucketCounts[], fraction: number): number | null {
  const total = sum(sorted.map((b) => b.completed));
  if (total === 0) return null;
  let seen = 0;
  for (const b of sorted) {
    seen += b.completed;
    if (seen >= fraction * total) return HOUR_BUCKETS[b.bucket] ?? null;
  }
  return null;
}

export interface CaseFigures extends CaseCounters {
  /** onTime / (onTime + late); null when nothing processed had a deadline. */
  onTimeShare: number | null;
  /** rejected, duplicate, reopened / received; null when nothing was received. */
  rejectedRate: number | null;
  duplicateRate: number | null;
  reopenedRate: number | null;
  rated: number;
  meanRating: number | null;
  /** Ratings ≥ SATISFIED_FROM / ratings; null when none. */
  satisfiedShare: number | null;
}

export function caseFigures(c: CaseCounters): CaseFigures {
  const rated = sum(c.ratings);
  const scoreSum = sum(c.ratings.map((n, i) => n * (i + 1)));
  const satisfied = sum(c.ratings.slice(SATISFIED_FROM - 1));
  return {
    ...c,
    onTimeShare: share(c.onTime, c.onTime + c.late),
    rejectedRate: share(c.rejected, c.received),
    duplicateRate: share(c.duplicate, c.received),
    reopenedRate: share(c.reopened, c.received),
    rated,
    meanRating: rated === 0 ? null : round(scoreSum / rated, 2),
    satisfiedShare: share(satisfied, rated),
  };
}

export function emptyCounters(): CaseCounters {
  return {
    received: 0,
    inProgress: 0,
    processed: 0,
    onTime: 0,
    late: 0,
    rejected: 0,
    duplicate: 0,
    withdrawn: 0,
    reopened: 0,
    ratings: [0, 0, 0, 0, 0],
  };
}

/** A share to four decimals (0.8125), null when the denominator is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
