-- Statistics: monthly and weekly rollups beside the daily ones (docs/statistics.md), so that a
-- year is read from twelve months (or 53 weeks) of rows instead of 365 days of them. A month or
-- week row is the sum of its days' rows, kept so by row triggers on the day tables in the same
-- transaction (whatever changed the day row: a case's trigger, a repair of some days). Months and
-- weeks (from Monday) are Hà Tĩnh ones, as the days are.
-- The step tables hold their working-hours histogram in columns, bucket0 ... bucket15 the steps
-- completed in each bucket (statistics_bucket): a bucket key column would multiply the rows a year
-- holds again (and an array costs more to add up). Their key starts with the step,
-- and a recount writes them in step order: the dashboard reads the processing step on its own.
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
    "step" "CaseStep" NOT NULL,
    "month" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "minutes" BIGINT NOT NULL DEFAULT 0,
    "bucket0" INTEGER NOT NULL DEFAULT 0,
    "bucket1" INTEGER NOT NULL DEFAULT 0,
    "bucket2" INTEGER NOT NULL DEFAULT 0,
    "bucket3" INTEGER NOT NULL DEFAULT 0,
    "bucket4" INTEGER NOT NULL DEFAULT 0,
    "bucket5" INTEGER NOT NULL DEFAULT 0,
    "bucket6" INTEGER NOT NULL DEFAULT 0,
    "bucket7" INTEGER NOT NULL DEFAULT 0,
    "bucket8" INTEGER NOT NULL DEFAULT 0,
    "bucket9" INTEGER NOT NULL DEFAULT 0,
    "bucket10" INTEGER NOT NULL DEFAULT 0,
    "bucket11" INTEGER NOT NULL DEFAULT 0,
    "bucket12" INTEGER NOT NULL DEFAULT 0,
    "bucket13" INTEGER NOT NULL DEFAULT 0,
    "bucket14" INTEGER NOT NULL DEFAULT 0,
    "bucket15" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatisticsStepMonth_pkey" PRIMARY KEY ("step", "month", "unitId", "communeCode", "categoryCode", "channel")
);

CREATE INDEX "StatisticsMonth_unitId_month_idx" ON "StatisticsMonth"("unitId", "month");
CREATE INDEX "StatisticsStepMonth_unitId_month_idx" ON "StatisticsStepMonth"("unitId", "month");

CREATE TABLE "StatisticsWeek" (
    "week" DATE NOT NULL,
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

    CONSTRAINT "StatisticsWeek_pkey" PRIMARY KEY ("week", "unitId", "communeCode", "categoryCode", "channel")
);

CREATE TABLE "StatisticsStepWeek" (
    "step" "CaseStep" NOT NULL,
    "week" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "minutes" BIGINT NOT NULL DEFAULT 0,
    "bucket0" INTEGER NOT NULL DEFAULT 0,
    "bucket1" INTEGER NOT NULL DEFAULT 0,
    "bucket2" INTEGER NOT NULL DEFAULT 0,
    "bucket3" INTEGER NOT NULL DEFAULT 0,
    "bucket4" INTEGER NOT NULL DEFAULT 0,
    "bucket5" INTEGER NOT NULL DEFAULT 0,
    "bucket6" INTEGER NOT NULL DEFAULT 0,
    "bucket7" INTEGER NOT NULL DEFAULT 0,
    "bucket8" INTEGER NOT NULL DEFAULT 0,
    "bucket9" INTEGER NOT NULL DEFAULT 0,
    "bucket10" INTEGER NOT NULL DEFAULT 0,
    "bucket11" INTEGER NOT NULL DEFAULT 0,
    "bucket12" INTEGER NOT NULL DEFAULT 0,
    "bucket13" INTEGER NOT NULL DEFAULT 0,
    "bucket14" INTEGER NOT NULL DEFAULT 0,
    "bucket15" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatisticsStepWeek_pkey" PRIMARY KEY ("step", "week", "unitId", "communeCode", "categoryCode", "channel")
);

CREATE INDEX "StatisticsWeek_unitId_week_idx" ON "StatisticsWeek"("unitId", "week");
CREATE INDEX "StatisticsStepWeek_unitId_week_idx" ON "StatisticsStepWeek"("unitId", "week");


