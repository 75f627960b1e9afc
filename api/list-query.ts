/**
 * The list convention of react-admin's ra-data-simple-rest, which the back office uses unchanged:
 * `?sort=["field","ASC"]&range=[0,24]&filter={...}` in, a JSON array and
 * `Content-Range: <resource> <first>-<last>/<total>` out.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { AppError } from '../platform/app-error';
import { parseInput } from './validation';

export const MAX_PAGE_SIZE = 500;

export interface ListQuery<F> {
  skip: number;
  take: number;
  sort: { field: string; order: 'asc' | 'desc' };
  filter: F;
}

function json(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new AppError('VALIDATION_FAILED', {}, { [name]: { code: 'invalid_format' } });
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', {}, { [name]: { code: 'invalid_json' } });
  }
}

export function parseListQuery<F extends z.ZodTypeAny>(
  query: Record<string, unknown>,
  options: { sortable: readonly [string, ...string[]]; defaultSort: [string, 'ASC' | 'DESC']; filter: F },
): ListQuery<z.infer<F>> {
  const sort = parseInput(
    z.tuple([z.enum(options.sortable), z.enum(['ASC', 'DESC', 'asc', 'desc'])]),
    json('sort', query.sort) ?? options.defaultSort,
  );
  const [first, last] = parseInput(
    z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b >= a, 'invalid_format'),
    json('range', query.range) ?? [0, 24],
  );
  const filter = parseInput(options.filter, json('filter', query.filter) ?? {});
  return {
    skip: first,
    take: Math.min(last - first + 1, MAX_PAGE_SIZE),
    sort: { field: sort[0], order: sort[1].toLowerCase() as 'asc' | 'desc' },
    filter,
  };
}

/**
 * `estimated`: the total is the planner's estimate, not a count (a list past
 * platform/list-total.ts's limit); said by `X-Total-Count-Estimated: true`.
 */
export function sendList<T>(
  res: Response,
  resource: string,
  query: Pick<ListQuery<unknown>, 'skip'>,
  rows: T[],
  total: number,
  estimated = false,
): void {
  const last = rows.length ? query.skip + rows.length - 1 : query.skip;
  res.setHeader('Content-Range', `${resource} ${query.skip}-${last}/${total}`);
  if (estimated) res.setHeader('X-Total-Count-Estimated', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Total-Count-Estimated, X-Next-Cursor');
  res.setHeader('Cache-Control', 'no-store');
  res.json(rows);
}
