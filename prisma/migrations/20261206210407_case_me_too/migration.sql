-- Citizens' "me too" on an open case (issue 16): one row per case and device key hash.
CREATE TABLE "CaseMeToo" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "follower" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseMeToo_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CaseMeToo_caseId_follower_key" ON "CaseMeToo"("caseId", "follower");

ALTER TABLE "CaseMeToo" ADD CONSTRAINT "CaseMeToo_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
