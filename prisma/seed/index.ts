/**
 * Hà Tĩnh's configuration: communes, units, categories, routing rules, SLA policies, working
 * calendars and reply templates, plus demo accounts in demo mode.
 *
 * Runs at every start (`npm start`), so it is idempotent and quick: seeded rows have
 * deterministic ids (./seed-id), are inserted with createMany({ skipDuplicates: true }) only when
 * missing, and a row an administrator edited is never overwritten. About fifteen queries in all,
 * the independent ones concurrently.
 */
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { seedCategories } from './categories';
import { seedCommunes } from './communes';
import { removeDemoAccounts, seedDemoAccounts } from './demo-accounts';
import { seedReplyTemplates } from './reply-templates';
import { seedRoutingRules } from './routing-rules';
import { seedSlaPolicies } from './sla-policies';
import { seedUnits } from './units';
import { seedWorkingCalendars } from './working-calendars';

export interface SeedOptions {
  demoMode: boolean;
  /** The shared password of the demo accounts (DEMO_PASSWORD). */
  demoPassword: string;
  logger?: Pick<Logger, 'info'>;
}

export interface SeedCounts {
  communes: number;
  units: number;
  categories: number;
  routingRules: number;
  slaPolicies: number;
  workingCalendars: number;
  replyTemplates: number;
  users: number;
  memberships: number;
  apiKeys: number;
}

export interface SeedResult {
  /** Rows this run inserted (all zero on a database seeded before). */
  inserted: SeedCounts;
  /** Rows in each table afterwards. */
  totals: SeedCounts;
  /** Demo accounts whose password hash was replaced (DEMO_PASSWORD changed). */
  demoPasswordsUpdated: number;
  /** Rows demo mode off removed. */
  removed: { users: number; apiKeys: number };
  durationMs: number;
}

export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const [communes, categories, workingCalendars, replyTemplates, slaPolicies, units] = await Promise.all([
    seedCommunes(db),
    seedCategories(db),
    seedWorkingCalendars(db),
    seedReplyTemplates(db),
    seedSlaPolicies(db),
    seedUnits(db),
  ]);
  const [routingRules, demo] = await Promise.all([
    seedRoutingRules(db, units.idByCode),
    options.demoMode ? seedDemoAccounts(db, units, options.demoPassword) : undefined,
  ]);
  const removed = options.demoMode ? { users: 0, apiKeys: 0 } : await removeDemoAccounts(db);

  const result: SeedResult = {
    inserted: {
      communes,
      units: units.inserted,
      categories,
      routingRules,
      slaPolicies,
      workingCalendars,
      replyTemplates,
      users: demo?.users ?? 0,
      memberships: demo?.memberships ?? 0,
      apiKeys: demo?.apiKeys ?? 0,
    },
    totals: await countSeededTables(db),
    demoPasswordsUpdated: demo?.passwordsUpdated ?? 0,
    removed,
    durationMs: Math.round(performance.now() - started),
  };
  options.logger?.info(
    {
      inserted: result.inserted,
      totals: result.totals,
      removed,
      demoMode: options.demoMode,
      durationMs: result.durationMs,
    },
    'seeded',
  );
  return result;
}

/** The row count of every seeded table, in one round trip. */
export async function countSeededTables(db: Db): Promise<SeedCounts> {
  const [row] = await db.$queryRaw<Record<keyof SeedCounts, bigint>[]>`
    SELECT (SELECT count(*) FROM "Commune") AS "communes",
           (SELECT count(*) FROM "Unit") AS "units",
           (SELECT count(*) FROM "Category") AS "categories",
           (SELECT count(*) FROM "RoutingRule") AS "routingRules",
           (SELECT count(*) FROM "SlaPolicy") AS "slaPolicies",
           (SELECT count(*) FROM "WorkingCalendar") AS "workingCalendars",
           (SELECT count(*) FROM "ReplyTemplate") AS "replyTemplates",
           (SELECT count(*) FROM "User") AS "users",
           (SELECT count(*) FROM "Membership") AS "memberships",
           (SELECT count(*) FROM "ApiKey") AS "apiKeys"`;
  if (!row) throw new Error('count query returned no row');
  return Object.fromEntries(
    Object.entries(row).map(([table, count]) => [table, Number(count)]),
  ) as unknown as SeedCounts;
}

/** "69 communes, 85 units, …": for the one-line summary of the CLI. */
export function describeCounts(counts: SeedCounts): string {
  return [
    `${counts.communes} communes`,
    `${counts.units} units`,
    `${counts.categories} categories`,
    `${counts.routingRules} routing rules`,
    `${counts.slaPolicies} SLA policies`,
    `${counts.workingCalendars} calendars`,
    `${counts.replyTemplates} templates`,
    `${counts.users} users`,
  ].join(', ');
}