-- A day row's change (n the new row, o the old one, either NULL) added to its month and week: one
-- upsert each when a counter changed in place, two when the row moved to another day or dimension.
CREATE FUNCTION statistics_period_change(n "StatisticsDay", o "StatisticsDay") RETURNS void LANGUAGE sql AS $$
  WITH v AS (
    SELECT (r)."day", (r)."unitId", (r)."communeCode", (r)."categoryCode", (r)."channel",
      sign * (r)."received" AS "received",
      sign * (r)."inProgress" AS "inProgress",
      sign * (r)."processed" AS "processed",
      sign * (r)."onTime" AS "onTime",
      sign * (r)."late" AS "late",
      sign * (r)."rejected" AS "rejected",
      sign * (r)."duplicate" AS "duplicate",
      sign * (r)."withdrawn" AS "withdrawn",
      sign * (r)."reopened" AS "reopened",
      sign * (r)."rated1" AS "rated1",
      sign * (r)."rated2" AS "rated2",
      sign * (r)."rated3" AS "rated3",
      sign * (r)."rated4" AS "rated4",
      sign * (r)."rated5" AS "rated5"
    FROM (VALUES (n, 1), (o, -1)) AS x(r, sign)
    WHERE (r)."day" IS NOT NULL
  ), months AS (
    INSERT INTO "StatisticsMonth" AS s ("month", "unitId", "communeCode", "categoryCode", "channel", "received", "inProgress", "processed", "onTime", "late", "rejected", "duplicate", "withdrawn", "reopened", "rated1", "rated2", "rated3", "rated4", "rated5")
    SELECT date_trunc('month', v."day")::date, v."unitId", v."communeCode", v."categoryCode", v."channel",
      sum(v."received"),
      sum(v."inProgress"),
      sum(v."processed"),
      sum(v."onTime"),
      sum(v."late"),
      sum(v."rejected"),
      sum(v."duplicate"),
      sum(v."withdrawn"),
      sum(v."reopened"),
      sum(v."rated1"),
      sum(v."rated2"),
      sum(v."rated3"),
      sum(v."rated4"),
      sum(v."rated5")
    FROM v v
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
  )
  INSERT INTO "StatisticsWeek" AS s ("week", "unitId", "communeCode", "categoryCode", "channel", "received", "inProgress", "processed", "onTime", "late", "rejected", "duplicate", "withdrawn", "reopened", "rated1", "rated2", "rated3", "rated4", "rated5")
    SELECT date_trunc('week', v."day")::date, v."unitId", v."communeCode", v."categoryCode", v."channel",
      sum(v."received"),
      sum(v."inProgress"),
      sum(v."processed"),
      sum(v."onTime"),
      sum(v."late"),
      sum(v."rejected"),
      sum(v."duplicate"),
      sum(v."withdrawn"),
      sum(v."reopened"),
      sum(v."rated1"),
      sum(v."rated2"),
      sum(v."rated3"),
      sum(v."rated4"),
      sum(v."rated5")
    FROM v v
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ("week", "unitId", "communeCode", "categoryCode", "channel") DO UPDATE SET
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

