-- Issue 17: the public map's bounding box (GET /api/v1/reports?bbox=...). Prisma sends it as
-- ranges on lat and lng, and a B-tree on both reads the box's band of latitudes and tests the
-- longitude inside the index, without visiting cases outside the box (docs/performance.md).

-- CreateIndex
CREATE INDEX "Case_lat_lng_idx" ON "Case"("lat", "lng");
