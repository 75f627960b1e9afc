-- Statistics, faster reads (bench/results/statistics.md: at a million cases the dashboard's reads
-- were bound by heap pages, not rows).
-- 1. A rebuild writes the rollups in day order, so a period's rows sit on few pages (the triggers
--    already write them roughly in day order, as cases arrive).
-- 2. "Overdue now" from an index that holds everything it counts, open overdue cases only, so it
--    is read without visiting the cases' pages.

CREATE OR REPLACE FUNCTION statistics_count_days() RETURNS void LANGUAGE sql AS $$
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
  ORDER BY 1
$$;

CREATE OR REPLACE FUNCTION statistics_count_steps() RETURNS void LANGUAGE sql AS $$
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
  ORDER BY 1
$$;

DROP INDEX "Case_overdue_now_idx";
CREATE INDEX "Case_overdue_now_idx" ON "Case"("escalationLevel", "unitId", "communeCode", "categoryCode", "channel")
  WHERE "overdue" AND "status" NOT IN ('closed', 'rejected', 'duplicate', 'withdrawn');
