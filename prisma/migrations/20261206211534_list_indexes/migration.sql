-- Issue 17: indexes for the lists' filters and orders at a million cases, and Vietnamese text
-- search with trigrams (docs/performance.md).

-- Both ship with PostgreSQL's contrib (the embedded binaries and Debian's packages).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Text as searches compare it: without diacritics (unaccent, đ/Đ → d even where its rules lack
-- them), in lower case. unaccent() is only STABLE (it reads its dictionary by name through the
-- search_path): naming the dictionary and the schema makes the result fixed, so the function may
-- be IMMUTABLE and serve a generated column and an index.
CREATE FUNCTION search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(translate(public.unaccent('public.unaccent'::regdictionary, $1), 'đĐ', 'dd')) $$;

-- Case.searchText: description and address folded, kept by PostgreSQL (a line break between
-- them, so that a search never matches across the two).
ALTER TABLE "Case" ADD COLUMN "searchText" TEXT
  GENERATED ALWAYS AS (search_fold("description" || E'\n' || coalesce("address", ''))) STORED;

-- CreateIndex
CREATE INDEX "Case_createdAt_id_idx" ON "Case"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Case_unitId_createdAt_id_idx" ON "Case"("unitId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Case_publishedAt_id_idx" ON "Case"("publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_receivedAt_id_idx" ON "Case"("receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_status_step_overdue_idx" ON "Case"("status", "step", "overdue");

-- CreateIndex
CREATE INDEX "Case_searchText_idx" ON "Case" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "CaseTimelineEntry_caseId_kind_idx" ON "CaseTimelineEntry"("caseId", "kind");

-- CreateIndex
CREATE INDEX "CaseTimelineEntry_visibility_at_idx" ON "CaseTimelineEntry"("visibility", "at");

-- CreateIndex
CREATE INDEX "Notification_recipient_createdAt_idx" ON "Notification"("recipient", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_at_id_idx" ON "AuditLog"("at" DESC, "id" DESC);
