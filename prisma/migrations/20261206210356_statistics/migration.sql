-- Statistics (docs/statistics.md): working minutes of completed tasks, the daily rollups, the
-- triggers that keep them equal to the source tables in the same transaction, and the rebuild.
--
-- Prisma applies a migration through the pg driver adapter, which splits the script at every
-- semicolon, quoted or not. So the functions here hold none: the counting is done by SQL functions
-- of one statement each (a writable CTE where two tables change), and the few PL/pgSQL bodies
-- (triggers must be PL/pgSQL) are E'' strings that write their semicolons as \073. No comment
-- may hold a semicolon either.

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "workingMinutes" INTEGER;

-- CreateTable
CREATE TABLE "StatisticsDay" (
    "day" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "inProgress" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "duplicate" INTEGER NOT NULL DEFAULT 0,
    "withdrawn" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,
    "rated1" INTEGER NOT NULL DEFAULT 0,
    "rated2" INTEGER NOT NULL DEFAULT 0,
    "rated3" INTEGER NOT NULL DEFAULT 0,
    "rated4" INTEGER NOT NULL DEFAULT 0,
    "rated5" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatisticsDay_pkey" PRIMARY KEY ("day","unitId","communeCode","categoryCode","channel")
);

-- CreateTable
CREATE TABLE "StatisticsStepDay" (
    "day" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "step" "CaseStep" NOT NULL,
    "bucket" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "minutes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "StatisticsStepDay_pkey" PRIMARY KEY ("day","unitId","communeCode","categoryCode","channel","step","bucket")
);

-- CreateIndex
CREATE INDEX "StatisticsDay_unitId_day_idx" ON "StatisticsDay"("unitId", "day");
CREATE INDEX "StatisticsStepDay_unitId_day_idx" ON "StatisticsStepDay"("unitId", "day");
CREATE INDEX "Case_receivedAt_idx" ON "Case"("receivedAt");
-- "Overdue now" is live, counted from the projection: a small partial index keeps it fast.
CREATE INDEX "Case_overdue_now_idx" ON "Case"("unitId", "escalationLevel") WHERE "overdue";

