import { AbilityBuilder, subject } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import type { Case, Membership, Task, Unit, User } from '../prisma/generated/client';
import {
  accessibleBy,
  accessibleWhere,
  createPrismaAbility,
  defineAbilityFor,
  mayReadPersonalData,
  packedRulesFor,
  shapePersonalData,
  type AppAbility,
  type MembershipGrant,
  type OfficialPrincipal,
} from './abilities';

const IOC = 'ioc-unit';
const at = new Date('2026-03-02T08:00:00+07:00');

function aCase(overrides: Partial<Case> = {}): Case {
  return {
    id: 'case-1',
    trackingCode: 'HT-2026-AAAA',
    requestFingerprint: 'f',
    channel: 'api',
    categoryCode: 'moi-truong',
    description: 'Rác thải',
    lat: null,
    lng: null,
    address: null,
    communeCode: null,
    level: 'normal',
    confidential: true,
    citizenId: null,
    reporterName: 'Nguyễn Văn A',
    reporterPhone: '0912345678',
    reporterEmail: null,
    status: 'processing',
    step: 'process',
    unitId: 'u1',
    assigneeId: null,
    deadline: null,
    resolutionDeadline: null,
    overdue: false,
    escalationLevel: 0,
    reopenCount: 0,
    duplicateOfId: null,
    viewCount: 0,
    receivedAt: at,
    acceptedAt: null,
    publishedAt: null,
    closedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function aTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'task-1',
    caseId: 'case-1',
    seq: 1,
    step: 'process',
    state: 'open',
    unitId: 'u1',
    role: 'officer',
    assigneeId: null,
    allowedOutcomes: [],
    due: null,
    remindAt: null,
    urgent: false,
    outcome: null,
    outcomeData: null,
    completedById: null,
    workingMinutes: null,
    claimedAt: null,
    completedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function aUser(
  memberships: Pick<Membership, 'unitId' | 'role'>[],
  id = 'user-9',
): User & { memberships: typeof memberships } {
  return {
    id,
    username: 'someone',
    name: 'Someone',
    email: null,
    phone: null,
    passwordHash: 'x',
    active: true,
    mustChangePassword: false,
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
    passwordChangedAt: null,
    demo: false,
    createdAt: at,
    updatedAt: at,
    memberships,
  };
}

function aUnit(overrides: Partial<Unit> = {}): Unit {
  return {
    id: 'u1',
    code: '18073',
    name: 'UBND phường Thành Sen',
    nameEn: null,
    kind: 'commune',
    parentId: null,
    communeCodes: ['18073'],
    boundary: null,
    phone: null,
    email: null,
    address: null,
    active: true,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function official(...memberships: MembershipGrant[]): OfficialPrincipal {
  return { kind: 'official', userId: 'me', memberships };
}
const member = (role: MembershipGrant['role'], unitId = 'u1'): MembershipGrant => ({
  unitId,
  role,
  unitKind: unitId === IOC ? 'ioc' : 'commune',
});
const canCase = (ability: AppAbility, action: Parameters<AppAbility['can']>[0], row: Case) =>
  ability.can(action, subject('Case', row));
const canTask = (ability: AppAbility, action: Parameters<AppAbility['can']>[0], row: Task) =>
  ability.can(action, subject('Task', row));

describe('anonymous', () => {
  const ability = defineAbilityFor({ kind: 'anonymous' });

  it('reads a published case but not an unpublished one, and never its personal data', () => {
    expect(canCase(ability, 'read', aCase({ publishedAt: at }))).toBe(true);
    expect(canCase(ability, 'read', aCase())).toBe(false);
    expect(mayReadPersonalData(ability, aCase({ publishedAt: at }))).toBe(false);
    expect(shapePersonalData(ability, aCase({ publishedAt: at }))).not.toHaveProperty('reporterName');
  });

  it('reads active units only, and does nothing else', () => {
    expect(ability.can('read', subject('Unit', aUnit()))).toBe(true);
    expect(ability.can('read', subject('Unit', aUnit({ active: false })))).toBe(false);
    expect(ability.can('read', 'Task')).toBe(false);
    expect(ability.can('update', 'Category')).toBe(false);
  });
});

describe('a citizen with the token of a case', () => {
  const ability = defineAbilityFor({ kind: 'citizen', caseIds: ['mine'] });

  it('reads that case with its personal data, and may rate, answer and withdraw it', () => {
    const mine = aCase({ id: 'mine' });
    for (const action of ['read', 'readPersonalData', 'rate', 'supplyInfo', 'withdraw'] as const) {
      expect(canCase(ability, action, mine)).toBe(true);
    }
    expect(shapePersonalData(ability, mine)).toMatchObject({ reporterName: 'Nguyễn Văn A' });
  });

  it('reads no other unpublished case, and no other personal data', () => {
    expect(canCase(ability, 'read', aCase({ id: 'other' }))).toBe(false);
    expect(canCase(ability, 'rate', aCase({ id: 'other', publishedAt: at }))).toBe(false);
    expect(mayReadPersonalData(ability, aCase({ id: 'other', publishedAt: at }))).toBe(false);
  });
});

describe('an officer', () => {
  const ability = defineAbilityFor(official(member('officer', 'u1')));

  it("reads its unit's cases, not another unit's, and no personal data", () => {
    expect(canCase(ability, 'read', aCase({ unitId: 'u1' }))).toBe(true);
    expect(canCase(ability, 'attachProof', aCase({ unitId: 'u1' }))).toBe(true);
    expect(canCase(ability, 'read', aCase({ unitId: 'u2' }))).toBe(false);
    expect(canCase(ability, 'read', aCase({ unitId: 'u2', publishedAt: at }))).toBe(false);
    expect(mayReadPersonalData(ability, aCase({ unitId: 'u1' }))).toBe(false);
    expect(canCase(ability, 'readHistory', aCase({ unitId: 'u1' }))).toBe(false);
  });

  it("claims an open unassigned officer task of its unit, not a leader's or another unit's", () => {
    expect(canTask(ability, 'claim', aTask())).toBe(true);
    expect(canTask(ability, 'claim', aTask({ role: 'leader', step: 'assign' }))).toBe(false);
    expect(canTask(ability, 'claim', aTask({ unitId: 'u2' }))).toBe(false);
    expect(canTask(ability, 'claim', aTask({ assigneeId: 'someone-else' }))).toBe(false);
    expect(canTask(ability, 'claim', aTask({ state: 'done' }))).toBe(false);
  });

  it('completes its own or an unassigned task, not one assigned to someone else', () => {
    expect(canTask(ability, 'complete', aTask({ assigneeId: 'me' }))).toBe(true);
    expect(canTask(ability, 'unclaim', aTask({ assigneeId: 'me' }))).toBe(true);
    expect(canTask(ability, 'complete', aTask())).toBe(true);
    expect(canTask(ability, 'complete', aTask({ assigneeId: 'someone-else' }))).toBe(false);
    expect(canTask(ability, 'unclaim', aTask({ assigneeId: 'someone-else' }))).toBe(false);
    expect(canTask(ability, 'complete', aTask({ assigneeId: 'me', state: 'done' }))).toBe(false);
  });
});

describe('a leader', () => {
  const ability = defineAbilityFor(official(member('leader', 'u1')));

  it("completes an assign task of its unit and takes over an officer's task", () => {
    expect(canTask(ability, 'complete', aTask({ step: 'assign', role: 'leader' }))).toBe(true);
    expect(canTask(ability, 'claim', aTask({ step: 'approve', role: 'leader' }))).toBe(true);
    expect(canTask(ability, 'complete', aTask({ assigneeId: 'an-officer' }))).toBe(true);
    expect(canTask(ability, 'complete', aTask({ step: 'assign', role: 'leader', unitId: 'u2' }))).toBe(false);
  });

  it("reads its unit's cases and users, writes its announcements, and reads no personal data", () => {
    expect(canCase(ability, 'read', aCase())).toBe(true);
    expect(mayReadPersonalData(ability, aCase())).toBe(false);
    expect(ability.can('read', subject('User', aUser([{ unitId: 'u1', role: 'officer' }])))).toBe(true);
    expect(ability.can('read', subject('User', aUser([{ unitId: 'u2', role: 'officer' }])))).toBe(false);
    expect(ability.can('update', subject('User', aUser([{ unitId: 'u1', role: 'officer' }])))).toBe(false);
    expect(accessibleBy(ability, 'update').ofType('Announcement')).toEqual({ OR: [{ unitId: { in: ['u1'] } }] });
  });
});

describe('a unit admin', () => {
  const ability = defineAbilityFor(official(member('unit_admin', 'u1')));
  const membership = (role: Membership['role'], unitId = 'u1'): Membership => ({
    id: 'm',
    userId: 'x',
    unitId,
    role,
    createdAt: at,
  });

  it('grants unit roles in its unit, never an IOC role, never in another unit', () => {
    expect(ability.can('create', subject('Membership', membership('leader')))).toBe(true);
    expect(ability.can('create', subject('Membership', membership('admin')))).toBe(false);
    expect(ability.can('create', subject('Membership', membership('operator')))).toBe(false);
    expect(ability.can('create', subject('Membership', membership('officer', 'u2')))).toBe(false);
  });

  it('manages users of its unit only, not one who also belongs elsewhere', () => {
    expect(ability.can('update', subject('User', aUser([{ unitId: 'u1', role: 'officer' }])))).toBe(true);
    expect(ability.can('update', subject('User', aUser([{ unitId: 'u2', role: 'officer' }])))).toBe(false);
    const alsoAdmin = aUser([
      { unitId: 'u1', role: 'officer' },
      { unitId: IOC, role: 'admin' },
    ]);
    expect(ability.can('read', subject('User', alsoAdmin))).toBe(true);
    expect(ability.can('update', subject('User', alsoAdmin))).toBe(false);
    // Without the relation loaded, a check fails closed.
    expect(ability.can('update', subject('User', { ...aUser([]), memberships: undefined }))).toBe(false);
  });

  it("updates its unit's contact fields only, and reads no cases", () => {
    expect(ability.can('update', subject('Unit', aUnit()), 'phone')).toBe(true);
    expect(ability.can('update', subject('Unit', aUnit()), 'name')).toBe(false);
    expect(ability.can('update', subject('Unit', aUnit({ id: 'u2' })), 'phone')).toBe(false);
    expect(canCase(ability, 'read', aCase())).toBe(false);
  });
});

describe('the IOC', () => {
  it('an operator reads any case with personal data and completes operator tasks', () => {
    const ability = defineAbilityFor(official(member('operator', IOC)));
    expect(canCase(ability, 'read', aCase({ unitId: null, step: 'verify' }))).toBe(true);
    expect(mayReadPersonalData(ability, aCase({ unitId: 'u7' }))).toBe(true);
    expect(canTask(ability, 'complete', aTask({ step: 'verify', role: 'operator', unitId: null }))).toBe(true);
    expect(canTask(ability, 'complete', aTask({ step: 'review', role: 'supervisor', unitId: null }))).toBe(false);
    expect(canCase(ability, 'readHistory', aCase())).toBe(false);
    expect(ability.can('read', 'AuditLog')).toBe(false);
  });

  it('a supervisor reads history, exports, reads the audit log and completes reviews', () => {
    const ability = defineAbilityFor(official(member('supervisor', IOC)));
    expect(canCase(ability, 'readHistory', aCase())).toBe(true);
    expect(canCase(ability, 'export', aCase())).toBe(true);
    expect(ability.can('read', 'AuditLog')).toBe(true);
    expect(canTask(ability, 'complete', aTask({ step: 'review', role: 'supervisor', unitId: null }))).toBe(true);
    expect(canTask(ability, 'complete', aTask({ step: 'extension', role: 'supervisor', unitId: null }))).toBe(true);
    expect(ability.can('update', 'Announcement')).toBe(true);
  });

  it('an admin manages configuration but completes no unit task and writes no case', () => {
    const ability = defineAbilityFor(official(member('admin', IOC)));
    expect(ability.can('update', 'RoutingRule')).toBe(true);
    expect(ability.can('retry', 'Notification')).toBe(true);
    expect(
      ability.can(
        'create',
        subject('Membership', { id: 'm', userId: 'x', unitId: IOC, role: 'admin' as const, createdAt: at }),
      ),
    ).toBe(true);
    expect(mayReadPersonalData(ability, aCase())).toBe(true);
    expect(canTask(ability, 'complete', aTask())).toBe(false);
    expect(canTask(ability, 'complete', aTask({ step: 'assign', role: 'leader' }))).toBe(false);
    expect(canCase(ability, 'update', aCase())).toBe(false);
    expect(ability.can('delete', 'AuditLog')).toBe(false);
  });

  it('ignores an IOC role held on a membership of another unit', () => {
    const ability = defineAbilityFor(official({ unitId: 'u1', unitKind: 'commune', role: 'admin' }));
    expect(ability.can('update', 'RoutingRule')).toBe(false);
    expect(mayReadPersonalData(ability, aCase())).toBe(false);
  });
});

describe('several memberships', () => {
  it('give the union of their rules', () => {
    const ability = defineAbilityFor(official(member('officer', 'u1'), member('leader', 'u2')));
    expect(canCase(ability, 'read', aCase({ unitId: 'u1' }))).toBe(true);
    expect(canCase(ability, 'read', aCase({ unitId: 'u2' }))).toBe(true);
    expect(canTask(ability, 'complete', aTask({ unitId: 'u2', role: 'leader', step: 'assign' }))).toBe(true);
    expect(canTask(ability, 'complete', aTask({ unitId: 'u1', role: 'leader', step: 'assign' }))).toBe(false);
    expect(canCase(ability, 'read', aCase({ unitId: 'u3' }))).toBe(false);
  });
});

describe('accessibleBy where-fragments', () => {
  it("an officer of u1 and u2: cases whose unitId is in the principal's units", () => {
    const ability = defineAbilityFor(official(member('officer', 'u1'), member('officer', 'u2')));
    expect(accessibleBy(ability).ofType('Case')).toEqual({ OR: [{ unitId: { in: ['u1', 'u2'] } }] });
    expect(accessibleBy(ability, 'readPersonalData').ofType('Case')).toEqual({ OR: [] });
    const claimable = accessibleBy(ability, 'claim').ofType('Task');
    expect(claimable).toEqual({
      OR: [{ state: 'open', assigneeId: null, role: 'officer', unitId: { in: ['u1', 'u2'] } }],
    });
  });

  it('the public: published cases only', () => {
    expect(accessibleBy(defineAbilityFor({ kind: 'anonymous' })).ofType('Case')).toEqual({
      OR: [{ publishedAt: { not: null } }],
    });
  });

  it('an operator: every case, i.e. an empty condition', () => {
    const ability = defineAbilityFor(official(member('operator', IOC)));
    expect(accessibleBy(ability).ofType('Case')).toEqual({});
  });

  it('no rule for a subject: accessibleBy gives `{ OR: [] }`, accessibleWhere gives null (no query)', () => {
    const ability = defineAbilityFor({ kind: 'anonymous' });
    expect(accessibleBy(ability).ofType('AuditLog')).toEqual({ OR: [] });
    expect(accessibleWhere(ability, 'read', 'AuditLog')).toBeNull();
    expect(accessibleWhere(ability, 'read', 'Case')).toEqual({ OR: [{ publishedAt: { not: null } }] });
    const operator = defineAbilityFor(official(member('operator', IOC)));
    expect(accessibleWhere(operator, 'read', 'Case')).toEqual({});
  });

  it('conditions are typed against our generated client', () => {
    const { can } = new AbilityBuilder<AppAbility>(createPrismaAbility);
    // @ts-expect-error Case has no field "unitCode": a typo in a rule fails the type check.
    can('read', 'Case', { unitCode: { in: ['x'] } });
    can('read', 'Case', { unitId: { in: ['x'] } });
  });
});

describe('packed rules', () => {
  it('unpack to the same decisions', () => {
    const principal = official(member('leader', 'u1'));
    const unpacked = createPrismaAbility(unpackRules(packedRulesFor(principal))) as AppAbility;
    expect(canTask(unpacked, 'complete', aTask({ step: 'assign', role: 'leader' }))).toBe(true);
    expect(canCase(unpacked, 'read', aCase({ unitId: 'u2' }))).toBe(false);
  });
});
