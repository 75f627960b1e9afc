-- Citizen accounts across devices: one-time codes by SMS and sessions (issue 16).

-- CreateTable
CREATE TABLE "CitizenOtp" (
    "id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" TIMESTAMP(3),
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CitizenOtp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitizenSession" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "citizenId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "CitizenSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CitizenOtp_phone_createdAt_idx" ON "CitizenOtp"("phone", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "CitizenOtp_ip_createdAt_idx" ON "CitizenOtp"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CitizenSession_tokenHash_key" ON "CitizenSession"("tokenHash");

-- CreateIndex
CREATE INDEX "CitizenSession_citizenId_idx" ON "CitizenSession"("citizenId");

-- CreateIndex
CREATE INDEX "Case_citizenId_receivedAt_idx" ON "Case"("citizenId", "receivedAt" DESC);

-- AddForeignKey
ALTER TABLE "CitizenSession" ADD CONSTRAINT "CitizenSession_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;
