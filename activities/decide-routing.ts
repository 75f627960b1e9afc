/**
 * Step 3 "route" of the case (docs/design.md): which unit is competent for a report, by the routing
 * rules administrators edit, evaluated by domain/routing.ts. The result is plain JSON for the
 * workflow's history: an automatic decision, or the candidates an operator chooses from.
 *
 * Decisions:
 * - Rules are read with their unit: active rules of ACTIVE units only (a deactivated unit receives
 *   nothing, whatever its rules say).
 * - The compiled router (codes, keywords, one spatial index over all boundaries) is cached per
 *   database client for `ttlMs` (60 s by default, like the calendar and the SLA policies): routing
 *   runs for every case and rules change rarely; an edit applies within a minute.
 * - A rule that domain/routing.ts would refuse (findRoutingRuleProblem: an invalid boundary, a NaN
 *   priority) is skipped rather than failing every report's routing, and listed in
 *   `skippedRuleIds` so the workflow can record that the decision was taken without it.
 * - A report with a point but no commune code gets the commune whose boundary contains the point
 *   (activities/find-commune.ts), when exactly one does; `communeCode` and `communeFromPoint` in
 *   the result say which commune routing used and where it came from. Cases received since the
 *   'commune-from-point' patch arrive with that commune already stored (./locate-commune.ts); this
 *   still serves older cases and the back office's "test a location".
 */
import type { AreaGeometry, LatLng } from '../domain/geo-index';
import {
  createRouter,
  decideRoute,
  findRoutingRuleProblem,
  type Router,
  type RoutingReason,
  type RoutingRule,
} from '../domain/routing';
import type { Db } from '../platform/db';
import { findCommuneOfPoint } from './find-commune';
import { cachedPerDb, type CacheOptions } from './working-calendars';

export interface DecideRoutingDependencies {
  db: Db;
  /** Cache time-to-live of the rules (and commune boundaries); 0 in tests that edit them. Default 60 s. */
  ttlMs?: number;
  now?: () => number;
}

export interface DecideRoutingInput {
  categoryCode: string;
  communeCode?: string | null;
  lat?: number | null;
  lng?: number | null;
  description?: string;
  /** Units that returned the case as outside their competence. */
  excludeUnitIds?: string[];
}

export interface RoutingCandidate {
  unitId: string;
  unitCode: string;
  unitName: string;
  ruleId: string;
  priority: number;
  reasons: RoutingReason[];
}

interface DecisionContext {
  /** The commune routing used: the report's, or the one found from its point; null without either. */
  communeCode: string | null;
  communeFromPoint: boolean;
  /** Active rules left out because they are invalid (see the top of this file). */
  skippedRuleIds: string[];
}

export type RoutingDecision =
  | ({
      kind: 'automatic';
      unitId: string;
      unitCode: string;
      unitName: string;
      ruleId: string;
      priority: number;
      reasons: RoutingReason[];
    } & DecisionContext)
  | ({
      kind: 'manual';
      reason: 'no_match' | 'tie';
      /** Every matching unit, best first; empty for no_match. */
      candidates: RoutingCandidate[];
    } & DecisionContext);

interface LoadedRules {
  router: Router;
  units: ReadonlyMap<string, { code: string; name: string }>;
  skippedRuleIds: string[];
}

export async function decideRouting(
  deps: DecideRoutingDependencies,
  input: DecideRoutingInput,
): Promise<RoutingDecision> {
  const options: CacheOptions = { ttlMs: deps.ttlMs, now: deps.now };
  const point: LatLng | null =
    typeof input.lat === 'number' &&
    typeof input.lng === 'number' &&
    Number.isFinite(input.lat) &&
    Number.isFinite(input.lng)
      ? { lat: input.lat, lng: input.lng }
      : null;
  const given = input.communeCode == null || input.communeCode.trim() === '' ? null : input.communeCode;
  const fromPoint =
    given === null && point !== null ? await findCommuneOfPoint(deps.db, point.lat, point.lng, options) : null;
  const communeCode = given ?? fromPoint;

  const { router, units, skippedRuleIds } = await loadRules(deps.db, options);
  const matches = router.match({
    categoryCode: input.categoryCode,
    communeCode,
    point,
    description: input.description ?? '',
    excludeUnitIds: input.excludeUnitIds ?? [],
  });
  const context: DecisionContext = {
    communeCode,
    communeFromPoint: fromPoint !== null,
    skippedRuleIds: [...skippedRuleIds],
  };
  const unitOf = (unitId: string) => units.get(unitId) ?? { code: '', name: '' };

  const decision = decideRoute(matches);
  if (decision.kind === 'automatic') {
    const best = matches.find((match) => match.unitId === decision.unitId && match.ruleId === decision.ruleId)!;
    const unit = unitOf(decision.unitId);
    return {
      kind: 'automatic',
      unitId: decision.unitId,
      unitCode: unit.code,
      unitName: unit.name,
      ruleId: decision.ruleId,
      priority: best.priority,
      reasons: best.reasons,
      ...context,
    };
  }
  return {
    kind: 'manual',
    reason: decision.reason,
    candidates: decision.candidates.map((match) => {
      const unit = unitOf(match.unitId);
      return {
        unitId: match.unitId,
        unitCode: unit.code,
        unitName: unit.name,
        ruleId: match.ruleId,
        priority: match.priority,
        reasons: match.reasons,
      };
    }),
    ...context,
  };
}

const loadRules = cachedPerDb(async (db): Promise<LoadedRules> => {
  const rows = await db.routingRule.findMany({
    where: { active: true, unit: { active: true } },
    include: { unit: { select: { code: true, name: true } } },
    orderBy: { id: 'asc' },
  });
  const rules: RoutingRule[] = [];
  const skippedRuleIds: string[] = [];
  const units = new Map<string, { code: string; name: string }>();
  for (const row of rows) {
    const rule: RoutingRule = {
      id: row.id,
      priority: row.priority,
      categoryCodes: row.categoryCodes,
      communeCodes: row.communeCodes,
      boundary: row.boundary === null ? null : (row.boundary as unknown as AreaGeometry),
      keywords: row.keywords,
      unitId: row.unitId,
      active: row.active,
    };
    if (findRoutingRuleProblem(rule) !== null) {
      skippedRuleIds.push(row.id);
      continue;
    }
    rules.push(rule);
    units.set(row.unitId, { code: row.unit.code, name: row.unit.name });
  }
  return { router: createRouter(rules), units, skippedRuleIds };
});
