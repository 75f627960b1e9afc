/**
 * An account's details and roles change (PUT replaces name, email, phone, active and, when given,
 * the memberships). Disabling an account revokes its sessions at once. The username is permanent.
 */
import type { Db } from '../../../platform/db';
import {
  assertAllowed,
  auditChange,
  changedFields,
  checked,
  invalid,
  isUuid,
  notFound,
  type AdminActor,
} from './admin-actor';
import type { UserInput } from './create-user';
import { adminUser, findUserRow, type UserRow } from './find-users';
import { checkMembershipChange } from './user-memberships';

export async function updateUser(db: Db, actor: AdminActor, id: string, input: Partial<UserInput>) {
  const before = await editableUser(db, actor, id, 'update');
  if (input.username !== undefined && input.username.toLowerCase() !== before.username.toLowerCase())
    throw invalid('username', 'immutable');
  const { username: _username, memberships, ...patch } = input;
  const fields: string[] = changedFields(before, patch);
  const change = memberships
    ? await checkMembershipChange(db, actor, id, memberships, before.memberships)
    : { added: [], removed: [] };
  if (change.added.length || change.removed.length) fields.push('memberships');
  if (id === actor.userId) {
    const dropsAdmin = change.removed.some((m) => m.role === 'admin');
    if (patch.active === false || dropsAdmin)
      throw invalid(patch.active === false ? 'active' : 'memberships', 'own_account');
  }
  if (fields.length === 0) return adminUser(before);

  const now = new Date();
  const disabled = before.active && patch.active === false;
  await db.$transaction([
    ...change.removed.map((m) => db.membership.deleteMany({ where: { userId: id, unitId: m.unitId, role: m.role } })),
    db.membership.createMany({ data: change.added.map((m) => ({ ...m, userId: id })), skipDuplicates: true }),
    db.user.update({ where: { id }, data: patch }),
    ...(disabled ? [db.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } })] : []),
  ]);
  await auditChange(db, actor, {
    action: 'config.update',
    subjectType: 'User',
    subjectId: id,
    details: {
      fields,
      ...(change.added.length && { added: change.added.map((m) => ({ ...m })) }),
      ...(change.removed.length && { removed: change.removed.map((m) => ({ ...m })) }),
      ...(disabled && { sessionsRevoked: true }),
    },
  });
  return adminUser((await findUserRow(db, id))!);
}

/** The account if the actor may read it (else 404) and do `action` on it (else 403). */
export async function editableUser(
  db: Db,
  actor: AdminActor,
  id: string,
  action: 'update' | 'delete',
): Promise<UserRow> {
  const row = isUuid(id) ? await findUserRow(db, id) : null;
  if (!row || !actor.ability.can('read', checked('User', row))) throw notFound(id);
  assertAllowed(actor.ability, action, checked('User', row));
  return row;
}
