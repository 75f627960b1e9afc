/**
 * The back office's case list: filtered IN THE DATABASE by the official's ability (a unit's
 * staff see their unit's cases), then by the list's filters. Lists never carry personal data;
 * the case page does, for roles allowed to read it (get-admin-case.ts).
 */
import { z } from 'zod';
import { uuidIds } from './admin/list-filters';
import { accessibleWhere, type AppAbility } from '../../domain/abilities';
import { CASE_LEVELS, CASE_STATUSES, CASE_STEPS } from '../../domain/case-steps';
import type { Db } from '../../platform/db';
import type { Case, Prisma } from '../../prisma/generated/client';
import { afterCursor, decodeCursor, encodeCursor, type KeysetOrder } from '../list-cursor';
import type { ListQuery } from '../list-query';
import { AppError } from '../../platform/app-error';
import { listPage } from '../../platform/list-total';
import type { SearchFold } from './search-text';

const idList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const adminCaseFilter = z
  .object({
    id: idList.optional(),
    q: z.string().trim().max(200).optional(),
    status: z.union([z.enum(CASE_STATUSES), z.array(z.enum(CASE_STATUSES))]).optional(),
    step: z.enum(CASE_STEPS).optional(),
    level: z.enum(CASE_LEVELS).optional(),
    categoryCode: z.string().optional(),
    communeCode: z.string().optional(),
    /** As recorded on the case: app, web, hotline, api, open311:<partner> (the dashboard's drill-down). */
    channel: z.string().max(100).optional(),
    unitId: z.string().uuid().optional(),
    assigneeId: z.string().uuid().optional(),
    overdue: z.boolean().optional(),
    createdFrom: z.string().datetime({ offset: true }).optional(),
    createdTo: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

export const ADMIN_CASE_SORTABLE = [
  'createdAt',
  'deadline',
  'status',
  'step',
  'trackingCode',
  'level',
  'escalationLevel',
  'updatedAt',
] as const;

export type AdminCaseFilter = z.infer<typeof adminCaseFilter>;

/**
 * The cases the official may read that pass the list's filters, or null when they may read none
 * (e.g. a unit admin without a case role). The list and its export share it: same rows.
 */
export function adminCaseWhere(
  ability: AppAbility,
  f: AdminCaseFilter,
  searchFold: SearchFold,
): Prisma.CaseWhereInput | null {
  const allowed = accessibleWhere(ability, 'read', 'Case');
  if (!allowed) return null;
  return {
    AND: [
      allowed,
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.status && { status: { in: Array.isArray(f.status) ? f.status : [f.status] } }),
        ...(f.step && { step: f.step }),
        ...(f.level && { level: f.level }),
        ...(f.categoryCode && { categoryCode: f.categoryCode }),
        ...(f.communeCode && { communeCode: f.communeCode }),
        ...(f.channel && { channel: f.channel }),
        ...(f.unitId && { unitId: f.unitId }),
        ...(f.assigneeId && { assigneeId: f.assigneeId }),
        ...(f.overdue !== undefined && { overdue: f.overdue }),
        ...((f.createdFrom || f.createdTo) && {
          createdAt: {
            ...(f.createdFrom && { gte: new Date(f.createdFrom) }),
            ...(f.createdTo && { lte: new Date(f.createdTo) }),
          },
        }),
        ...(f.q && {
          // Tracking codes are upper case (domain/tracking-code.ts): an equality on the upper-cased
          // text finds one whatever case it is typed in, and, unlike ILIKE, keeps to its unique
          // index, so that PostgreSQL can OR both indexes rather than read every case.
          OR: [{ trackingCode: f.q.toUpperCase() }, { searchText: searchFold.containing(f.q) }],
        }),
      },
    ],
  };
}

/** What the list and its export read with. */
export interface CaseSearchDependencies {
  db: Db;
  searchFold: SearchFold;
}

/** The sort keys a cursor can follow (Prisma compares no enums: status, step and level cannot). */
const CURSOR_KEYS: Partial<Record<(typeof ADMIN_CASE_SORTABLE)[number], Pick<KeysetOrder, 'kind' | 'nullable'>>> = {
  createdAt: { kind: 'instant' },
  updatedAt: { kind: 'instant' },
  deadline: { kind: 'instant', nullable: true },
  trackingCode: { kind: 'text' },
  escalationLevel: { kind: 'integer' },
};

function caseKeyset(sort: ListQuery<unknown>['sort']): KeysetOrder | undefined {
  const key = CURSOR_KEYS[sort.field as (typeof ADMIN_CASE_SORTABLE)[number]];
  return key && { field: sort.field, order: sort.order, idOrder: 'asc', ...key };
}

/**
 * A page of the list: after `after` (a cursor, api/list-cursor.ts) when given, else at the
 * range's offset. `nextCursor` starts the page after this one (none past the last).
 */
export async function findAdminCases(
  { db, searchFold }: CaseSearchDependencies,
  ability: AppAbility,
  query: ListQuery<AdminCaseFilter> & { after?: string },
) {
  const keyset = caseKeyset(query.sort);
  if (query.after !== undefined && !keyset) {
    throw new AppError('VALIDATION_FAILED', {}, { after: { code: 'cursor_not_for_sort' } });
  }
  const cursor = query.after !== undefined && keyset ? decodeCursor(query.after, keyset) : undefined;
  const where = adminCaseWhere(ability, query.filter, searchFold);
  if (!where) return { rows: [], total: 0, totalEstimated: false, nextCursor: null };
  const orderBy = [{ [query.sort.field]: query.sort.order }, { id: 'asc' as const }];
  const { rows, total, estimated } = await listPage(
    db,
    cursor ? null : query,
    db.case.findMany({
      where: cursor && keyset ? { AND: [where, afterCursor(keyset, cursor)] } : where,
      orderBy,
      skip: cursor ? 0 : query.skip,
      take: query.take,
    }),
    (client, take) => client.case.count({ where, orderBy, take }),
  );
  const last = rows.length === query.take ? rows.at(-1) : undefined;
  return {
    rows: rows.map(adminCaseSummary),
    total,
    totalEstimated: estimated,
    nextCursor: last && keyset ? encodeCursor(keyset, last) : null,
  };
}

/** The fields of docs/api-contract.md's case, without personal data. */
export function adminCaseSummary(row: Case) {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    status: row.status,
    step: row.step,
    categoryCode: row.categoryCode,
    communeCode: row.communeCode,
    level: row.level,
    channel: row.channel,
    description: row.description,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    confidential: row.confidential,
    unitId: row.unitId,
    assigneeId: row.assigneeId,
    deadline: row.deadline?.toISOString() ?? null,
    resolutionDeadline: row.resolutionDeadline?.toISOString() ?? null,
    overdue: row.overdue,
    escalationLevel: row.escalationLevel,
    reopenCount: row.reopenCount,
    duplicateOfId: row.duplicateOfId,
    receivedAt: row.receivedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
