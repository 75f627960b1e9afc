/**
 * Demo accounts and the demo Open311 key: present only in demo mode (never in production, see
 * platform/config.ts), removed as soon as the seed runs with demo mode off.
 *
 * All demo accounts share the publicly known DEMO_PASSWORD, so it is hashed once per run (argon2
 * costs tens of milliseconds) and that hash reused for every account. When the stored hash of a
 * reference account (admin) still verifies, nothing is hashed or rewritten; when DEMO_PASSWORD
 * changed, every demo account gets the new hash and its sessions are revoked, as a password
 * change does.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db';
import { hashPassword, verifyPassword } from '../../platform/passwords';
import type { Role } from '../generated/client';
import { seedId } from './seed-id';
import { IOC_CODE } from './units';

export interface DemoAccount {
  username: string;
  name: string;
  unitCode: string;
  role: Role;
}

export const DEMO_API_KEY = 'demo-open311-key';
export const DEMO_API_KEY_HASH = createHash('sha256').update(DEMO_API_KEY).digest('hex');
const DEMO_API_KEY_ROW = {
  id: seedId('api-key', 'demo'),
  name: 'Demo',
  channel: 'open311:demo',
  keyHash: DEMO_API_KEY_HASH,
  prefix: DEMO_API_KEY.slice(0, 8),
};

/** Accounts whose stored hash tells whether DEMO_PASSWORD changed, in order of preference. */
const REFERENCE_USERNAMES = ['admin', 'supervisor', 'operator'];

/** admin, supervisor and operator at the IOC; `<code>.leader` and `<code>.officer` for every unit. */
export function demoAccountList(units: ReadonlyMap<string, string> /* code → name */): DemoAccount[] {
  const ioc: DemoAccount[] = [
    { username: 'admin', name: 'Quản trị hệ thống', unitCode: IOC_CODE, role: 'admin' },
    { username: 'supervisor', name: 'Giám sát viên Trung tâm IOC', unitCode: IOC_CODE, role: 'supervisor' },
    { username: 'operator', name: 'Điều hành viên Trung tâm IOC', unitCode: IOC_CODE, role: 'operator' },
  ];
  const perUnit = [...units].flatMap(([code, name]): DemoAccount[] => [
    { username: `${code}.leader`, name: `Lãnh đạo ${name}`, unitCode: code, role: 'leader' },
    { username: `${code}.officer`, name: `Cán bộ ${name}`, unitCode: code, role: 'officer' },
  ]);
  return [...ioc, ...perUnit];
}

export interface DemoSeedResult {
  users: number;
  memberships: number;
  apiKeys: number;
  /** Demo accounts whose password hash was replaced because DEMO_PASSWORD changed. */
  passwordsUpdated: number;
}

export async function seedDemoAccounts(
  db: Db,
  units: { idByCode: ReadonlyMap<string, string>; nameByCode: ReadonlyMap<string, string> },
  demoPassword: string,
): Promise<DemoSeedResult> {
  const accounts = demoAccountList(units.nameByCode);
  const usernames = accounts.map((account) => account.username);

  const references = await db.user.findMany({
    where: { demo: true, username: { in: REFERENCE_USERNAMES } },
    select: { username: true, passwordHash: true },
  });
  const reference = REFERENCE_USERNAMES.map((username) => references.find((user) => user.username === username)).find(
    (user) => user !== undefined,
  );
  const current = reference !== undefined && (await verifyPassword(reference.passwordHash, demoPassword));
  const passwordHash = current ? reference.passwordHash : await hashPassword(demoPassword);

  const users = await db.user.createMany({
    data: accounts.map((account) => ({
      id: seedId('user', account.username),
      username: account.username,
      name: account.name,
      passwordHash,
      demo: true,
    })),
    skipDuplicates: true,
  });

  let passwordsUpdated = 0;
  if (!current) {
    // A fresh hash: accounts that existed before carry the old password (a just-created one
    // already has this hash and is left alone).
    const updated = await db.user.updateMany({
      where: { demo: true, passwordHash: { not: passwordHash } },
      data: { passwordHash, failedLogins: 0, lockedUntil: null },
    });
    passwordsUpdated = updated.count;
    if (passwordsUpdated > 0) {
      await db.session.updateMany({
        where: { revokedAt: null, user: { demo: true } },
        data: { revokedAt: new Date() },
      });
    }
  }

  // Roles only for demo accounts: a real official who happens to be called "admin" gets none.
  const stored = await db.user.findMany({
    where: { demo: true, username: { in: usernames } },
    select: { id: true, username: true },
  });
  const userIdByName = new Map(stored.map((user) => [user.username, user.id]));
  const memberships = accounts.flatMap((account) => {
    const userId = userIdByName.get(account.username);
    const unitId = units.idByCode.get(account.unitCode);
    if (userId === undefined || unitId === undefined) return [];
    return [
      {
        id: seedId('membership', `${account.username}:${account.unitCode}:${account.role}`),
        userId,
        unitId,
        role: account.role,
      },
    ];
  });
  const membershipRows = await db.membership.createMany({ data: memberships, skipDuplicates: true });
  const apiKeys = await db.apiKey.createMany({ data: [DEMO_API_KEY_ROW], skipDuplicates: true });

  return { users: users.count, memberships: membershipRows.count, apiKeys: apiKeys.count, passwordsUpdated };
}

/** Demo mode off: demo accounts go (their memberships and sessions cascade), and so does the demo key. */
export async function removeDemoAccounts(db: Db): Promise<{ users: number; apiKeys: number }> {
  const apiKeys = await db.apiKey.deleteMany({ where: { keyHash: DEMO_API_KEY_HASH } });
  const users = await db.user.deleteMany({ where: { demo: true } });
  return { users: users.count, apiKeys: apiKeys.count };
}
