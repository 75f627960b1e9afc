-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('received', 'verifying', 'info_requested', 'routing', 'awaiting_acceptance', 'processing', 'awaiting_approval', 'responded', 'closed', 'rejected', 'duplicate', 'withdrawn');

-- CreateEnum
CREATE TYPE "CaseStep" AS ENUM ('receive', 'verify', 'route', 'accept', 'assign', 'process', 'extension', 'approve', 'respond', 'rate', 'review', 'close');

-- CreateEnum
CREATE TYPE "CaseLevel" AS ENUM ('normal', 'urgent', 'complex');

-- CreateEnum
CREATE TYPE "TimelineVisibility" AS ENUM ('public', 'reporter', 'internal');

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "requestFingerprint" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'api',
    "categoryCode" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "address" TEXT,
    "communeCode" TEXT,
    "level" "CaseLevel" NOT NULL DEFAULT 'normal',
    "confidential" BOOLEAN NOT NULL DEFAULT true,
    "reporterName" TEXT,
    "reporterPhone" TEXT,
    "reporterEmail" TEXT,
    "status" "CaseStatus" NOT NULL,
    "step" "CaseStep" NOT NULL,
    "unitId" TEXT,
    "assigneeId" TEXT,
    "deadline" TIMESTAMP(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseTimelineEntry" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "visibility" "TimelineVisibility" NOT NULL,
    "status" "CaseStatus",
    "step" "CaseStep",
    "note" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseTimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Case_trackingCode_key" ON "Case"("trackingCode");

-- CreateIndex
CREATE INDEX "Case_status_createdAt_idx" ON "Case"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Case_unitId_status_idx" ON "Case"("unitId", "status");

-- CreateIndex
CREATE INDEX "Case_communeCode_idx" ON "Case"("communeCode");

-- CreateIndex
CREATE INDEX "Case_categoryCode_idx" ON "Case"("categoryCode");

-- CreateIndex
CREATE UNIQUE INDEX "CaseTimelineEntry_caseId_seq_key" ON "CaseTimelineEntry"("caseId", "seq");

-- AddForeignKey
ALTER TABLE "CaseTimelineEntry" ADD CONSTRAINT "CaseTimelineEntry_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
