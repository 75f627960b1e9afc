/**
 * Officials' accounts for the back office, each with its memberships. Filtered in the database by
 * the ability: an admin sees everyone, a unit admin and a leader their unit's staff, anyone else
 * themselves. The password hash never leaves this module.
 */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Membership, Prisma, User } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { containing } from '../text-match';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, searchText, uuidIds } from './list-filters';

export const ROLES = ['officer', 'leader', 'unit_admin', 'operator', 'supervisor', 'admin'] as const;

export const userFilter = z
  .object({
    id: idFilter.optional(),
    q: searchText.optional(),
    active: z.boolean().optional(),
    unitId: z.string().uuid().optional(),
    role: z.enum(ROLES).optional(),
  })
  .strict();

export const USER_SORTABLE = ['username', 'name', 'active', 'createdAt', 'updatedAt', 'lastLoginAt', 'id'] as const;

export const WITH_MEMBERSHIPS = {
  memberships: { select: { unitId: true, role: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.UserInclude;

export type UserRow = User & { memberships: Pick<Membership, 'unitId' | 'role'>[] };

export async function findUsers(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof userFilter>>) {
  const f = query.filter;
  const where: Prisma.UserWhereInput = {
    AND: [
      readableWhere(actor.ability, 'User'),
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.active !== undefined && { active: f.active }),
        ...((f.unitId || f.role) && {
          memberships: { some: { ...(f.unitId && { unitId: f.unitId }), ...(f.role && { role: f.role }) } },
        }),
        ...(f.q && {
          OR: [
            { username: containing(f.q) },
            { name: containing(f.q) },
            { email: containing(f.q) },
          ],
        }),
      },
    ],
  };
  const [rows, total] = await db.$transaction([
    db.user.findMany({ where, include: WITH_MEMBERSHIPS, ...pageOf(query) }),
    db.user.count({ where }),
  ]);
  return { rows: rows.map(adminUser), total };
}

/** An account as the back office shows it: never its password hash. */
export function adminUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    phone: row.phone,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    failedLogins: row.failedLogins,
    lockedUntil: row.lockedUntil,
    lastLoginAt: row.lastLoginAt,
    passwordChangedAt: row.passwordChangedAt,
    demo: row.demo,
    memberships: row.memberships.map(({ unitId, role }) => ({ unitId, role })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findUserRow(db: Db, id: string): Promise<UserRow | null> {
  return db.user.findUnique({ where: { id }, include: WITH_MEMBERSHIPS });
}
