/**
 * The roles an account would hold, checked before they are stored: every unit exists, IOC roles
 * (operator, supervisor, admin) only at the IOC, and each membership added or removed is one the
 * actor may manage (a unit admin: their own unit's staff, roles officer, leader, unit admin).
 */
import type { Db } from '../../../platform/db';
import type { Role } from '../../../prisma/generated/client';
import { assertAllowed, checked, invalid, type AdminActor } from './admin-actor';

export interface MembershipInput {
  unitId: string;
  role: Role;
}

const IOC_ROLES: readonly Role[] = ['operator', 'supervisor', 'admin'];
const key = (m: MembershipInput) => `${m.unitId}:${m.role}`;

export async function checkMembershipChange(
  db: Db,
  actor: AdminActor,
  userId: string | null,
  next: readonly MembershipInput[],
  current: readonly MembershipInput[] = [],
): Promise<{ added: MembershipInput[]; removed: MembershipInput[] }> {
  const seen = new Set<string>();
  next.forEach((m, i) => {
    if (seen.has(key(m))) throw invalid(`memberships.${i}`, 'duplicate_membership');
    seen.add(key(m));
  });
  const units = await db.unit.findMany({
    where: { id: { in: [...new Set(next.map((m) => m.unitId))] } },
    select: { id: true, kind: true, active: true },
  });
  next.forEach((m, i) => {
    const unit = units.find((u) => u.id === m.unitId);
    if (!unit || !unit.active) throw invalid(`memberships.${i}.unitId`, 'unknown_unit');
    if (IOC_ROLES.includes(m.role) && unit.kind !== 'ioc')
      throw invalid(`memberships.${i}.role`, 'ioc_role_outside_ioc');
  });
  const before = new Set(current.map(key));
  const added = next.filter((m) => !before.has(key(m)));
  const removed = current.filter((m) => !seen.has(key(m)));
  const asSubject = (m: MembershipInput) => checked('Membership', { ...m, userId: userId ?? '' });
  for (const m of added) assertAllowed(actor.ability, 'create', asSubject(m));
  for (const m of removed) assertAllowed(actor.ability, 'delete', asSubject(m));
  return { added, removed };
}
