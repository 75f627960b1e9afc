/**
 * Who may do what: every rule per role, with conditions as Prisma `where` fragments, so lists
 * filter in the database (`db.case.findMany({ where: accessibleBy(ability).ofType('Case') })`)
 * and single records are checked with `ability.can('read', subject('Case', row))`. The same
 * rules, packed, feed the back office (`packedRulesFor`). docs/design.md principle 5: personal data
 * is an action of its own (`readPersonalData`), held only by the IOC and the reporter.
 *
 * | principal     | rules (U_r: the unit ids where the official holds role r)                            |
 * |---------------|---------------------------------------------------------------------------------------|
 * | everyone      | read active Category, Commune, Unit; read published Announcement                      |
 * | anonymous,    | read Case when publishedAt is set; its public timeline entries; its report and proof  |
 * | citizen       | media. Never personal data.                                                           |
 * | citizen       | on Case id ∈ token's cases: read, readPersonalData, rate, supplyInfo, withdraw; their  |
 * |               | timeline (public + reporter entries), media and ratings                               |
 * | any official  | read own User; read/update own in-app Notification; complete/unclaim an open Task      |
 * |               | assigned to them of a role they hold for that task's unit (IOC roles: any unit)        |
 * | officer       | Case unitId ∈ U_officer∪U_leader: read, attachProof, its timeline/media/ratings; read  |
 * |               | those units' Tasks; claim/complete an open unassigned Task of role officer in U_officer|
 * |               | read ReplyTemplate, WorkingCalendar                                                   |
 * | leader        | as officer; claim/complete unassigned leader Tasks; claim/unclaim/complete ANY open   |
 * |               | Task of U_leader (takes over); read its Users, Memberships; read/create/update its    |
 * |               | Announcements; readStatistics of Cases with unitId ∈ U_leader                         |
 * | unit_admin    | read its Unit, update phone/email/address; read Users with a membership in U;        |
 * |               | create User; update/delete Users ALL of whose memberships are unit roles in U;        |
 * |               | manage Memberships of U with role officer/leader/unit_admin. No cases.               |
 * | operator      | Case: read, readPersonalData, readStatistics (all); read all Tasks, timelines, media, |
 * | (IOC)         | ratings; claim/complete operator Tasks; read configuration and Notifications           |
 * | supervisor    | as operator's reads + readHistory, export, readStatistics; claim/complete supervisor |
 * | (IOC)         | Tasks; read AuditLog; manage Announcements of any unit                                |
 * | admin (IOC)   | manage configuration, Users, Memberships, ApiKeys, Notifications (retry); Case: read,  |
 * |               | readPersonalData, readHistory, readStatistics; read Tasks, AuditLog. Completes NO task by this role:  |
 * |               | the regulation wants the competent unit (or the IOC role it names) to act.            |
 *
 * - Several memberships: the union. IOC roles count only on a membership of the IOC unit.
 * - Nobody updates or deletes a Case: the workflow owns it (principle 1); step preconditions
 *   (rate only at the rate step, ...) are the workflow's answer (409), not authorisation.
 * - readHistory is IOC-only because a workflow's history holds the report as submitted.
 * - No rule for a subject: `accessibleBy(ability).ofType(X)` returns `{ OR: [] }`. Prisma 6 reads
 *   that as "no rows" only at the top of a `where`; nested in `AND: [...]` it matches EVERY row
 *   (prisma/prisma#17367; tests/abilities-db.test.ts shows it). So lists use `accessibleWhere`,
 *   which returns null then: the service answers an empty list without querying (or 403).
 *   Single records: `ability.can` is false → 403 (404 for citizens, who must not learn ids).
 */
import { AbilityBuilder, subject } from '@casl/ability';
import { packRules } from '@casl/ability/extra';
import type { Case } from '../prisma/generated/client';
import {
  accessibleBy,
  createPrismaAbility,
  type Action,
  type AppAbility,
  type OfficialPrincipal,
  type Principal,
  type Role,
  type SubjectName,
  type WhereInput,
} from './ability-subjects';

export * from './ability-subjects';

type Builder = AbilityBuilder<AppAbility>;