CREATE FUNCTION statistics_step_period_change(n "StatisticsStepDay", o "StatisticsStepDay") RETURNS void LANGUAGE sql AS $$
  WITH v AS (
    SELECT (r)."day", (r)."unitId", (r)."communeCode", (r)."categoryCode", (r)."channel", (r)."step", (r)."bucket",
      sign * (r)."completed" AS "completed", sign * (r)."onTime" AS "onTime", sign * (r)."late" AS "late",
      sign * (r)."minutes" AS "minutes"
    FROM (VALUES (n, 1), (o, -1)) AS x(r, sign)
    WHERE (r)."day" IS NOT NULL
  ), months AS (
    INSERT INTO "StatisticsStepMonth" AS s ("step", "month", "unitId", "communeCode", "categoryCode", "channel", "completed", "onTime", "late", "minutes", "bucket0", "bucket1", "bucket2", "bucket3", "bucket4", "bucket5", "bucket6", "bucket7", "bucket8", "bucket9", "bucket10", "bucket11", "bucket12", "bucket13", "bucket14", "bucket15")
    SELECT v."step", date_trunc('month', v."day")::date, v."unitId", v."communeCode", v."categoryCode", v."channel",
      sum(v."completed"), sum(v."onTime"), sum(v."late"), sum(v."minutes"),
      coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 0), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 1), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 2), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 3), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 4), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 5), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 6), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 7), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 8), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 9), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 10), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 11), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 12), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 13), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 14), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 15), 0)::integer
    FROM v v
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("step", "month", "unitId", "communeCode", "categoryCode", "channel") DO UPDATE SET
      "completed" = s."completed" + EXCLUDED."completed",
      "onTime" = s."onTime" + EXCLUDED."onTime",
      "late" = s."late" + EXCLUDED."late",
      "minutes" = s."minutes" + EXCLUDED."minutes",
      "bucket0" = s."bucket0" + EXCLUDED."bucket0",
      "bucket1" = s."bucket1" + EXCLUDED."bucket1",
      "bucket2" = s."bucket2" + EXCLUDED."bucket2",
      "bucket3" = s."bucket3" + EXCLUDED."bucket3",
      "bucket4" = s."bucket4" + EXCLUDED."bucket4",
      "bucket5" = s."bucket5" + EXCLUDED."bucket5",
      "bucket6" = s."bucket6" + EXCLUDED."bucket6",
      "bucket7" = s."bucket7" + EXCLUDED."bucket7",
      "bucket8" = s."bucket8" + EXCLUDED."bucket8",
      "bucket9" = s."bucket9" + EXCLUDED."bucket9",
      "bucket10" = s."bucket10" + EXCLUDED."bucket10",
      "bucket11" = s."bucket11" + EXCLUDED."bucket11",
      "bucket12" = s."bucket12" + EXCLUDED."bucket12",
      "bucket13" = s."bucket13" + EXCLUDED."bucket13",
      "bucket14" = s."bucket14" + EXCLUDED."bucket14",
      "bucket15" = s."bucket15" + EXCLUDED."bucket15"
  )
  INSERT INTO "StatisticsStepWeek" AS s ("step", "week", "unitId", "communeCode", "categoryCode", "channel", "completed", "onTime", "late", "minutes", "bucket0", "bucket1", "bucket2", "bucket3", "bucket4", "bucket5", "bucket6", "bucket7", "bucket8", "bucket9", "bucket10", "bucket11", "bucket12", "bucket13", "bucket14", "bucket15")
    SELECT v."step", date_trunc('week', v."day")::date, v."unitId", v."communeCode", v."categoryCode", v."channel",
      sum(v."completed"), sum(v."onTime"), sum(v."late"), sum(v."minutes"),
      coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 0), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 1), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 2), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 3), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 4), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 5), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 6), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 7), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 8), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 9), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 10), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 11), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 12), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 13), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 14), 0)::integer,
        coalesce(sum(v."completed") FILTER (WHERE v."bucket" = 15), 0)::integer
    FROM v v
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("step", "week", "unitId", "communeCode", "categoryCode", "channel") DO UPDATE SET
      "completed" = s."completed" + EXCLUDED."completed",
      "onTime" = s."onTime" + EXCLUDED."onTime",
      "late" = s."late" + EXCLUDED."late",
      "minutes" = s."minutes" + EXCLUDED."minutes",
      "bucket0" = s."bucket0" + EXCLUDED."bucket0",
      "bucket1" = s."bucket1" + EXCLUDED."bucket1",
      "bucket2" = s."bucket2" + EXCLUDED."bucket2",
      "bucket3" = s."bucket3" + EXCLUDED."bucket3",
      "bucket4" = s."bucket4" + EXCLUDED."bucket4",
      "bucket5" = s."bucket5" + EXCLUDED."bucket5",
      "bucket6" = s."bucket6" + EXCLUDED."bucket6",
      "bucket7" = s."bucket7" + EXCLUDED."bucket7",
      "bucket8" = s."bucket8" + EXCLUDED."bucket8",
      "bucket9" = s."bucket9" + EXCLUDED."bucket9",
      "bucket10" = s."bucket10" + EXCLUDED."bucket10",
      "bucket11" = s."bucket11" + EXCLUDED."bucket11",
      "bucket12" = s."bucket12" + EXCLUDED."bucket12",
      "bucket13" = s."bucket13" + EXCLUDED."bucket13",
      "bucket14" = s."bucket14" + EXCLUDED."bucket14",
      "bucket15" = s."bucket15" + EXCLUDED."bucket15"
$$;

CREATE FUNCTION statistics_day_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' THEN
    PERFORM statistics_period_change(NEW, NULL)\073
  ELSIF TG_OP = \'DELETE\' THEN
    PERFORM statistics_period_change(NULL, OLD)\073
  ELSE
    PERFORM statistics_period_change(NEW, OLD)\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION statistics_step_day_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' THEN
    PERFORM statistics_step_period_change(NEW, NULL)\073
  ELSIF TG_OP = \'DELETE\' THEN
    PERFORM statistics_step_period_change(NULL, OLD)\073
  ELSE
    PERFORM statistics_step_period_change(NEW, OLD)\073
  END IF\073
  RETURN NULL\073
END';

