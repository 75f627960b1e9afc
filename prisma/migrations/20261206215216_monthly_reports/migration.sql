-- Units' monthly reports made by the monthly schedule (the files are in media storage).
CREATE TABLE "MonthlyReport" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthlyReport_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MonthlyReport_unitId_month_key" ON "MonthlyReport"("unitId", "month");
CREATE INDEX "MonthlyReport_month_idx" ON "MonthlyReport"("month");