const PUBLISHED = { publishedAt: { not: null } };
/** Roles a unit admin may grant; operator, supervisor and admin are the IOC's, granted by an admin. */
export const UNIT_ROLES = ['officer', 'leader', 'unit_admin'] as const satisfies readonly Role[];
const IOC_ROLES: readonly Role[] = ['operator', 'supervisor', 'admin'];
/** Roles that tasks are addressed to (Task.role). */
const TASK_ROLES = ['officer', 'leader', 'operator', 'supervisor'] as const satisfies readonly Role[];
const CONFIGURATION: SubjectName[] = [
  'Unit',
  'Category',
  'Commune',
  'RoutingRule',
  'SlaPolicy',
  'WorkingCalendar',
  'ReplyTemplate',
  'NotificationTemplate',
];

/** The reporter's personal data on a Case: shown only where `readPersonalData` holds. */
export const PERSONAL_DATA_FIELDS = [
  'reporterName',
  'reporterPhone',
  'reporterEmail',
  'citizenId',
] as const satisfies readonly (keyof Case)[];
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

export function defineAbilityFor(principal: Principal): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createPrismaAbility);
  const { can } = builder;
  can('read', ['Category', 'Commune', 'Unit'], { active: true });
  can('read', 'Announcement', PUBLISHED);
  if (principal.kind !== 'official') publicCaseRules(builder);
  if (principal.kind === 'citizen') reporterRules(builder, principal.caseIds);
  if (principal.kind === 'official') officialRules(builder, principal);
  return builder.build();
}

/** The rules in their compact wire form, for `GET /api/auth/me` and the back office. */
export function packedRulesFor(principal: Principal) {
  return packRules(defineAbilityFor(principal).rules);
}

/**
 * The Prisma `where` of the `model` rows `action` allows, or null when no rule allows any row.
 * Use it instead of `accessibleBy` directly: see the header on why `{ OR: [] }` is unsafe.
 */
export function accessibleWhere<M extends SubjectName>(
  ability: AppAbility,
  action: Action,
  model: M,
): WhereInput<M> | null {
  const where: Record<string, unknown> = accessibleBy(ability, action).ofType(model);
  const nothing = Array.isArray(where.OR) && where.OR.length === 0;
  return nothing ? null : (where as WhereInput<M>);
}

/**
 * Whose statistics the ability may read: 'all' units, some unit ids, or null (none). CASL decides
 * (`readStatistics` on Case); the rules' conditions are `{ unitId: { in } }` or none.
 */
export function statisticsScope(ability: AppAbility): 'all' | string[] | null {
  const units = new Set<string>();
  for (const rule of ability.rulesFor('readStatistics', 'Case')) {
    if (rule.inverted) continue;
    const unitIds = (rule.conditions as { unitId?: { in?: string[] } } | undefined)?.unitId?.in;
    if (!rule.conditions) return 'all';
    if (Array.isArray(unitIds)) unitIds.forEach((id) => units.add(id));
  }
  return units.size > 0 ? [...units] : null;
}

/** Whether the reporter's personal data of this case may be shown (and must be audited). */
export function mayReadPersonalData(ability: AppAbility, row: Case): boolean {
  return ability.can('readPersonalData', subject('Case', { ...row }));
}

/** The case without its personal data unless the ability may read it. */
export function shapePersonalData<T extends Case>(ability: AppAbility, row: T): T | Omit<T, PersonalDataField> {
  if (mayReadPersonalData(ability, row)) return row;
  const shaped: Partial<T> = { ...row };
  for (const field of PERSONAL_DATA_FIELDS) delete shaped[field];
  return shaped as Omit<T, PersonalDataField>;
}

function publicCaseRules({ can }: Builder): void {
  can('read', 'Case', PUBLISHED);
  can('read', 'CaseTimelineEntry', { visibility: 'public', case: { is: PUBLISHED } });
  // Answers to requests for information (purpose info) are the reporter's, never public.
  can('read', 'Media', { purpose: { in: ['report', 'proof'] }, case: { is: PUBLISHED } });
}

function reporterRules({ can }: Builder, caseIds: readonly string[]): void {
  if (caseIds.length === 0) return;
  const ids = [...caseIds];
  can(['read', 'readPersonalData', 'rate', 'supplyInfo', 'withdraw'], 'Case', { id: { in: ids } });
  can('read', 'CaseTimelineEntry', { caseId: { in: ids }, visibility: { in: ['public', 'reporter'] } });
  can('read', ['Media', 'Rating'], { caseId: { in: ids } });
}

/** Unit ids where the official holds `role`; IOC roles only on an IOC membership. */
function unitsWith(principal: OfficialPrincipal, role: Role): string[] {
  const ids = principal.memberships
    .filter((m) => m.role === role && (!IOC_ROLES.includes(role) || m.unitKind === 'ioc'))
    .map((m) => m.unitId);
  return [...new Set(ids)];
}

