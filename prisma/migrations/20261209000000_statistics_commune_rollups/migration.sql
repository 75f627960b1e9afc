-- Statistics: a commune level (docs/statistics.md). A question that needs the commune (grouped by
-- commune, or narrowed to one) but no channel read whole months and weeks from the tables of every
-- dimension: at a million cases some 11,000 case rows and 31,000 step rows a month, which made
-- "by commune, 365 days" the slowest dashboard query (403.6 ms p95). The same counters per unit,
-- commune and category, without the channel (StatisticsCommuneMonth, StatisticsStepCommuneMonth,
-- StatisticsCommuneWeek, StatisticsStepCommuneWeek) answer it from fewer rows.
--
-- The unit x category tables are now counted from the commune ones (fewer rows than those of every
-- dimension) by the recounts, the rebuild and the reconcile. The day tables' trigger still adds a
-- day row's change to every level directly, in the same transaction.
-- (The day migration explains why no function body here holds a semicolon.)

CREATE TABLE "StatisticsCommuneMonth" (
    "month" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
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

    CONSTRAINT "StatisticsCommuneMonth_pkey" PRIMARY KEY ("month", "unitId", "communeCode", "categoryCode")
);

CREATE TABLE "StatisticsStepCommuneMonth" (
    "step" "CaseStep" NOT NULL,
    "month" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
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

    CONSTRAINT "StatisticsStepCommuneMonth_pkey" PRIMARY KEY ("step", "month", "unitId", "communeCode", "categoryCode")
);

CREATE TABLE "StatisticsCommuneWeek" (
    "week" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
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

    CONSTRAINT "StatisticsCommuneWeek_pkey" PRIMARY KEY ("week", "unitId", "communeCode", "categoryCode")
);

CREATE TABLE "StatisticsStepCommuneWeek" (
    "step" "CaseStep" NOT NULL,
    "week" DATE NOT NULL,
    "unitId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
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

    CONSTRAINT "StatisticsStepCommuneWeek_pkey" PRIMARY KEY ("step", "week", "unitId", "communeCode", "categoryCode")
);
-- No (unitId, period) index: the primary key's range on the period narrows a leader's units.


-- Every rollup above the days, in the order a recount fills them: the tables of every dimension
-- from the days, the commune ones from those, the unit ones from the commune ones.
CREATE OR REPLACE FUNCTION statistics_rollups() RETURNS TABLE ("level" TEXT, "days" TEXT, "source" TEXT, "target" TEXT)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  VALUES
    ('month', 'StatisticsDay', 'StatisticsDay', 'StatisticsMonth'),
    ('month', 'StatisticsStepDay', 'StatisticsStepDay', 'StatisticsStepMonth'),
    ('month', 'StatisticsDay', 'StatisticsMonth', 'StatisticsCommuneMonth'),
    ('month', 'StatisticsStepDay', 'StatisticsStepMonth', 'StatisticsStepCommuneMonth'),
    ('month', 'StatisticsDay', 'StatisticsCommuneMonth', 'StatisticsUnitMonth'),
    ('month', 'StatisticsStepDay', 'StatisticsStepCommuneMonth', 'StatisticsStepUnitMonth'),
    ('week', 'StatisticsDay', 'StatisticsDay', 'StatisticsWeek'),
    ('week', 'StatisticsStepDay', 'StatisticsStepDay', 'StatisticsStepWeek'),
    ('week', 'StatisticsDay', 'StatisticsWeek', 'StatisticsCommuneWeek'),
    ('week', 'StatisticsStepDay', 'StatisticsStepWeek', 'StatisticsStepCommuneWeek'),
    ('week', 'StatisticsDay', 'StatisticsCommuneWeek', 'StatisticsUnitWeek'),
    ('week', 'StatisticsStepDay', 'StatisticsStepCommuneWeek', 'StatisticsStepUnitWeek')
$$;

-- The generator, as before, with the commune tables' key: step, period, unit, commune, category.
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
      CASE WHEN steps THEN ARRAY['step', level] ELSE ARRAY[level] END
        || CASE WHEN target LIKE '%Unit%' THEN ARRAY['unitId', 'categoryCode']
          WHEN target LIKE '%Commune%' THEN ARRAY['unitId', 'communeCode', 'categoryCode']
          ELSE ARRAY['unitId', 'communeCode', 'categoryCode', 'channel'] END AS keys,
      CASE WHEN steps
        THEN ARRAY['completed', 'onTime', 'late', 'minutes'] || ARRAY(SELECT 'bucket' || b FROM generate_series(0, 15) AS b)
        ELSE ARRAY['received', 'inProgress', 'processed', 'onTime', 'late', 'rejected', 'duplicate', 'withdrawn',
          'reopened', 'rated1', 'rated2', 'rated3', 'rated4', 'rated5'] END AS counters
    FROM (SELECT target LIKE 'StatisticsStep%' AS steps) AS kind
  ) AS t
$$;

SELECT statistics_define_period_changes();

-- The rebuild, as before, with the commune tables emptied too.
CREATE OR REPLACE FUNCTION statistics_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Case", "Task", "Rating" IN SHARE MODE\073
  PERFORM set_config(\'statistics.rebuilding\', \'on\', true)\073
  TRUNCATE "StatisticsDay", "StatisticsStepDay", "StatisticsMonth", "StatisticsStepMonth", "StatisticsWeek",
    "StatisticsStepWeek", "StatisticsCommuneMonth", "StatisticsStepCommuneMonth", "StatisticsCommuneWeek",
    "StatisticsStepCommuneWeek", "StatisticsUnitMonth", "StatisticsStepUnitMonth", "StatisticsUnitWeek", "StatisticsStepUnitWeek"\073
  PERFORM statistics_count_days()\073
  PERFORM statistics_count_steps()\073
  PERFORM statistics_recount_periods(\'month\', \'-infinity\', \'infinity\')\073
  PERFORM statistics_recount_periods(\'week\', \'-infinity\', \'infinity\')\073
  PERFORM set_config(\'statistics.rebuilding\', \'off\', true)\073
END';

-- The commune rows of the months and weeks already there: sums of their rows of every dimension.
SELECT statistics_count_rollup(r."level", r."source", r."target", '-infinity', 'infinity')
FROM statistics_rollups() AS r WHERE r."target" LIKE '%Commune%';
