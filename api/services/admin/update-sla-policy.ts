/** An administrator edits an SLA policy; steps already running keep the deadline they started with. */
import type { Db } from '../../../platform/db';
import type { Prisma } from '../../../prisma/generated/client';
import {
  assertAllowed,
  assertReadable,
  auditChange,
  changedFields,
  checked,
  isUuid,
  type AdminActor,
} from './admin-actor';
import { withSlaPolicyChecked, type SlaPolicyInput } from './create-sla-policy';
import { adminSlaPolicy } from './find-sla-policies';

export async function updateSlaPolicy(db: Db, actor: AdminActor, id: string, input: Partial<SlaPolicyInput>) {
  const row = isUuid(id) ? await db.slaPolicy.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'SlaPolicy', row, id);
  assertAllowed(actor.ability, 'update', checked('SlaPolicy', before));
  const fields = changedFields(before, input);
  if (fields.length === 0) return adminSlaPolicy(before);
  const patch = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<SlaPolicyInput>;
  const updated = await db.$transaction((tx) =>
    withSlaPolicyChecked(tx, { ...before, ...patch }, () =>
      tx.slaPolicy.update({
        where: { id },
        data: {
          ...patch,
          escalations: (patch.escalations ?? before.escalations) as unknown as Prisma.InputJsonValue,
        },
      }),
    ),
  );
  await auditChange(db, actor, {
    action: 'config.update',
    subjectType: 'SlaPolicy',
    subjectId: id,
    details: { fields },
  });
  return adminSlaPolicy(updated);
}
