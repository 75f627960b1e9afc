-- Issue 17: two list orders the 1M plans pointed to (bench/results/plans/*.1000000.txt).
-- - The IOC's "processing, by deadline" page read all 12,000 processing cases and sorted them
--   (41 ms SQL at 1M, 0.8 ms at 10k). In (status, deadline, id) order the page is the index's
--   first 25 entries. (No semicolon in these comments: Prisma splits the file on them.)
-- - The public feed of one category walked the whole published order and filtered (52 ms at 1M).
--   (categoryCode, publishedAt DESC, id DESC) reads the category's newest directly. It also serves
--   every lookup by category, so it replaces the single-column index.

-- DropIndex
DROP INDEX "Case_categoryCode_idx";

-- CreateIndex
CREATE INDEX "Case_categoryCode_publishedAt_id_idx" ON "Case"("categoryCode", "publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_status_deadline_id_idx" ON "Case"("status", "deadline", "id");
