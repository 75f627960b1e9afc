-- Statistics: coarse rollups (docs/statistics.md). The month and week rollups are keyed by unit,
-- commune, category and channel: at a million cases a month holds some 11,000 case rows and 31,000
-- step rows. Most dashboard questions name neither a commune nor a channel, and for them the same
-- counters per unit and category only (StatisticsUnitMonth, StatisticsStepUnitMonth,
-- StatisticsUnitWeek, StatisticsStepUnitWeek: at most units x categories rows a month) are enough.
--
-- One generic function now writes every level above the days (statistics_roll_up_sql builds the
-- upsert of one table from the rows of the table below it), in place of the near-copies the month
-- and week migration had per table: the day tables' trigger (through statistics_period_change,
-- defined from it), the recount of a range of months or weeks, the rebuild and this migration's
-- backfill all go through it. The coarse tables are kept by the same trigger on the day tables,
-- in the same transaction, as the month and week tables are.
-- (The day migration explains why no function body here holds a semicolon.)

CREATE TABLE "StatisticsUnitMonth" (
    "month" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "categoryCode" TEXT NOT NULL,
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

    CONSTRAINT "StatisticsUnitMonth_pkey" PRIMARY KEY ("month", "unitId", "categoryCode")
);

CREATE TABLE "StatisticsStepUnitMonth" (
    "step" "CaseStep" NOT NULL,
    "month" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "categoryCode" TEXT NOT NULL,
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

    CONSTRAINT "StatisticsStepUnitMonth_pkey" PRIMARY KEY ("step", "month", "unitId", "categoryCode")
);

CREATE TABLE "StatisticsUnitWeek" (
    "week" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "categoryCode" TEXT NOT NULL,
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

    CONSTRAINT "StatisticsUnitWeek_pkey" PRIMARY KEY ("week", "unitId", "categoryCode")
);

CREATE TABLE "StatisticsStepUnitWeek" (
    "step" "CaseStep" NOT NULL,
    "week" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "categoryCode" TEXT NOT NULL,
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

    CONSTRAINT "StatisticsStepUnitWeek_pkey" PRIMARY KEY ("step", "week", "unitId", "categoryCode")
);
-- No (unitId, period) index as the finer tables have: a year of a coarse table is some 13,000
-- rows, and its primary key's range already narrows a leader's units among them.


-- Every rollup above the days: its level, the day table whose rows it sums, the table it is
-- counted from (the days, or for a coarse table the month or week table of all dimensions), in
-- the order a recount fills them.
CREATE FUNCTION statistics_rollups() RETURNS TABLE ("level" TEXT, "days" TEXT, "source" TEXT, "target" TEXT)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  VALUES
    ('month', 'StatisticsDay', 'StatisticsDay', 'StatisticsMonth'),
    ('month', 'StatisticsStepDay', 'StatisticsStepDay', 'StatisticsStepMonth'),
    ('month', 'StatisticsDay', 'StatisticsMonth', 'StatisticsUnitMonth'),
    ('month', 'StatisticsStepDay', 'StatisticsStepMonth', 'StatisticsStepUnitMonth'),
    ('week', 'StatisticsDay', 'StatisticsDay', 'StatisticsWeek'),
    ('week', 'StatisticsStepDay', 'StatisticsStepDay', 'StatisticsStepWeek'),
    ('week', 'StatisticsDay', 'StatisticsWeek', 'StatisticsUnitWeek'),
    ('week', 'StatisticsStepDay', 'StatisticsStepWeek', 'StatisticsStepUnitWeek')
$$;

