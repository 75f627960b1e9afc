/**
 * The case projection's part in area alerts: a transition that makes a report public (the IOC
 * screened it: `verified`) or resolves it (its reply is published: `reply_published`) is written
 * as an AreaAlertEvent in the projection's own transaction, so an alert exists exactly when the
 * transition does. Nothing is sent here: the area digests gather the events of a window
 * (notifications/area-digests.ts). Only what the public may see is alerted (domain/public-disclosure.ts).
 */
import type { Prisma, SubscriptionTopic } from '../prisma/generated/client';

/** The transitions that alert subscribers, by the topic they alert. */
export const AREA_EVENT_TOPICS: Readonly<Record<string, SubscriptionTopic>> = {
  verified: 'report_new',
  reply_published: 'report_resolved',
};

export async function recordAreaEvent(
  tx: Prisma.TransactionClient,
  transition: { caseId: string; seq: number; kind: string },
): Promise<void> {
  const topic = AREA_EVENT_TOPICS[transition.kind];
  if (!topic) return;
  // The database's clock, as the digests' windows are cut by it; (caseId, seq) once only.
  await tx.$executeRaw`
    INSERT INTO "AreaAlertEvent" (id, "caseId", seq, topic, "communeCode", "createdAt")
    SELECT gen_random_uuid(), c.id, ${transition.seq}::integer, ${topic}::"SubscriptionTopic", c."communeCode",
           now() AT TIME ZONE 'UTC'
      FROM "Case" c WHERE c.id = ${transition.caseId}::uuid
    ON CONFLICT ("caseId", seq) DO NOTHING`;
}
