/**
 * The signed-in official's CASL ability, built from the packed rules of GET /api/auth/me — the
 * same rules the API enforces (domain/abilities.ts). Their conditions are Prisma `where`
 * fragments; the browser evaluates them with CASL's Mongo matcher after a small translation of
 * the operators it knows (`in`, `notIn`, `not`, `equals`). A condition it cannot translate
 * (relations: `some`, `every`, `is`) never matches here, so the UI hides rather than offers.
 * The server stays the authority: it answers 403/404 whatever the UI shows.
 */
import { createMongoAbility, subject as caslSubject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

export type AppAbility = MongoAbility<[string, string | Record<string, unknown>]>;

const NEVER = { __condition_not_evaluated_in_browser__: true };

/** Prisma `where` → Mongo query, or undefined when it uses something we do not translate. */
export function prismaToMongo(where: unknown): Record<string, unknown> | undefined {
  if (where === null || typeof where !== 'object' || Array.isArray(where)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(where)) {
    if (field === 'AND' || field === 'OR') {
      if (!Array.isArray(value)) return undefined;
      const parts = value.map(prismaToMongo);
      if (parts.some((p) => p === undefined)) return undefined;
      out[field === 'AND' ? '$and' : '$or'] = parts;
      continue;
    }
    if (value === null || typeof value !== 'object' || value instanceof Date) {
      out[field] = value;
      continue;
    }
    const ops: Record<string, unknown> = {};
    for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
      if (op === 'in') ops.$in = operand;
      else if (op === 'notIn') ops.$nin = operand;
      else if (op === 'equals') ops.$eq = operand;
      else if (op === 'not' && (operand === null || typeof operand !== 'object')) ops.$ne = operand;
      else return undefined; // relations and the rest: not evaluated in the browser
    }
    out[field] = ops;
  }
  return out;
}

export function buildAbility(packed: PackRule<RawRuleOf<AppAbility>>[] | undefined): AppAbility {
  const rules = unpackRules<RawRuleOf<AppAbility>>(packed ?? []).map((rule) => {
    if (!rule.conditions) return rule;
    return { ...rule, conditions: prismaToMongo(rule.conditions) ?? NEVER };
  });
  return createMongoAbility<AppAbility>(rules as RawRuleOf<AppAbility>[]);
}

/** react-admin resource → CASL subject of domain/ability-subjects.ts. */
export const RESOURCE_SUBJECTS: Record<string, string> = {
  cases: 'Case',
  tasks: 'Task',
  units: 'Unit',
  users: 'User',
  categories: 'Category',
  communes: 'Commune',
  'routing-rules': 'RoutingRule',
  'sla-policies': 'SlaPolicy',
  calendars: 'WorkingCalendar',
  templates: 'ReplyTemplate',
  'api-keys': 'ApiKey',
  notifications: 'Notification',
  'audit-log': 'AuditLog',
  announcements: 'Announcement',
  'notification-templates': 'NotificationTemplate',
};

/** react-admin's canAccess actions → the API's actions. */
export function abilityAction(action: string): string {
  switch (action) {
    case 'list':
    case 'show':
    case 'export':
      return 'read';
    case 'edit':
      return 'update';
    default:
      return action; // create, delete, and domain actions (claim, complete, readPersonalData …)
  }
}

export function subjectOf(type: string, record: Record<string, unknown>) {
  return caslSubject(type, { ...record });
}
