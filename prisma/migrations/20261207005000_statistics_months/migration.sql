-- Statistics: monthly rollups beside the daily ones (docs/statistics.md), so that a year is read from
-- twelve months of rows instead of 365 days of them. A month row is the sum of its days' rows,
-- kept so by row triggers on the day tables in the same transaction (whatever changed the day row:
-- a case's trigger, a rebuild of some days). Months are Hà Tĩnh months, as the days are.
-- The step months hold their working-hours buckets as an array (completed steps per bucket): a
-- bucket key column would multiply the rows a year holds again.
-- (The day migration explains why no function body here holds a semicolon.)

CREATE TABLE "StatisticsMonth" (
    "month" DATE NOT NULL,
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

    CONSTRAINT "StatisticsMonth_pkey" PRIMARY KEY ("month", "unitId", "communeCode", "categoryCode", "channel")
);

CREATE TABLE "StatisticsStepMonth" (
    "month" DATE NOT NULL,
    "step" "CaseStep" NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "minutes" BIGINT NOT NULL DEFAULT 0,
    "buckets" INTEGER[] NOT NULL,

    CONSTRAINT "StatisticsStepMonth_pkey" PRIMARY KEY ("month", "step", "unitId", "communeCode", "categoryCode", "channel")
);

CREATE INDEX "StatisticsMonth_unitId_month_idx" ON "StatisticsMonth"("unitId", "month");
CREATE INDEX "StatisticsStepMonth_unitId_month_idx" ON "StatisticsStepMonth"("unitId", "month");

-- Element-wise sum of two bucket arrays of the same length.
CREATE FUNCTION statistics_add_buckets(a INTEGER[], b INTEGER[]) RETURNS INTEGER[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS u(x, y, i)
$$;

-- A day row's change (n the new row, o the old one, either NULL) added to its month: one upsert
-- when a counter changed in place, two when the row moved to another month or dimension.
CREATE FUNCTION statistics_month_change(n "StatisticsDay", o "StatisticsDay") RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StatisticsMonth" AS s ("month", "unitId", "communeCode", "categoryCode", "channel", "received", "inProgress", "processed", "onTime", "late", "rejected", "duplicate", "withdrawn", "reopened", "rated1", "rated2", "rated3", "rated4", "rated5")
  SELECT date_trunc('month', (v.r)."day")::date, (v.r)."unitId", (v.r)."communeCode", (v.r)."categoryCode", (v.r)."channel",
    sum(v.sign * (v.r)."received"),
    sum(v.sign * (v.r)."inProgress"),
    sum(v.sign * (v.r)."processed"),
    sum(v.sign * (v.r)."onTime"),
    sum(v.sign * (v.r)."late"),
    sum(v.sign * (v.r)."rejected"),
    sum(v.sign * (v.r)."duplicate"),
    sum(v.sign * (v.r)."withdrawn"),
    sum(v.sign * (v.r)."reopened"),
    sum(v.sign * (v.r)."rated1"),
    sum(v.sign * (v.r)."rated2"),
    sum(v.sign * (v.r)."rated3"),
    sum(v.sign * (v.r)."rated4"),
    sum(v.sign * (v.r)."rated5")
  FROM (VALUES (n, 1), (o, -1)) AS v(r, sign)
  WHERE (v.r)."day" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ("month", "unitId", "communeCode", "categoryCode", "channel") DO UPDATE SET
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
$$;

CREATE FUNCTION statistics_step_month_change(n "StatisticsStepDay", o "StatisticsStepDay") RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StatisticsStepMonth" AS s ("month", "step", "unitId", "communeCode", "categoryCode", "channel", "completed", "onTime", "late", "minutes", "buckets")
  SELECT date_trunc('month', (v.r)."day")::date, (v.r)."step", (v.r)."unitId", (v.r)."communeCode", (v.r)."categoryCode", (v.r)."channel",
    sum(v.sign * (v.r)."completed"), sum(v.sign * (v.r)."onTime"), sum(v.sign * (v.r)."late"), sum(v.sign * (v.r)."minutes"),
    ARRAY[
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 0), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 1), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 2), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 3), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 4), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 5), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 6), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 7), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 8), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 9), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 10), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 11), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 12), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 13), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 14), 0)::integer,
      coalesce(sum(v.sign * (v.r)."completed") FILTER (WHERE (v.r)."bucket" = 15), 0)::integer
    ]
  FROM (VALUES (n, 1), (o, -1)) AS v(r, sign)
  WHERE (v.r)."day" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("month", "step", "unitId", "communeCode", "categoryCode", "channel") DO UPDATE SET
    "completed" = s."completed" + EXCLUDED."completed",
    "onTime" = s."onTime" + EXCLUDED."onTime",
    "late" = s."late" + EXCLUDED."late",
    "minutes" = s."minutes" + EXCLUDED."minutes",
    "buckets" = statistics_add_buckets(s."buckets", EXCLUDED."buckets")
