/**
 * An administrator (or a unit admin, for their own unit's staff) opens an account. The
 * temporary password is returned once, in this answer only, and must be changed at first login.
 */
import type { Db } from '../../../platform/db';
import { hashPassword } from '../../../platform/passwords';
import { sameIgnoringCase } from '../text-match';
import { assertAllowed, auditChange, conflictOn, taken, type AdminActor } from './admin-actor';
import { adminUser, WITH_MEMBERSHIPS } from './find-users';
import { newTemporaryPassword } from './temporary-password';
import { checkMembershipChange, type MembershipInput } from './user-memberships';

export interface UserInput {
  username: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  memberships: MembershipInput[];
}

export async function createUser(db: Db, actor: AdminActor, input: UserInput) {
  assertAllowed(actor.ability, 'create', 'User');
  await checkMembershipChange(db, actor, null, input.memberships);
  const existing = await db.user.findFirst({
    where: { username: sameIgnoringCase(input.username) }, // logins ignore case
    select: { id: true },
  });
  if (existing) throw taken('username');
  const temporaryPassword = newTemporaryPassword();
  const { memberships, ...fields } = input;
  const row = await db.user
    .create({
      data: {
        ...fields,
        passwordHash: await hashPassword(temporaryPassword),
        mustChangePassword: true,
        memberships: { create: memberships },
      },
      include: WITH_MEMBERSHIPS,
    })
    .catch(conflictOn('username'));
  await auditChange(db, actor, {
    action: 'config.create',
    subjectType: 'User',
    subjectId: row.id,
    details: { username: row.username, memberships: memberships.map((m) => ({ ...m })) },
  });
  return { ...adminUser(row), temporaryPassword };
}
