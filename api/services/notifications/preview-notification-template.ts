/**
 * What a template gives (POST /api/admin/notification-templates/:id/preview): the texts as stored,
 * or as being edited (subject/body/shortBody in the request), rendered with the event's sample
 * values or the ones given; the mail's HTML part too. Nothing is saved or sent.
 */
import { z } from 'zod';
import { htmlOf } from '../../../notifications/render';
import { EVENTS, renderTemplate, templateFor } from '../../../notifications/templates';
import type { Db } from '../../../platform/db';
import { assertAllowed, type AdminActor } from '../admin/admin-actor';
import { checkVariables, templateKey } from './notification-templates';

export const previewInput = z
  .object({
    subject: z.string().max(300).optional(),
    body: z.string().max(10_000).optional(),
    shortBody: z.string().max(640).optional(),
    variables: z.record(z.string().max(50), z.string().max(5_000)).optional(),
  })
  .strict();

export async function previewNotificationTemplate(
  db: Db,
  actor: AdminActor,
  id: string,
  input: z.infer<typeof previewInput>,
) {
  assertAllowed(actor.ability, 'read', 'NotificationTemplate');
  const { event, locale } = templateKey(id);
  checkVariables(event, input);
  const stored = await templateFor(db, event, locale);
  const variables = { ...EVENTS[event].sample, ...input.variables };
  const text = renderTemplate(
    {
      subject: input.subject ?? stored.subject,
      body: input.body ?? stored.body,
      shortBody: input.shortBody ?? stored.shortBody,
    },
    variables,
  );
  return { id, ...text, html: htmlOf(text.body, locale), shortBodyLength: [...text.shortBody].length, variables };
}