$$;

CREATE FUNCTION statistics_day_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' THEN
    PERFORM statistics_month_change(NEW, NULL)\073
  ELSIF TG_OP = \'DELETE\' THEN
    PERFORM statistics_month_change(NULL, OLD)\073
  ELSE
    PERFORM statistics_month_change(NEW, OLD)\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_step_day_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' THEN
    PERFORM statistics_step_month_change(NEW, NULL)\073
  ELSIF TG_OP = \'DELETE\' THEN
    PERFORM statistics_step_month_change(NULL, OLD)\073
  ELSE
    PERFORM statistics_step_month_change(NEW, OLD)\073
  END IF\073
  RETURN NULL\073
END';

-- A rebuild counts the months from the days in one statement afterwards: it says so in
-- statistics.rebuilding, and the day rows it writes are not added to their months one by one.
CREATE TRIGGER statistics_day_changed AFTER INSERT OR UPDATE OR DELETE ON "StatisticsDay"
  FOR EACH ROW WHEN (current_setting('statistics.rebuilding', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION statistics_day_changed();
CREATE TRIGGER statistics_step_day_changed AFTER INSERT OR UPDATE OR DELETE ON "StatisticsStepDay"
  FOR EACH ROW WHEN (current_setting('statistics.rebuilding', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION statistics_step_day_changed();

-- The months from first to last (first days of months) counted from their day rows, into month
-- tables that hold none of them (statistics_recount_months clears them first).
CREATE FUNCTION statistics_count_months(first DATE, last DATE) RETURNS void LANGUAGE sql AS $$
  WITH counted AS (
    INSERT INTO "StatisticsMonth" ("month", "unitId", "communeCode", "categoryCode", "channel", "received", "inProgress", "processed", "onTime", "late", "rejected", "duplicate", "withdrawn", "reopened", "rated1", "rated2", "rated3", "rated4", "rated5")
    SELECT date_trunc('month', d."day")::date, d."unitId", d."communeCode", d."categoryCode", d."channel",
      sum(d."received"),
      sum(d."inProgress"),
      sum(d."processed"),
      sum(d."onTime"),
      sum(d."late"),
      sum(d."rejected"),
      sum(d."duplicate"),
      sum(d."withdrawn"),
      sum(d."reopened"),
      sum(d."rated1"),
      sum(d."rated2"),
      sum(d."rated3"),
      sum(d."rated4"),
      sum(d."rated5")
    FROM "StatisticsDay" d
    WHERE d."day" >= first AND d."day" < (last + interval '1 month')::date
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1
  )
  INSERT INTO "StatisticsStepMonth" ("month", "step", "unitId", "communeCode", "categoryCode", "channel", "completed", "onTime", "late", "minutes", "buckets")
  SELECT date_trunc('month', d."day")::date, d."step", d."unitId", d."communeCode", d."categoryCode", d."channel",
    sum(d."completed"), sum(d."onTime"), sum(d."late"), sum(d."minutes"),
    ARRAY[
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 0), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 1), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 2), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 3), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 4), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 5), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 6), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 7), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 8), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 9), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 10), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 11), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 12), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 13), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 14), 0)::integer,
      coalesce(sum(d."completed") FILTER (WHERE d."bucket" = 15), 0)::integer
    ]
  FROM "StatisticsStepDay" d
  WHERE d."day" >= first AND d."day" < (last + interval '1 month')::date
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2
$$;

