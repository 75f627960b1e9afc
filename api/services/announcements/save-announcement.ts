/**
 * A unit's leader writes an announcement for their unit (supervisors and administrators for any):
 * kind, severity, the texts (Vietnamese required, English optional), the validity window and the
 * area (communes; none: the whole province). Saving does not publish: POST /:id/publish does.
 */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { ANNOUNCEMENT_KINDS } from '../find-announcements';
import {
  assertAllowed,
  assertReadable,
  auditChange,
  changedFields,
  checked,
  invalid,
  isUuid,
  type AdminActor,
} from '../admin/admin-actor';
import { dateTime, optionalText } from '../admin/list-filters';
import { adminAnnouncement } from './find-admin-announcements';

const fields = {
  unitId: z.string().uuid(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  severity: z.enum(['info', 'warning', 'critical']).default('info'),
  titleVi: z.string().trim().min(1).max(300),
  titleEn: optionalText(300),
  bodyVi: z.string().trim().min(1).max(10_000),
  bodyEn: optionalText(10_000),
  communeCodes: z
    .array(z.string().regex(/^\d{5}$/))
    .max(500)
    .default([])
    .transform((codes) => [...new Set(codes)]),
  validFrom: dateTime,
  validUntil: z.union([dateTime, z.null()]).optional(),
};

export const announcementInput = z.object(fields).strict();
export const announcementPatch = z
  .object(fields)
  .partial()
  .extend({
    // react-admin sends the whole record back: what is not ours to change is ignored.
    id: z.unknown().optional(),
    published: z.unknown().optional(),
    publishedAt: z.unknown().optional(),
    createdById: z.unknown().optional(),
    createdAt: z.unknown().optional(),
    updatedAt: z.unknown().optional(),
  })
  .strict();

type Input = z.infer<typeof announcementInput>;

async function check(db: Db, input: Partial<Input>, before?: { validFrom: Date; validUntil: Date | null }) {
  if (input.communeCodes?.length) {
    const known = await db.commune.count({ where: { code: { in: input.communeCodes } } });
    if (known !== input.communeCodes.length) throw invalid('communeCodes', 'unknown_commune');
  }
  if (input.unitId && !(await db.unit.findUnique({ where: { id: input.unitId } })))
    throw invalid('unitId', 'unknown_unit');
  const from = input.validFrom ? new Date(input.validFrom) : before?.validFrom;
  const until =
    input.validUntil !== undefined ? (input.validUntil ? new Date(input.validUntil) : null) : before?.validUntil;
  if (from && until && until <= from) throw invalid('validUntil', 'from_after_to');
}

export async function createAnnouncement(db: Db, actor: AdminActor, input: Input) {
  assertAllowed(actor.ability, 'create', checked('Announcement', { unitId: input.unitId }));
  await check(db, input);
  const row = await db.announcement.create({
    data: {
      ...input,
      validFrom: new Date(input.validFrom),
      validUntil: input.validUntil ? new Date(input.validUntil) : null,
      createdById: actor.userId,
    },
  });
  await auditChange(db, actor, { action: 'announcement.create', subjectType: 'Announcement', subjectId: row.id });
  return adminAnnouncement(row);
}

export async function updateAnnouncement(
  db: Db,
  actor: AdminActor,
  id: string,
  patch: z.infer<typeof announcementPatch>,
) {
  const row = isUuid(id) ? await db.announcement.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'Announcement', row, id);
  assertAllowed(actor.ability, 'update', checked('Announcement', before));
  const { id: _i, published: _p, publishedAt: _pa, createdById: _c, createdAt: _ca, updatedAt: _u, ...input } = patch;
  // Moving it to another unit: the actor must be allowed to write for that unit too.
  if (input.unitId && input.unitId !== before.unitId)
    assertAllowed(actor.ability, 'update', checked('Announcement', { ...before, unitId: input.unitId }));
  await check(db, input, before);
  const data = {
    ...input,
    ...(input.validFrom && { validFrom: new Date(input.validFrom) }),
    ...(input.validUntil !== undefined && { validUntil: input.validUntil ? new Date(input.validUntil) : null }),
  };
  const changed = changedFields(before, data);
  if (changed.length === 0) return adminAnnouncement(before);
  const updated = await db.announcement.update({ where: { id }, data });
  await auditChange(db, actor, {
    action: 'announcement.update',
    subjectType: 'Announcement',
    subjectId: id,
    details: { fields: changed },
  });
  return adminAnnouncement(updated);
}
