-- Statistics: each rollup's key in its row of statistics_rollups() (docs/statistics.md). The
-- generator guessed a target's dimensions from its name (LIKE '%Unit%', '%Commune%'), so the
-- commune level had to copy the whole generator to add one branch, and the rebuild named every
-- table in its TRUNCATE by hand. Now the list says what each target is keyed by ("keys": its
-- dimensions, without the step and the period, which stay derived: the step for the tables summing
-- StatisticsStepDay, the period from the level), the generator reads it, and the rebuild empties
-- every target the list names. A new level is one row per table here and its tables, then
-- statistics_define_period_changes() again. The reconcile (activities/reconcile-statistics.ts)
-- reads the same list.
-- (The day migration explains why no function body here holds a semicolon.)

-- A RETURNS TABLE's columns cannot change in place. Nothing records a dependency on it (function
-- bodies are text): what reads it is recreated below, but for statistics_recount_periods, which
-- reads its columns by name.
DROP FUNCTION statistics_rollups();

-- Every rollup above the days, in the order a recount fills them: its level, the day table whose
-- rows it sums, the table it is counted from, the table itself and its dimensions (in its key's
-- order, after the step and the period).
CREATE FUNCTION statistics_rollups()
RETURNS TABLE ("level" TEXT, "days" TEXT, "source" TEXT, "target" TEXT, "keys" TEXT[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  VALUES
    ('month', 'StatisticsDay', 'StatisticsDay', 'StatisticsMonth', ARRAY['unitId', 'communeCode', 'categoryCode', 'channel']),
    ('month', 'StatisticsStepDay', 'StatisticsStepDay', 'StatisticsStepMonth', ARRAY['unitId', 'communeCode', 'categoryCode', 'channel']),
    ('month', 'StatisticsDay', 'StatisticsMonth', 'StatisticsCommuneMonth', ARRAY['unitId', 'communeCode', 'categoryCode']),
    ('month', 'StatisticsStepDay', 'StatisticsStepMonth', 'StatisticsStepCommuneMonth', ARRAY['unitId', 'communeCode', 'categoryCode']),
    ('month', 'StatisticsDay', 'StatisticsCommuneMonth', 'StatisticsUnitMonth', ARRAY['unitId', 'categoryCode']),
    ('month', 'StatisticsStepDay', 'StatisticsStepCommuneMonth', 'StatisticsStepUnitMonth', ARRAY['unitId', 'categoryCode']),
    ('week', 'StatisticsDay', 'StatisticsDay', 'StatisticsWeek', ARRAY['unitId', 'communeCode', 'categoryCode', 'channel']),
    ('week', 'StatisticsStepDay', 'StatisticsStepDay', 'StatisticsStepWeek', ARRAY['unitId', 'communeCode', 'categoryCode', 'channel']),
    ('week', 'StatisticsDay', 'StatisticsWeek', 'StatisticsCommuneWeek', ARRAY['unitId', 'communeCode', 'categoryCode']),
    ('week', 'StatisticsStepDay', 'StatisticsStepWeek', 'StatisticsStepCommuneWeek', ARRAY['unitId', 'communeCode', 'categoryCode']),
    ('week', 'StatisticsDay', 'StatisticsCommuneWeek', 'StatisticsUnitWeek', ARRAY['unitId', 'categoryCode']),
    ('week', 'StatisticsStepDay', 'StatisticsStepCommuneWeek', 'StatisticsStepUnitWeek', ARRAY['unitId', 'categoryCode'])
$$;

-- The upsert that adds `from_rows` (a FROM item named r: rows of `source`, each with its sign, 1 or
-- -1) to their periods of `level` in `target`. The target's key is the step (the tables summing
-- step days), the period, then its dimensions from statistics_rollups() (NULL for a table the
-- list does not name). Its counters are the source's summed, but for a step day's bucket: the
-- target holds the histogram in columns, bucketN the steps completed in bucket N. (Inside the
-- list's subquery its columns would hide the parameters of the same names: those are qualified.)
CREATE OR REPLACE FUNCTION statistics_roll_up_sql(source TEXT, target TEXT, level TEXT, from_rows TEXT) RETURNS TEXT
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
      CASE WHEN kind.steps THEN ARRAY['step', u."level"] ELSE ARRAY[u."level"] END || u."keys" AS keys,
      CASE WHEN kind.steps
        THEN ARRAY['completed', 'onTime', 'late', 'minutes'] || ARRAY(SELECT 'bucket' || b FROM generate_series(0, 15) AS b)
        ELSE ARRAY['received', 'inProgress', 'processed', 'onTime', 'late', 'rejected', 'duplicate', 'withdrawn',
          'reopened', 'rated1', 'rated2', 'rated3', 'rated4', 'rated5'] END AS counters
    FROM statistics_rollups() AS u, LATERAL (SELECT u."days" = 'StatisticsStepDay' AS steps) AS kind
    WHERE u."target" = statistics_roll_up_sql.target AND u."level" = statistics_roll_up_sql.level
  ) AS t
$$;

-- As before (the 20261208 migration says why it generates the functions once), with the list's
-- fifth column named in the alias list: WITH ORDINALITY's number comes after it.
CREATE OR REPLACE FUNCTION statistics_define_period_changes() RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  day_table TEXT\073
  statements TEXT[]\073
BEGIN
  FOREACH day_table IN ARRAY ARRAY[\'StatisticsDay\', \'StatisticsStepDay\'] LOOP
    SELECT array_agg(statistics_roll_up_sql(day_table, r."target", r."level",
        \'(SELECT (x.r).*, x.sign FROM (VALUES ($1, 1), ($2, -1)) AS x(r, sign) WHERE (x.r)."day" IS NOT NULL) r\'
      ) ORDER BY r.i)
    INTO statements
    FROM statistics_rollups() WITH ORDINALITY AS r("level", "days", "source", "target", "keys", i)
    WHERE r."days" = day_table\073
    EXECUTE format(
      \'CREATE OR REPLACE FUNCTION statistics_period_change(n %1$I, o %1$I) RETURNS void LANGUAGE sql AS %2$L\',
      day_table,
      \'WITH \' || (SELECT string_agg(format(\'changed%s AS (%s)\', i, statements[i]), \', \' ORDER BY i)
        FROM generate_series(2, cardinality(statements)) AS i) || \' \' || statements[1]
    )\073
  END LOOP\073
END';

-- The rebuild, as before, emptying the day tables and every table of statistics_rollups() (a new
-- level's tables with them, with no copy of this function).
CREATE OR REPLACE FUNCTION statistics_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Case", "Task", "Rating" IN SHARE MODE\073
  PERFORM set_config(\'statistics.rebuilding\', \'on\', true)\073
  EXECUTE (
    SELECT \'TRUNCATE "StatisticsDay", "StatisticsStepDay", \' || string_agg(format(\'%I\', r."target"), \', \' ORDER BY r.i)
    FROM statistics_rollups() WITH ORDINALITY AS r("level", "days", "source", "target", "keys", i)
  )\073
  PERFORM statistics_count_days()\073
  PERFORM statistics_count_steps()\073
  PERFORM statistics_recount_periods(\'month\', \'-infinity\', \'infinity\')\073
  PERFORM statistics_recount_periods(\'week\', \'-infinity\', \'infinity\')\073
  PERFORM set_config(\'statistics.rebuilding\', \'off\', true)\073
END';

-- The day tables' statistics_period_change written again from the generator (the same statements).
SELECT statistics_define_period_changes();