function officialRules(builder: Builder, principal: OfficialPrincipal): void {
  const { can } = builder;
  const { userId } = principal;
  can('read', 'User', { id: userId });
  can(['read', 'update'], 'Notification', { channel: 'in_app', recipient: userId });

  for (const role of TASK_ROLES) taskRules(builder, principal, role);

  const officerUnits = unitsWith(principal, 'officer');
  const leaderUnits = unitsWith(principal, 'leader');
  const caseUnits = [...new Set([...officerUnits, ...leaderUnits])];
  if (caseUnits.length > 0) {
    const ofUnits = { unitId: { in: caseUnits } };
    can(['read', 'attachProof'], 'Case', ofUnits);
    can('read', ['CaseTimelineEntry', 'Media', 'Rating'], { case: { is: ofUnits } });
    can('read', 'Task', ofUnits);
    can('read', 'ReplyTemplate', { active: true });
    can('read', 'WorkingCalendar');
  }
  if (leaderUnits.length > 0) {
    const ofUnits = { unitId: { in: leaderUnits } };
    // A leader may take over any open task of the unit (an absent officer, an overdue case).
    can(['claim', 'unclaim', 'complete'], 'Task', { state: 'open', ...ofUnits });
    can('read', 'User', { memberships: { some: ofUnits } });
    can('read', 'Membership', ofUnits);
    can(['read', 'create', 'update'], 'Announcement', ofUnits);
    can('readStatistics', 'Case', ofUnits);
  }
  unitAdminRules(builder, unitsWith(principal, 'unit_admin'));
  iocRules(builder, principal);
}

/**
 * Tasks addressed to `role`: a unit role's tasks carry the unit (unitId); the IOC's carry the role
 * only (unitId null or the IOC), so the role itself, held at the IOC, is the scope.
 */
function taskRules({ can }: Builder, principal: OfficialPrincipal, role: (typeof TASK_ROLES)[number]): void {
  const units = unitsWith(principal, role);
  if (units.length === 0) return;
  const scope = role === 'operator' || role === 'supervisor' ? { role } : { role, unitId: { in: units } };
  can(['claim', 'complete'], 'Task', { state: 'open', assigneeId: null, ...scope });
  can(['complete', 'unclaim'], 'Task', { state: 'open', assigneeId: principal.userId, ...scope });
}

function unitAdminRules({ can }: Builder, units: string[]): void {
  if (units.length === 0) return;
  can('read', 'Unit', { id: { in: units } });
  can('update', 'Unit', ['phone', 'email', 'address'], { id: { in: units } });
  can('read', 'User', { memberships: { some: { unitId: { in: units } } } });
  // The service creates the user and its membership together, checking `create Membership`.
  can('create', 'User');
  // Not a user who also belongs elsewhere or to the IOC: their account is not this unit's alone.
  can(['update', 'delete'], 'User', {
    memberships: { some: { unitId: { in: units } }, every: { unitId: { in: units }, role: { in: [...UNIT_ROLES] } } },
  });
  can('read', 'Membership', { unitId: { in: units } });
  // Check a changed membership both as stored and as it would be stored.
  can(['create', 'update', 'delete'], 'Membership', { unitId: { in: units }, role: { in: [...UNIT_ROLES] } });
}

function iocRules({ can }: Builder, principal: OfficialPrincipal): void {
  const holds = (role: Role) => unitsWith(principal, role).length > 0;
  const caseRelated: SubjectName[] = ['Task', 'CaseTimelineEntry', 'Media', 'Rating'];
  if (holds('operator')) {
    can(['read', 'readPersonalData', 'readStatistics'], 'Case');
    can('read', [...caseRelated, ...CONFIGURATION, 'Announcement', 'Notification']);
  }
  if (holds('supervisor')) {
    can(['read', 'readPersonalData', 'readHistory', 'export', 'readStatistics'], 'Case');
    can('read', [...caseRelated, ...CONFIGURATION, 'Notification', 'AuditLog']);
    can('manage', 'Announcement');
  }
  if (holds('admin')) {
    can(['read', 'readPersonalData', 'readHistory', 'readStatistics'], 'Case');
    can('read', [...caseRelated, 'AuditLog']);
    can('manage', [...CONFIGURATION, 'Announcement', 'User', 'Membership', 'ApiKey', 'Notification']);
  }
}
