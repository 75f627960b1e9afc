/**
 * The vocabulary of authorisation: who asks (principals), what they may do (actions), on what
 * (subjects), and the CASL ability type whose conditions are Prisma `where` fragments typed
 * against OUR generated client (prisma/generated/client, generator "prisma-client").
 *
 * Why `@casl/prisma/runtime` and not `@casl/prisma`: the package's main entry types its queries
 * with `Prisma` from `@prisma/client`, which is not where our client is generated. The runtime
 * entry exports the same functions with types parameterised by a Prisma `TypeMap`; we bind it to
 * ours here (as @casl/prisma's README shows for custom client locations).
 */
import type { Ability } from '@casl/ability';
import type { Model, PrismaQueryOf, Subjects, WhereInputOf } from '@casl/prisma/runtime';
import type {
  Announcement,
  ApiKey,
  AuditLog,
  Case,
  CaseTimelineEntry,
  Category,
  Commune,
  Media,
  Membership,
  Notification,
  NotificationTemplate,
  Prisma,
  Rating,
  ReplyTemplate,
  Role,
  RoutingRule,
  SlaPolicy,
  Task,
  Unit,
  User,
  WorkingCalendar,
} from '../prisma/generated/client';

export { accessibleBy, createPrismaAbility, ParsingQueryError } from '@casl/prisma/runtime';
export type { Role };

/**
 * - CRUD: `read`, `create`, `update`, `delete`; `manage` is CASL's "any action".
 * - Tasks: `claim` (become the assignee), `unclaim` (give it back), `complete` (send the outcome).
 * - Cases: `readPersonalData` (reporter's name, phone, email, citizen account), `readHistory`
 *   (the Temporal history, which carries the report as submitted, personal data included),
 *   `export` (bulk download), `attachProof` (upload a unit's proof media), `readStatistics` (the
 *   statistics of the cases of a unit: docs/statistics.md).
 * - The reporter, on their own case: `rate`, `supplyInfo` (answer a request for information),
 *   `withdraw`.
 * - Notifications: `retry` a failed delivery.
 */
export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'manage'
  | 'claim'
  | 'unclaim'
  | 'complete'
  | 'readPersonalData'
  | 'readHistory'
  | 'export'
  | 'attachProof'
  | 'readStatistics'
  | 'rate'
  | 'supplyInfo'
  | 'withdraw'
  | 'retry';

type WithCase<T> = T & { case?: Case | null };

/**
 * Rows as the API checks them with `subject('Case', row)`. Conditions on relations (a user's
 * memberships, a media's case) need that relation loaded; when it is missing the check fails
 * closed (refused), never open.
 */
export type AppSubjects = Subjects<{
  Announcement: Announcement;
  ApiKey: ApiKey;
  AuditLog: AuditLog;
  Case: Case;
  CaseTimelineEntry: WithCase<CaseTimelineEntry>;
  Category: Category;
  Commune: Commune;
  Media: WithCase<Media>;
  Membership: Membership;
  Notification: Notification;
  NotificationTemplate: NotificationTemplate;
  Rating: WithCase<Rating>;
  ReplyTemplate: ReplyTemplate;
  RoutingRule: RoutingRule;
  SlaPolicy: SlaPolicy;
  Task: Task;
  Unit: Unit;
  User: User & { memberships?: Pick<Membership, 'unitId' | 'role'>[] };
  WorkingCalendar: WorkingCalendar;
}>;

export type SubjectName = Extract<AppSubjects, string>;

/** A Prisma `where` of one of our models, as CASL conditions. */
export type PrismaQuery<T extends Model<Record<string, unknown>, string> = Model<Record<string, unknown>, string>> =
  PrismaQueryOf<Prisma.TypeMap, T>;
export type WhereInput<TModelName extends Prisma.ModelName> = WhereInputOf<Prisma.TypeMap, TModelName>;

export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;

export type UnitKind = 'ioc' | 'department' | 'commune' | 'other';

export interface MembershipGrant {
  unitId: string;
  unitKind: UnitKind;
  role: Role;
}

/** A signed-in official; roles come from memberships (user × unit × role). */
export interface OfficialPrincipal {
  kind: 'official';
  userId: string;
  memberships: readonly MembershipGrant[];
}

/** Whoever holds the citizen token of these cases (the reporter). */
export interface CitizenPrincipal {
  kind: 'citizen';
  caseIds: readonly string[];
}

export interface AnonymousPrincipal {
  kind: 'anonymous';
}

export type Principal = OfficialPrincipal | CitizenPrincipal | AnonymousPrincipal;
