/** The code paths measured, by name: each a call of the service its route calls. */
import { encodeCursor } from '../../api/list-cursor';
import { findRequests } from '../../api/open311/find-requests';
import { findAuditLog } from '../../api/services/admin/find-audit-log';
import { findNotifications } from '../../api/services/admin/find-notifications';
import { findAdminCases } from '../../api/services/find-admin-cases';
import { findAdminTasks } from '../../api/services/find-admin-tasks';
import { findPublicReports, publicFeedQuery } from '../../api/services/find-public-reports';
import { createSearchFold } from '../../api/services/search-text';
import { getProcessSummary } from '../../api/services/get-process-summary';
import { defineAbilityFor, type Role, type UnitKind } from '../../domain/abilities';
import type { Db } from '../../platform/db';

interface Official {
  userId: string;
  memberships: { unitId: string; unitKind: UnitKind; role: Role }[];
}

async function official(db: Db, username: string): Promise<Official> {
  const user = await db.user.findUniqueOrThrow({
    where: { username },
    include: { memberships: { include: { unit: true } } },
  });
  return {
    userId: user.id,
    memberships: user.memberships.map((m) => ({ unitId: m.unitId, unitKind: m.unit.kind, role: m.role })),
  };
}

const ability = (o: Official) => defineAbilityFor({ kind: 'official', ...o });
const page = <F>(filter: F, field: string, order: 'asc' | 'desc', skip = 0) => ({
  skip,
  take: 25,
  sort: { field, order },
  filter,
});

export async function scenarios(db: Db) {
  // The search folds as the API's does once it has read its server's unaccent (api/main.ts).
  const cases = { db, searchFold: createSearchFold() };
  await cases.searchFold.adoptServer(db);
  // The biggest commune by cases: its leader's list is the longest a unit sees.
  const commune = await db.case.groupBy({
    by: ['unitId'],
    where: { unit: { kind: 'commune' } },
    _count: { _all: true },
    orderBy: { _count: { unitId: 'desc' } },
    take: 1,
  });
  const unit = await db.unit.findUniqueOrThrow({ where: { id: commune[0]!.unitId! } });
  const operator = await official(db, 'operator');
  const supervisor = await official(db, 'supervisor');
  const leader = await official(db, `${unit.code}.leader`);
  const ioc = ability(operator);
  const unitLeader = ability(leader);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const open311 = { language: 'vi' as const, baseUrl: 'http://bench.invalid', extensions: false };
  const feed = (q: Record<string, string>) => findPublicReports(db, publicFeedQuery.parse(q), 'vi');
  // Halfway down the lists: the deepest page officials or scripts reach, by offset and by cursor.
  const halfway = Math.floor((await db.case.count()) / 2);
  const [middleCase] = await db.case.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    skip: halfway,
    take: 1,
    select: { id: true, createdAt: true },
  });
  const caseCursor = encodeCursor({ field: 'createdAt', order: 'desc', kind: 'instant', idOrder: 'asc' }, middleCase!);
  const feedHalfway = Math.max(100, Math.floor((await db.case.count({ where: { publishedAt: { not: null } } })) / 2));
  const feedCursor = (
    await findPublicReports(
      db,
      publicFeedQuery.parse({ page: String(Math.floor(feedHalfway / 100)), pageSize: '100' }),
      'vi',
    )
  ).nextCursor!;
  return {
    'cases: IOC, newest first': () => findAdminCases(cases, ioc, page({}, 'createdAt', 'desc')),
    'cases: IOC, page 40': () => findAdminCases(cases, ioc, page({}, 'createdAt', 'desc', 1_000)),
    'cases: IOC, halfway by offset': () => findAdminCases(cases, ioc, page({}, 'createdAt', 'desc', halfway)),
    'cases: IOC, halfway by cursor': () =>
      findAdminCases(cases, ioc, { ...page({}, 'createdAt', 'desc', halfway), after: caseCursor }),
    'cases: IOC, processing by deadline': () =>
      findAdminCases(cases, ioc, page({ status: 'processing' as const }, 'deadline', 'asc')),
    'cases: IOC, overdue': () => findAdminCases(cases, ioc, page({ overdue: true }, 'deadline', 'asc')),
    'cases: IOC, one unit, last 30 days': () =>
      findAdminCases(cases, ioc, page({ unitId: unit.id, createdFrom: monthAgo }, 'createdAt', 'desc')),
    'cases: commune leader, newest first': () => findAdminCases(cases, unitLeader, page({}, 'createdAt', 'desc')),
    'cases: search "sụt lún"': () => findAdminCases(cases, ioc, page({ q: 'sụt lún' }, 'createdAt', 'desc')),
    'cases: search "Nguyễn Huy Tự"': () =>
      findAdminCases(cases, ioc, page({ q: 'Nguyễn Huy Tự' }, 'createdAt', 'desc')),
    'inbox: IOC unclaimed': () =>
      findAdminTasks(db, ioc, page({ state: 'open' as const, assigneeId: null }, 'due', 'asc')),
    'inbox: commune leader unclaimed': () =>
      findAdminTasks(db, unitLeader, page({ state: 'open' as const, assigneeId: null }, 'due', 'asc')),
    'feed: newest published': () => feed({}),
    'feed: one category, page 20': () => feed({ categoryCode: 'giao-thong', page: '20' }),
    'feed: halfway by offset': () => feed({ page: String(Math.floor(feedHalfway / 100) + 1), pageSize: '100' }),
    'feed: halfway by cursor': () => feed({ after: feedCursor, pageSize: '100' }),
    'map: feed in a bbox': () => feed({ bbox: '105.5,18.1,105.8,18.4', pageSize: '100' }),
    'open311: requests, last 90 days': () => findRequests(db, {}, open311, new Date()),
    'open311: requests, page of 50': () => findRequests(db, { page_size: '50' }, open311, new Date()),
    'statistics: process summary (IOC)': () => getProcessSummary(db, { ability: ioc }),
    'notifications: mine': () =>
      findNotifications(
        db,
        { ability: ability(leader), userId: leader.userId },
        page({ mine: true }, 'createdAt', 'desc'),
      ),
    'audit log: newest first': () =>
      findAuditLog(db, { ability: ability(supervisor), userId: supervisor.userId }, page({}, 'at', 'desc')),
  } satisfies Record<string, () => Promise<unknown>>;
}