CREATE FUNCTION statistics_clear_months(first DATE, last DATE) RETURNS void LANGUAGE sql AS $$
  WITH cleared AS (
    DELETE FROM "StatisticsMonth" WHERE "month" BETWEEN first AND last
  )
  DELETE FROM "StatisticsStepMonth" WHERE "month" BETWEEN first AND last
$$;

-- Repairs the months from first to last (first days of months): recounted from their day rows.
CREATE FUNCTION statistics_recount_months(first DATE, last DATE) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "StatisticsDay", "StatisticsStepDay" IN SHARE MODE\073
  PERFORM statistics_clear_months(first, last)\073
  PERFORM statistics_count_months(first, last)\073
END';

-- The instant (UTC, as Prisma stores it) a Hà Tĩnh day begins: the inverse of statistics_day.
CREATE FUNCTION statistics_day_start(d DATE) RETURNS TIMESTAMP LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT d::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AT TIME ZONE 'UTC'
$$;

-- The case counters of the cases received from day first to day last, recounted from the source
-- tables into day rows that hold none of them (statistics_rebuild_days clears them first).
CREATE FUNCTION statistics_count_days(first DATE, last DATE) RETURNS void LANGUAGE sql AS $$
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
    FROM "Rating" r JOIN "Case" c ON c."id" = r."caseId"
    WHERE c."receivedAt" >= statistics_day_start(first) AND c."receivedAt" < statistics_day_start(last + 1)
    GROUP BY "caseId"
  ) r ON r."caseId" = c."id"
  WHERE c."receivedAt" >= statistics_day_start(first) AND c."receivedAt" < statistics_day_start(last + 1)
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1
$$;

-- The same for the steps completed from day first to day last.
CREATE FUNCTION statistics_count_steps(first DATE, last DATE) RETURNS void LANGUAGE sql AS $$
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
    AND t."completedAt" >= statistics_day_start(first) AND t."completedAt" < statistics_day_start(last + 1)
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1
$$;


-- Repairs the days from first to last: their day rows recounted from the source tables (writers
-- wait meanwhile, as for statistics_rebuild), and their months moved by the difference through the
-- day tables' triggers. The nightly reconcile calls it for the days it found wrong.
CREATE FUNCTION statistics_rebuild_days(first DATE, last DATE) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Case", "Task", "Rating" IN SHARE MODE\073
  DELETE FROM "StatisticsDay" WHERE "day" BETWEEN first AND last\073
  DELETE FROM "StatisticsStepDay" WHERE "day" BETWEEN first AND last\073
  PERFORM statistics_count_days(first, last)\073
  PERFORM statistics_count_steps(first, last)\073
END';

-- Recomputes every rollup from the source tables: the days, then the months from the days in
-- one statement (the days' triggers stand aside meanwhile: statistics.rebuilding).
CREATE OR REPLACE FUNCTION statistics_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Case", "Task", "Rating" IN SHARE MODE\073
  PERFORM set_config(\'statistics.rebuilding\', \'on\', true)\073
  TRUNCATE "StatisticsDay", "StatisticsStepDay", "StatisticsMonth", "StatisticsStepMonth"\073
  PERFORM statistics_count_days()\073
  PERFORM statistics_count_steps()\073
  PERFORM statistics_count_months(\'-infinity\', \'infinity\')\073
  PERFORM set_config(\'statistics.rebuilding\', \'off\', true)\073
END';

-- The months of the day rows already there.
SELECT statistics_count_months('-infinity', 'infinity');
