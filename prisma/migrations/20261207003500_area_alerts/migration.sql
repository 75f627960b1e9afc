-- Area alerts (notifications/README.md): subscriptions to the new and resolved reports of a
-- commune beside announcements, by Web Push and Zalo too, and the events the case projection writes
-- for the hourly digests.
ALTER TYPE "NotificationChannel" ADD VALUE 'web_push';

CREATE TYPE "SubscriptionTopic" AS ENUM ('announcements', 'report_new', 'report_resolved');

-- Existing subscriptions were to announcements: they keep exactly that.
ALTER TABLE "Subscription"
    ADD COLUMN "topics" "SubscriptionTopic"[] DEFAULT ARRAY['announcements']::"SubscriptionTopic"[],
    ADD COLUMN "pushP256dh" TEXT,
    ADD COLUMN "pushAuth" TEXT;

CREATE TABLE "AreaAlertEvent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "topic" "SubscriptionTopic" NOT NULL,
    "communeCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digestId" UUID,

    CONSTRAINT "AreaAlertEvent_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AreaAlertEvent_caseId_seq_key" ON "AreaAlertEvent"("caseId", "seq");
CREATE INDEX "AreaAlertEvent_digestId_createdAt_idx" ON "AreaAlertEvent"("digestId", "createdAt");

ALTER TABLE "AreaAlertEvent" ADD CONSTRAINT "AreaAlertEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