-- A rebuild counts the months and weeks from the days in one statement each afterwards: it says so
-- in statistics.rebuilding, and the day rows it writes are not added to them one by one.
CREATE TRIGGER statistics_day_changed AFTER INSERT OR UPDATE OR DELETE ON "StatisticsDay"
  FOR EACH ROW WHEN (current_setting('statistics.rebuilding', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION statistics_day_changed();
CREATE TRIGGER statistics_step_day_changed AFTER INSERT OR UPDATE OR DELETE ON "StatisticsStepDay"
  FOR EACH ROW WHEN (current_setting('statistics.rebuilding', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION statistics_step_day_changed();

-- The months from first to last (their first days) counted from their day rows, into month
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
  INSERT INTO "StatisticsStepMonth" ("step", "month", "unitId", "communeCode", "categoryCode", "channel", "completed", "onTime", "late", "minutes", "bucket0", "bucket1", "bucket2", "bucket3", "bucket4", "bucket5", "bucket6", "bucket7", "bucket8", "bucket9", "bucket10", "bucket11", "bucket12", "bucket13", "bucket14", "bucket15")
  SELECT d."step", date_trunc('month', d."day")::date, d."unitId", d."communeCode", d."categoryCode", d."channel",
    sum(d."completed"), sum(d."onTime"), sum(d."late"), sum(d."minutes"),
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

-- Repairs the months from first to last (their first days): recounted from their day rows.
CREATE FUNCTION statistics_recount_months(first DATE, last DATE) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "StatisticsDay", "StatisticsStepDay" IN SHARE MODE\073
  PERFORM statistics_clear_months(first, last)\073
  PERFORM statistics_count_months(first, last)\073
END';

-- The weeks from first to last (their first days) counted from their day rows, into week
-- tables that hold none of them (statistics_recount_weeks clears them first).
CREATE FUNCTION statistics_count_weeks(first DATE, last DATE) RETURNS void LANGUAGE sql AS $$
  WITH counted AS (
    INSERT INTO "StatisticsWeek" ("week", "unitId", "communeCode", "categoryCode", "channel", "received", "inProgress", "processed", "onTime", "late", "rejected", "duplicate", "withdrawn", "reopened", "rated1", "rated2", "rated3", "rated4", "rated5")
    SELECT date_trunc('week', d."day")::date, d."unitId", d."communeCode", d."categoryCode", d."channel",
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
    WHERE d."day" >= first AND d."day" < (last + interval '1 week')::date
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1
  )
  INSERT INTO "StatisticsStepWeek" ("step", "week", "unitId", "communeCode", "categoryCode", "channel", "completed", "onTime", "late", "minutes", "bucket0", "bucket1", "bucket2", "bucket3", "bucket4", "bucket5", "bucket6", "bucket7", "bucket8", "bucket9", "bucket10", "bucket11", "bucket12", "bucket13", "bucket14", "bucket15")
  SELECT d."step", date_trunc('week', d."day")::date, d."unitId", d."communeCode", d."categoryCode", d."channel",
    sum(d."completed"), sum(d."onTime"), sum(d."late"), sum(d."minutes"),
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
  FROM "StatisticsStepDay" d
  WHERE d."day" >= first AND d."day" < (last + interval '1 week')::date
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2
$$;

CREATE FUNCTION statistics_clear_weeks(first DATE, last DATE) RETURNS void LANGUAGE sql AS $$
  WITH cleared AS (
    DELETE FROM "StatisticsWeek" WHERE "week" BETWEEN first AND last
  )
  DELETE FROM "StatisticsStepWeek" WHERE "week" BETWEEN first AND last
$$;

-- Repairs the weeks from first to last (their first days): recounted from their day rows.
CREATE FUNCTION statistics_recount_weeks(first DATE, last DATE) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "StatisticsDay", "StatisticsStepDay" IN SHARE MODE\073
  PERFORM statistics_clear_weeks(first, last)\073
  PERFORM statistics_count_weeks(first, last)\073
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


-- Recomputes every rollup from the source tables: the days, then the months and weeks from the
-- days in one statement each (the days' triggers stand aside meanwhile: statistics.rebuilding).
CREATE OR REPLACE FUNCTION statistics_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Case", "Task", "Rating" IN SHARE MODE\073
  PERFORM set_config(\'statistics.rebuilding\', \'on\', true)\073
  TRUNCATE "StatisticsDay", "StatisticsStepDay", "StatisticsMonth", "StatisticsStepMonth", "StatisticsWeek", "StatisticsStepWeek"\073
  PERFORM statistics_count_days()\073
  PERFORM statistics_count_steps()\073
  PERFORM statistics_count_months(\'-infinity\', \'infinity\')\073
  PERFORM statistics_count_weeks(\'-infinity\', \'infinity\')\073
  PERFORM set_config(\'statistics.rebuilding\', \'off\', true)\073
END';

-- The months and weeks of the day rows already there.
SELECT statistics_count_months('-infinity', 'infinity');
SELECT statistics_count_weeks('-infinity', 'infinity');
