/**
 * What the back office's configuration use cases share: who acts, the scope of what they may
 * read (404 outside it, 403 where the role may not act), and the audit entry every change writes.
 */
import { isDeepStrictEqual } from 'node:util';
import { subject as asSubject } from '@casl/ability';
import {
  accessibleWhere,
  type Action,
  type AppAbility,
  type AppSubjects,
  type SubjectName,
  type WhereInput,
} from '../../../domain/abilities';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import { Prisma } from '../../../prisma/generated/client';
import { recordAudit } from '../record-audit';

export interface AdminActor {
  ability: AppAbility;
  userId: string;
  ip?: string;
  requestId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', { what });
}

/**
 * The `where` of the rows the actor may read. No rule at all for the model (an officer asking for
 * SLA policies) is 403 rather than an empty list: the back office hides what a role cannot use.
 */
export function readableWhere<M extends SubjectName>(ability: AppAbility, model: M): WhereInput<M> {
  const where = accessibleWhere(ability, 'read', model);
  if (!where) throw new AppError('FORBIDDEN');
  return where;
}

/** The row as a CASL subject, for `ability.can(action, checked(...))`. */
export function checked<M extends SubjectName>(model: M, row: object): AppSubjects {
  return asSubject(model, { ...row }) as unknown as AppSubjects;
}

/** 404 unless the actor may read the row: a record outside one's scope does not exist for one. */
export function assertReadable<T extends object>(
  ability: AppAbility,
  model: SubjectName,
  row: T | null,
  id: string,
): T {
  if (!row || !ability.can('read', checked(model, row))) throw notFound(id);
  return row;
}

/** 403 unless the actor may do `action` on the row (or on the model, for a create). */
export function assertAllowed(ability: AppAbility, action: Action, target: SubjectName | AppSubjects, field?: string) {
  if (!ability.can(action, target, field)) throw new AppError('FORBIDDEN');
}

/** The page of a list query as Prisma arguments, with the id as a stable tie-breaker. */
export function pageOf(query: { skip: number; take: number; sort: { field: string; order: 'asc' | 'desc' } }) {
  const order =
    query.sort.field === 'id'
      ? [{ id: query.sort.order }]
      : [{ [query.sort.field]: query.sort.order }, { id: 'asc' as const }];
  return { orderBy: order, skip: query.skip, take: query.take };
}

/** Keys of `patch` whose value differs from `before` (JSON equality: arrays and GeoJSON too). */
export function changedFields<P extends object>(before: object, patch: P): (keyof P & string)[] {
  const stored = before as Record<string, unknown>;
  const given = patch as Record<string, unknown>;
  return (Object.keys(patch) as (keyof P & string)[]).filter(
    (key) => given[key] !== undefined && !sameJson(given[key] ?? null, stored[key] ?? null),
  );
}

/** Equal as JSON values (dates as their ISO text), whatever the keys' order: jsonb reorders them. */
function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

export type ConfigAction = 'config.create' | 'config.update' | 'config.delete';

/** Every configuration change leaves an entry: what changed, never a secret's value. */
export async function auditChange(
  db: Pick<Db, 'auditLog'>,
  actor: AdminActor,
  entry: {
    action: ConfigAction | string;
    subjectType: SubjectName;
    subjectId: string;
    details?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await recordAudit(db, {
    actorKind: 'official',
    actorId: actor.userId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
    ...(entry.details !== undefined && { details: entry.details }),
  });
}

/** A unique violation (Prisma P2002) as 409 on the field the caller names; anything else rethrown. */
export function conflictOn(field: string): (error: unknown) => never {
  return (error) => {
    if ((error as { code?: unknown })?.code === 'P2002') throw taken(field);
    throw error;
  };
}

export function taken(field: string): AppError {
  return new AppError('ALREADY_EXISTS', {}, { [field]: { code: 'taken' } });
}

export function invalid(field: string, code: string, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION_FAILED', {}, { [field]: { code, ...(params && { params }) } });
}

/** A nullable JSON column's value: null is stored as SQL NULL (Prisma's DbNull). */
export function optionalJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