-- The date column of a rollup's rows: day, or the level's month or week (their first days).
CREATE FUNCTION statistics_period_column(rollup TEXT, level TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN rollup LIKE '%Day' THEN 'day' ELSE level END
$$;

-- The upsert that adds `from_rows` (a FROM item named r: rows of `source`, each with its sign, 1 or
-- -1) to their periods of `level` in `target`. The target's key is the step (step tables), the
-- period, the unit and the category, and for the tables of all dimensions the commune and the
-- channel. Its counters are the source's summed, but for a step day's bucket: the target holds
-- the histogram in columns, bucketN the steps completed in bucket N.
CREATE FUNCTION statistics_roll_up_sql(source TEXT, target TEXT, level TEXT, from_rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT format(
    'INSERT INTO %I AS s (%s, %s) SELECT %s, %s FROM %s GROUP BY %s ORDER BY 1, 2 ON CONFLICT (%s) DO UPDATE SET %s',
    target,
    (SELECT string_agg(format('%I', k), ', ' ORDER BY i) FROM unnest(t.keys) WITH ORDINALITY AS x(k, i)),
    (SELECT string_agg(format('%I', c), ', ' ORDER BY i) FROM unnest(t.counters) WITH ORDINALITY AS x(c, i)),
    (SELECT string_agg(
        CASE WHEN k = level THEN format('date_trunc(%L, r.%I)::date', level, statistics_period_column(source, level))
          ELSE format('r.%I', k) END,
        ', ' ORDER BY i)
      FROM unnest(t.keys) WITH ORDINALITY AS x(k, i)),
    (SELECT string_agg(
        CASE WHEN c LIKE 'bucket%' AND source LIKE '%Day'
          THEN format('coalesce(sum(r.sign * r."completed") FILTER (WHERE r."bucket" = %s), 0)', substr(c, 7))
          ELSE format('sum(r.sign * r.%I)', c) END,
        ', ' ORDER BY i)
      FROM unnest(t.counters) WITH ORDINALITY AS x(c, i)),
    from_rows,
    (SELECT string_agg(i::text, ', ') FROM generate_series(1, cardinality(t.keys)) AS i),
    (SELECT string_agg(format('%I', k), ', ' ORDER BY i) FROM unnest(t.keys) WITH ORDINALITY AS x(k, i)),
    (SELECT string_agg(format('%1$I = s.%1$I + EXCLUDED.%1$I', c), ', ' ORDER BY i)
      FROM unnest(t.counters) WITH ORDINALITY AS x(c, i))
  )
  FROM (
    SELECT
      CASE WHEN steps THEN ARRAY['step', level] ELSE ARRAY[level] END
        || CASE WHEN target LIKE '%Unit%' THEN ARRAY['unitId', 'categoryCode']
          ELSE ARRAY['unitId', 'communeCode', 'categoryCode', 'channel'] END AS keys,
      CASE WHEN steps
        THEN ARRAY['completed', 'onTime', 'late', 'minutes'] || ARRAY(SELECT 'bucket' || b FROM generate_series(0, 15) AS b)
        ELSE ARRAY['received', 'inProgress', 'processed', 'onTime', 'late', 'rejected', 'duplicate', 'withdrawn',
          'reopened', 'rated1', 'rated2', 'rated3', 'rated4', 'rated5'] END AS counters
    FROM (SELECT target LIKE 'StatisticsStep%' AS steps) AS kind
  ) AS t
$$;

-- Counts `target`'s periods of `level` from first to last (their first days) from `source`'s
-- rows, into a target that holds none of them.
CREATE FUNCTION statistics_count_rollup(level TEXT, source TEXT, target TEXT, first DATE, last DATE) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  EXECUTE statistics_roll_up_sql(source, target, level, format(
    \'(SELECT f.*, 1 AS sign FROM %I f WHERE f.%I >= $1 AND f.%I < ($2 + %L::interval)::date) r\',
    source, statistics_period_column(source, level), statistics_period_column(source, level), \'1 \' || level
  )) USING first, last\073
END';

-- Repairs the months (period month) or weeks from first to last (their first days): their rows in
-- every table of the level recounted, from the days, then the coarse ones from those. Writers of
-- days wait meanwhile.
CREATE FUNCTION statistics_recount_periods(period TEXT, first DATE, last DATE) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  r RECORD\073
BEGIN
  LOCK TABLE "StatisticsDay", "StatisticsStepDay" IN SHARE MODE\073
  FOR r IN SELECT * FROM statistics_rollups() AS u WHERE u."level" = period LOOP
    EXECUTE format(\'DELETE FROM %I WHERE %I BETWEEN $1 AND $2\', r."target", period) USING first, last\073
    PERFORM statistics_count_rollup(period, r."source", r."target", first, last)\073
  END LOOP\073
END';

-- (Re)defines statistics_period_change(n, o) for each day table: a day row's change (n the new
-- row, o the old one, either NULL) added to its month and week in every table above it, one upsert
-- each, in one statement built by statistics_roll_up_sql. Defined once from the generator rather
-- than built and run as dynamic SQL at each change: a function's plan is kept, a dynamic
-- statement is planned every time, which made writing cases some fifteen times slower. A
-- migration that changes statistics_rollups or statistics_roll_up_sql runs it again.
CREATE FUNCTION statistics_define_period_changes() RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  day_table TEXT\073
  statements TEXT[]\073
BEGIN
  FOREACH day_table IN ARRAY ARRAY[\'StatisticsDay\', \'StatisticsStepDay\'] LOOP
    SELECT array_agg(statistics_roll_up_sql(day_table, r."target", r."level",
        \'(SELECT (x.r).*, x.sign FROM (VALUES ($1, 1), ($2, -1)) AS x(r, sign) WHERE (x.r)."day" IS NOT NULL) r\'
      ) ORDER BY r.i)
    INTO statements
    FROM statistics_rollups() WITH ORDINALITY AS r("level", "days", "source", "target", i)
    WHERE r."days" = day_table\073
    EXECUTE format(
      \'CREATE OR REPLACE FUNCTION statistics_period_change(n %1$I, o %1$I) RETURNS void LANGUAGE sql AS %2$L\',
      day_table,
      \'WITH \' || (SELECT string_agg(format(\'changed%s AS (%s)\', i, statements[i]), \', \' ORDER BY i)
        FROM generate_series(2, cardinality(statements)) AS i) || \' \' || statements[1]
    )\073
  END LOOP\073
END';

DROP FUNCTION statistics_step_period_change("StatisticsStepDay", "StatisticsStepDay");
SELECT statistics_define_period_changes();

-- One trigger function for both day tables (PL/pgSQL compiles it for each, so NEW picks the
-- statistics_period_change of its table).
CREATE OR REPLACE FUNCTION statistics_day_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM statistics_period_change(NEW, OLD)\073
  RETURN NULL\073
END';

DROP TRIGGER statistics_step_day_changed ON "StatisticsStepDay";
CREATE TRIGGER statistics_step_day_changed AFTER INSERT OR UPDATE OR DELETE ON "StatisticsStepDay"
  FOR EACH ROW WHEN (current_setting('statistics.rebuilding', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION statistics_day_changed();
DROP FUNCTION statistics_step_day_changed();

-- Repairs the days from first to last: their day rows recounted from the source tables (writers
-- wait meanwhile, as for statistics_rebuild), then the months and weeks they fall in recounted
-- from the days (one statement per table, rather than an upsert per day row changed). The
-- nightly reconcile calls it for the days it found wrong.
CREATE OR REPLACE FUNCTION statistics_rebuild_days(first DATE, last DATE) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Case", "Task", "Rating" IN SHARE MODE\073
  PERFORM set_config(\'statistics.rebuilding\', \'on\', true)\073
  DELETE FROM "StatisticsDay" WHERE "day" BETWEEN first AND last\073
  DELETE FROM "StatisticsStepDay" WHERE "day" BETWEEN first AND last\073
  PERFORM statistics_count_days(first, last)\073
  PERFORM statistics_count_steps(first, last)\073
  PERFORM set_config(\'statistics.rebuilding\', \'off\', true)\073
  PERFORM statistics_recount_periods(\'month\', date_trunc(\'month\', first)::date, date_trunc(\'month\', last)::date)\073
  PERFORM statistics_recount_periods(\'week\', date_trunc(\'week\', first)::date, date_trunc(\'week\', last)::date)\073
END';

-- Recomputes every rollup from the source tables: the days, then the months and weeks from the
-- days, then the coarse ones from those, one statement each (the days' triggers stand aside
-- meanwhile: statistics.rebuilding).
CREATE OR REPLACE FUNCTION statistics_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Case", "Task", "Rating" IN SHARE MODE\073
  PERFORM set_config(\'statistics.rebuilding\', \'on\', true)\073
  TRUNCATE "StatisticsDay", "StatisticsStepDay", "StatisticsMonth", "StatisticsStepMonth", "StatisticsWeek",
    "StatisticsStepWeek", "StatisticsUnitMonth", "StatisticsStepUnitMonth", "StatisticsUnitWeek", "StatisticsStepUnitWeek"\073
  PERFORM statistics_count_days()\073
  PERFORM statistics_count_steps()\073
  PERFORM statistics_recount_periods(\'month\', \'-infinity\', \'infinity\')\073
  PERFORM statistics_recount_periods(\'week\', \'-infinity\', \'infinity\')\073
  PERFORM set_config(\'statistics.rebuilding\', \'off\', true)\073
END';

DROP FUNCTION statistics_recount_months(DATE, DATE);
DROP FUNCTION statistics_recount_weeks(DATE, DATE);
DROP FUNCTION statistics_clear_months(DATE, DATE);
DROP FUNCTION statistics_clear_weeks(DATE, DATE);
DROP FUNCTION statistics_count_months(DATE, DATE);
DROP FUNCTION statistics_count_weeks(DATE, DATE);

-- The coarse rows of the months and weeks already there: sums of their rows.
SELECT statistics_count_rollup(r."level", r."source", r."target", '-infinity', 'infinity')
FROM statistics_rollups() AS r WHERE r."target" LIKE '%Unit%';