-- The Hà Tĩnh day of an instant (Prisma stores UTC in timestamp without time zone).
CREATE FUNCTION statistics_day(t TIMESTAMP) RETURNS DATE LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (t AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
$$;

-- The working-hours bucket of a duration in minutes: how many bounds it exceeds
-- (domain/statistics.ts HOUR_BUCKETS, in minutes, and tests/statistics.test.ts checks they agree).
CREATE FUNCTION statistics_bucket(minutes INTEGER) RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT count(*)::integer
  FROM unnest(ARRAY[30, 60, 120, 240, 480, 720, 960, 1440, 1920, 2400, 3360, 4800, 7200, 9600, 14400]) AS bound
  WHERE minutes > bound
$$;

-- One task's contribution (sign 1 or -1) under its case's current dimensions: only a task done,
-- with its working minutes, counts.
CREATE FUNCTION statistics_add_task(c "Case", t "Task", sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StatisticsStepDay" AS s
    ("day", "unitId", "communeCode", "categoryCode", "channel", "step", "bucket", "completed", "onTime", "late", "minutes")
  SELECT
    statistics_day(t."completedAt"),
    coalesce(c."unitId", '00000000-0000-0000-0000-000000000000'),
    coalesce(c."communeCode", ''),
    c."categoryCode",
    c."channel",
    t."step",
    statistics_bucket(t."workingMinutes"),
    sign,
    sign * (t."due" IS NOT NULL AND t."completedAt" <= t."due")::integer,
    sign * (t."due" IS NOT NULL AND t."completedAt" > t."due")::integer,
    sign * t."workingMinutes"
  WHERE t."state" = 'done' AND t."completedAt" IS NOT NULL AND t."workingMinutes" IS NOT NULL
  ON CONFLICT ("day", "unitId", "communeCode", "categoryCode", "channel", "step", "bucket") DO UPDATE SET
    "completed" = s."completed" + EXCLUDED."completed",
    "onTime" = s."onTime" + EXCLUDED."onTime",
    "late" = s."late" + EXCLUDED."late",
    "minutes" = s."minutes" + EXCLUDED."minutes"
$$;

-- One rating of `score` (sign 1 or -1) under the case's current dimensions.
CREATE FUNCTION statistics_add_rating(c "Case", score INTEGER, sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StatisticsDay" AS s
    ("day", "unitId", "communeCode", "categoryCode", "channel", "rated1", "rated2", "rated3", "rated4", "rated5")
  VALUES (
    statistics_day(c."receivedAt"),
    coalesce(c."unitId", '00000000-0000-0000-0000-000000000000'),
    coalesce(c."communeCode", ''),
    c."categoryCode",
    c."channel",
    sign * (score = 1)::integer,
    sign * (score = 2)::integer,
    sign * (score = 3)::integer,
    sign * (score = 4)::integer,
    sign * (score = 5)::integer
  )
  ON CONFLICT ("day", "unitId", "communeCode", "categoryCode", "channel") DO UPDATE SET
    "rated1" = s."rated1" + EXCLUDED."rated1",
    "rated2" = s."rated2" + EXCLUDED."rated2",
    "rated3" = s."rated3" + EXCLUDED."rated3",
    "rated4" = s."rated4" + EXCLUDED."rated4",
    "rated5" = s."rated5" + EXCLUDED."rated5"
$$;

-- A case's whole contribution (sign 1 or -1): its own counters with its ratings, and its tasks done.
CREATE FUNCTION statistics_add_case(c "Case", sign INTEGER) RETURNS void LANGUAGE sql AS $$
  WITH counted_case AS (
    INSERT INTO "StatisticsDay" AS s
      ("day", "unitId", "communeCode", "categoryCode", "channel",
       "received", "inProgress", "processed", "onTime", "late", "rejected", "duplicate", "withdrawn", "reopened",
       "rated1", "rated2", "rated3", "rated4", "rated5")
    SELECT
      statistics_day(c."receivedAt"),
      coalesce(c."unitId", '00000000-0000-0000-0000-000000000000'),
      coalesce(c."communeCode", ''),
      c."categoryCode",
      c."channel",
      sign,
      sign * (c."status" NOT IN ('responded', 'closed', 'rejected', 'duplicate', 'withdrawn'))::integer,
      sign * (c."status" IN ('responded', 'closed') AND c."publishedAt" IS NOT NULL)::integer,
      sign * coalesce(c."status" IN ('responded', 'closed') AND c."publishedAt" <= c."resolutionDeadline", FALSE)::integer,
      sign * coalesce(c."status" IN ('responded', 'closed') AND c."publishedAt" > c."resolutionDeadline", FALSE)::integer,
      sign * (c."status" = 'rejected')::integer,
      sign * (c."status" = 'duplicate')::integer,
      sign * (c."status" = 'withdrawn')::integer,
      sign * (c."reopenCount" > 0)::integer,
      sign * count(*) FILTER (WHERE r."score" = 1),
      sign * count(*) FILTER (WHERE r."score" = 2),
      sign * count(*) FILTER (WHERE r."score" = 3),
      sign * count(*) FILTER (WHERE r."score" = 4),
      sign * count(*) FILTER (WHERE r."score" = 5)
    FROM (SELECT 1) AS one
    LEFT JOIN "Rating" r ON r."caseId" = c."id"
    ON CONFLICT ("day", "unitId", "communeCode", "categoryCode", "channel") DO UPDATE SET
      "received" = s."received" + EXCLUDED."received",
      "inProgress" = s."inProgress" + EXCLUDED."inProgress",
      "processed" = s."processed" + EXCLUDED."processed",
      "onTime" = s."onTime" + EXCLUDED."onTime",
      "late" = s."late" + EXCLUDED."late",
      "rejected" = s."rejected" + EXCLUDED."rejected",
      "duplicate" = s."duplicate" + EXCLUDED."duplicate",
      "withdrawn" = s."withdrawn" + EXCLUDED."withdrawn",
      "reopened" = s."reopened" + EXCLUDED."reopened",
      "rated1" = s."rated1" + EXCLUDED."rated1",
      "rated2" = s."rated2" + EXCLUDED."rated2",
      "rated3" = s."rated3" + EXCLUDED."rated3",
      "rated4" = s."rated4" + EXCLUDED."rated4",
      "rated5" = s."rated5" + EXCLUDED."rated5"
  )
  INSERT INTO "StatisticsStepDay" AS s
    ("day", "unitId", "communeCode", "categoryCode", "channel", "step", "bucket", "completed", "onTime", "late", "minutes")
  SELECT
    statistics_day(t."completedAt"),
    coalesce(c."unitId", '00000000-0000-0000-0000-000000000000'),
    coalesce(c."communeCode", ''),
    c."categoryCode",
    c."channel",
    t."step",
    statistics_bucket(t."workingMinutes"),
    sign * count(*),
    sign * count(*) FILTER (WHERE t."completedAt" <= t."due"),
    sign * count(*) FILTER (WHERE t."completedAt" > t."due"),
    sign * sum(t."workingMinutes")
  FROM "Task" t
  WHERE t."caseId" = c."id" AND t."state" = 'done' AND t."completedAt" IS NOT NULL AND t."workingMinutes" IS NOT NULL
  GROUP BY 1, 6, 7
  ON CONFLICT ("day", "unitId", "communeCode", "categoryCode", "channel", "step", "bucket") DO UPDATE SET
    "completed" = s."completed" + EXCLUDED."completed",
    "onTime" = s."onTime" + EXCLUDED."onTime",
    "late" = s."late" + EXCLUDED."late",
    "minutes" = s."minutes" + EXCLUDED."minutes"
$$;

-- The case counters recounted from the source tables (for statistics_rebuild).
CREATE FUNCTION statistics_count_days() RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StatisticsDay"
    ("day", "unitId", "communeCode", "categoryCode", "channel",
     "received", "inProgress", "processed", "onTime", "late", "rejected", "duplicate", "withdrawn", "reopened",
     "rated1", "rated2", "rated3", "rated4", "rated5")
  SELECT
    statistics_day(c."receivedAt"),
    coalesce(c."unitId", '00000000-0000-0000-0000-000000000000'),
    coalesce(c."communeCode", ''),
    c."categoryCode",
    c."channel",
    count(*),
    count(*) FILTER (WHERE c."status" NOT IN ('responded', 'closed', 'rejected', 'duplicate', 'withdrawn')),
    count(*) FILTER (WHERE c."status" IN ('responded', 'closed') AND c."publishedAt" IS NOT NULL),
    count(*) FILTER (WHERE c."status" IN ('responded', 'closed') AND c."publishedAt" <= c."resolutionDeadline"),
    count(*) FILTER (WHERE c."status" IN ('responded', 'closed') AND c."publishedAt" > c."resolutionDeadline"),
    count(*) FILTER (WHERE c."status" = 'rejected'),
    count(*) FILTER (WHERE c."status" = 'duplicate'),
    count(*) FILTER (WHERE c."status" = 'withdrawn'),
    count(*) FILTER (WHERE c."reopenCount" > 0),
    coalesce(sum(r.n1), 0), coalesce(sum(r.n2), 0), coalesce(sum(r.n3), 0), coalesce(sum(r.n4), 0), coalesce(sum(r.n5), 0)
  FROM "Case" c
  LEFT JOIN (
    SELECT "caseId",
      count(*) FILTER (WHERE "score" = 1) AS n1, count(*) FILTER (WHERE "score" = 2) AS n2,
      count(*) FILTER (WHERE "score" = 3) AS n3, count(*) FILTER (WHERE "score" = 4) AS n4,
      count(*) FILTER (WHERE "score" = 5) AS n5
    FROM "Rating" GROUP BY "caseId"
  ) r ON r."caseId" = c."id"
  GROUP BY 1, 2, 3, 4, 5
$$;

-- The steps recounted from the source tables (for statistics_rebuild).
CREATE FUNCTION statistics_count_steps() RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StatisticsStepDay"
    ("day", "unitId", "communeCode", "categoryCode", "channel", "step", "bucket", "completed", "onTime", "late", "minutes")
  SELECT
    statistics_day(t."completedAt"),
    coalesce(c."unitId", '00000000-0000-0000-0000-000000000000'),
    coalesce(c."communeCode", ''),
    c."categoryCode",
    c."channel",
    t."step",
    statistics_bucket(t."workingMinutes"),
    count(*),
    count(*) FILTER (WHERE t."completedAt" <= t."due"),
    count(*) FILTER (WHERE t."completedAt" > t."due"),
    sum(t."workingMinutes")
  FROM "Task" t
  JOIN "Case" c ON c."id" = t."caseId"
  WHERE t."state" = 'done' AND t."completedAt" IS NOT NULL AND t."workingMinutes" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
$$;

-- Recomputes both rollups from the source tables (the nightly reconcile, and after a TRUNCATE).
-- Writers wait meanwhile (SHARE locks), so no change is lost or counted twice.
CREATE FUNCTION statistics_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Case", "Task", "Rating" IN SHARE MODE\073
  TRUNCATE "StatisticsDay", "StatisticsStepDay"\073
  PERFORM statistics_count_days()\073
  PERFORM statistics_count_steps()\073
END';

-- The triggers: subtract what a row contributed, add what it contributes now.
CREATE FUNCTION statistics_case_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_case(NEW, 1)\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_case_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_case(OLD, -1)\073
  PERFORM statistics_add_case(NEW, 1)\073
  RETURN NULL\073
END';

-- BEFORE DELETE: the cascade that follows deletes the tasks and ratings once the case row is gone,
-- and their triggers, finding no case, leave the rollups alone.
CREATE FUNCTION statistics_case_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_case(OLD, -1)\073
  RETURN OLD\073
END';

CREATE FUNCTION statistics_task_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_task(c, NEW, 1) FROM "Case" c WHERE c."id" = NEW."caseId"\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_task_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_task(c, OLD, -1) FROM "Case" c WHERE c."id" = OLD."caseId"\073
  PERFORM statistics_add_task(c, NEW, 1) FROM "Case" c WHERE c."id" = NEW."caseId"\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_task_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_task(c, OLD, -1) FROM "Case" c WHERE c."id" = OLD."caseId"\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_rating_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_rating(c, NEW."score", 1) FROM "Case" c WHERE c."id" = NEW."caseId"\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_rating_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_rating(c, OLD."score", -1) FROM "Case" c WHERE c."id" = OLD."caseId"\073
  PERFORM statistics_add_rating(c, NEW."score", 1) FROM "Case" c WHERE c."id" = NEW."caseId"\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_rating_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_add_rating(c, OLD."score", -1) FROM "Case" c WHERE c."id" = OLD."caseId"\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_rebuild()\073
  RETURN NULL\073
END';

CREATE TRIGGER statistics_case_inserted AFTER INSERT ON "Case"
  FOR EACH ROW EXECUTE FUNCTION statistics_case_inserted();
CREATE TRIGGER statistics_case_updated AFTER UPDATE ON "Case"
  FOR EACH ROW WHEN (
    OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt" OR OLD."unitId" IS DISTINCT FROM NEW."unitId"
    OR OLD."communeCode" IS DISTINCT FROM NEW."communeCode" OR OLD."categoryCode" IS DISTINCT FROM NEW."categoryCode"
    OR OLD."channel" IS DISTINCT FROM NEW."channel" OR OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt"
    OR OLD."resolutionDeadline" IS DISTINCT FROM NEW."resolutionDeadline"
    OR OLD."reopenCount" IS DISTINCT FROM NEW."reopenCount"
  ) EXECUTE FUNCTION statistics_case_updated();
CREATE TRIGGER statistics_case_deleted BEFORE DELETE ON "Case"
  FOR EACH ROW EXECUTE FUNCTION statistics_case_deleted();
CREATE TRIGGER statistics_task_inserted AFTER INSERT ON "Task"
  FOR EACH ROW EXECUTE FUNCTION statistics_task_inserted();
CREATE TRIGGER statistics_task_updated AFTER UPDATE ON "Task"
  FOR EACH ROW WHEN (
    OLD."state" IS DISTINCT FROM NEW."state" OR OLD."completedAt" IS DISTINCT FROM NEW."completedAt"
    OR OLD."workingMinutes" IS DISTINCT FROM NEW."workingMinutes" OR OLD."due" IS DISTINCT FROM NEW."due"
    OR OLD."step" IS DISTINCT FROM NEW."step" OR OLD."caseId" IS DISTINCT FROM NEW."caseId"
  ) EXECUTE FUNCTION statistics_task_updated();
CREATE TRIGGER statistics_task_deleted AFTER DELETE ON "Task"
  FOR EACH ROW EXECUTE FUNCTION statistics_task_deleted();
CREATE TRIGGER statistics_rating_inserted AFTER INSERT ON "Rating"
  FOR EACH ROW EXECUTE FUNCTION statistics_rating_inserted();
CREATE TRIGGER statistics_rating_updated AFTER UPDATE OF "score", "caseId" ON "Rating"
  FOR EACH ROW EXECUTE FUNCTION statistics_rating_updated();
CREATE TRIGGER statistics_rating_deleted AFTER DELETE ON "Rating"
  FOR EACH ROW EXECUTE FUNCTION statistics_rating_deleted();
CREATE TRIGGER statistics_case_truncated AFTER TRUNCATE ON "Case"
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_truncated();
CREATE TRIGGER statistics_task_truncated AFTER TRUNCATE ON "Task"
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_truncated();
CREATE TRIGGER statistics_rating_truncated AFTER TRUNCATE ON "Rating"
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_truncated();
