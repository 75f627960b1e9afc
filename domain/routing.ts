/**
 * Routing: which unit is competent for a report (step 3 "route" of docs/design.md). Routing rules are
 * data that administrators edit; this module only evaluates them.
 *
 * THE DECISION (decideRoute):
 * - Every matching unit is ranked by the priority of its best rule. A HIGHER number WINS.
 * - If exactly one unit is in the highest-priority tier, the case is routed to it automatically.
 * - Otherwise an operator chooses: two or more units tie at the top (for instance a point exactly
 *   on the border of two communes' areas), or nothing matched at all. The manual decision carries
 *   every matching unit, best first, as candidates.
 * - A tie is never broken by rule order, id or anything else arbitrary: when the data cannot tell
 *   two units apart, a person must. An administrator who wants one rule to win gives it a higher
 *   priority.
 *
 * WHEN A RULE MATCHES (router.match), all of these hold:
 * - it is active (inactive rules are ignored entirely, not even validated, so an administrator
 *   can park a half-drawn rule);
 * - its unit is not in the input's excludeUnitIds (units that returned the case as outside their
 *   competence: a return goes back to route, never silently to the same unit);
 * - category: its categoryCodes is empty (any category) or contains the report's category;
 * - commune: its communeCodes is empty (any commune) or contains the report's commune; a report
 *   without a commune matches no commune-restricted rule;
 * - area: it has no boundary, or the report's point is inside it (its border counts as inside);
 *   a report without a point matches no rule with a boundary;
 * - keywords: it has none, or at least one is found in the description, ignoring case and
 *   diacritics ('đ' → 'd'), as whole words (see vietnamese-text.ts). Blank keywords are ignored.
 * A rule restricted by communes and by a boundary thus needs both.
 *
 * A unit appears once, with its best rule: the highest priority, then the smallest rule id, so the
 * result does not depend on the order the rules are stored in. Matches come in priority order
 * (highest first), then by unit id. Codes and ids are compared exactly (case-sensitively).
 */
import type { AreaGeometry, AreaGeometryProblem, LatLng, PolygonIndex } from './geo-index';
import { createPolygonIndex, findAreaGeometryProblem } from './geo-index';
import { containsPhrase, foldForSearch } from './vietnamese-text';

export interface RoutingRule {
  id: string;
  /** Higher wins. Rules of different units with the same priority tie, and a tie goes to an operator. */
  priority: number;
  /** Empty: any category. */
  categoryCodes: string[];
  /** Empty: any commune. */
  communeCodes: string[];
  /** Optional area: the report's point must be inside it (border included). */
  boundary?: AreaGeometry | null;
  /** Empty: no keyword needed. Otherwise at least one must be found in the description. */
  keywords: string[];
  unitId: string;
  active: boolean;
}

export interface RoutingInput {
  categoryCode: string;
  communeCode?: string | null;
  point?: LatLng | null;
  description?: string;
  /** Units that returned the case as outside their competence. */
  excludeUnitIds?: string[];
}

/** Why a rule matched, as codes and parameters for the back office to translate. */
export type RoutingReason =
  | { code: 'category_matched'; params: { categoryCode: string } }
  | { code: 'any_category'; params: Record<string, never> }
  | { code: 'commune_matched'; params: { communeCode: string } }
  | { code: 'any_commune'; params: Record<string, never> }
  | { code: 'point_in_boundary'; params: Record<string, never> }
  /** The keyword as the administrator wrote it, diacritics included. */
  | { code: 'keyword_found'; params: { keyword: string } };

export type RoutingReasonCode = RoutingReason['code'];

/** Every reason code, e.g. for a test that the back office translates them all. */
export const ROUTING_REASON_CODES = [
  'category_matched',
  'any_category',
  'commune_matched',
  'any_commune',
  'point_in_boundary',
  'keyword_found',
] as const satisfies readonly RoutingReasonCode[];

export interface RoutingMatch {
  unitId: string;
  ruleId: string;
  priority: number;
  /** In a fixed order: category, commune, boundary, then each keyword found in the rule's order. */
  reasons: RoutingReason[];
}

export type RouteDecision =
  | { kind: 'automatic'; unitId: string; ruleId: string }
  | {
      kind: 'manual';
      /** no_match: no unit matched; tie: several units share the highest priority. */
      reason: 'no_match' | 'tie';
      /** Every matching unit, best first (empty when nothing matched). */
      candidates: RoutingMatch[];
    };

export interface Router {
  match(input: RoutingInput): RoutingMatch[];
}

export type RoutingRuleProblem =
  | { code: 'missing_id' }
  | { code: 'duplicate_id' }
  | { code: 'missing_unit' }
  | { code: 'invalid_priority' }
  | { code: 'invalid_boundary'; boundary: AreaGeometryProblem };

export class InvalidRoutingRuleError extends Error {
  override readonly name = 'InvalidRoutingRuleError';

  constructor(
    readonly ruleId: string,
    readonly problem: RoutingRuleProblem,
  ) {
    super(
      `Routing rule "${ruleId}" is invalid: ${problem.code}${problem.code === 'invalid_boundary' ? ` (${problem.boundary.code})` : ''}`,
    );
  }
}

/**
 * Checks one rule as createRouter will (all but the uniqueness of its id, which needs the other
 * rules); null when it is usable. For the admin API to refuse a bad rule when it is saved.
 */
export function findRoutingRuleProblem(rule: RoutingRule): RoutingRuleProblem | null {
  if (rule.id.trim() === '') return { code: 'missing_id' };
  if (rule.unitId.trim() === '') return { code: 'missing_unit' };
  // NaN or infinite priorities would make the ranking, and so the decision, meaningless.
  if (!Number.isFinite(rule.priority)) return { code: 'invalid_priority' };
  if (rule.boundary != null) {
    const boundary = findAreaGeometryProblem(rule.boundary);
    if (boundary !== null) return { code: 'invalid_boundary', boundary };
  }
  return null;
}

/**
 * Compiles the active rules once (sets of codes, folded keywords, one spatial index over all
 * boundaries) for many match calls. Throws InvalidRoutingRuleError on the first invalid active
 * rule: routing on a silently partial rule set would send reports to the wrong unit.
 */
export function createRouter(rules: readonly RoutingRule[]): Router {
  const compiled = compileActiveRules(rules);
  const boundaries = indexBoundaries(compiled);
  return {
    match(input: RoutingInput): RoutingMatch[] {
      const facts = reportFacts(input, boundaries);
      const excluded = new Set(input.excludeUnitIds ?? []);
      const bestByUnit = new Map<string, RoutingMatch>();
      for (const rule of compiled) {
        if (excluded.has(rule.unitId)) continue;
        const reasons = reasonsIfMatches(rule, facts);
        if (reasons === null) continue;
        const candidate: RoutingMatch = { unitId: rule.unitId, ruleId: rule.id, priority: rule.priority, reasons };
        const current = bestByUnit.get(rule.unitId);
        if (current === undefined || isBetterRule(candidate, current)) bestByUnit.set(rule.unitId, candidate);
      }
      return [...bestByUnit.values()].sort(inRankOrder);
    },
  };
}

/** See the top of this file. */
export function decideRoute(matches: readonly RoutingMatch[]): RouteDecision {
  const candidates = [...matches].sort(inRankOrder);
  const best = candidates[0];
  if (best === undefined) return { kind: 'manual', reason: 'no_match', candidates };
  const topUnits = new Set(candidates.filter((match) => match.priority === best.priority).map((match) => match.unitId));
  if (topUnits.size > 1) return { kind: 'manual', reason: 'tie', candidates };
  return { kind: 'automatic', unitId: best.unitId, ruleId: best.ruleId };
}

/* Compiling the rules */

interface CompiledRule {
  id: string;
  unitId: string;
  priority: number;
  categoryCodes: ReadonlySet<string>;
  communeCodes: ReadonlySet<string>;
  boundary: AreaGeometry | null;
  keywords: { keyword: string; folded: string }[];
}

function compileActiveRules(rules: readonly RoutingRule[]): CompiledRule[] {
  const seenIds = new Set<string>();
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    if (!rule.active) continue;
    const problem = seenIds.has(rule.id) ? { code: 'duplicate_id' as const } : findRoutingRuleProblem(rule);
    if (problem !== null) throw new InvalidRoutingRuleError(rule.id, problem);
    seenIds.add(rule.id);
    compiled.push(compileRule(rule));
  }
  return compiled;
}

function compileRule(rule: RoutingRule): CompiledRule {
  return {
    id: rule.id,
    unitId: rule.unitId,
    priority: rule.priority,
    categoryCodes: new Set(rule.categoryCodes),
    communeCodes: new Set(rule.communeCodes),
    boundary: rule.boundary ?? null,
    keywords: rule.keywords
      .map((keyword) => ({ keyword, folded: foldForSearch(keyword) }))
      .filter(({ folded }) => folded !== ''),
  };
}

/** One spatial index over all boundaries, queried once per report rather than once per rule. */
function indexBoundaries(compiled: readonly CompiledRule[]): PolygonIndex<CompiledRule> {
  return createPolygonIndex(
    compiled.flatMap((rule) =>
      rule.boundary === null ? [] : [{ value: rule, geometry: rule.boundary, label: rule.id }],
    ),
  );
}

/* Matching one report */

/** What the rules look at, worked out once per report rather than once per rule. */
interface ReportFacts {
  categoryCode: string;
  communeCode: string | null;
  rulesWhoseBoundaryContainsPoint: ReadonlySet<CompiledRule>;
  foldedDescription: string;
}

function reportFacts(input: RoutingInput, boundaries: PolygonIndex<CompiledRule>): ReportFacts {
  return {
    categoryCode: input.categoryCode,
    communeCode: input.communeCode ?? null,
    rulesWhoseBoundaryContainsPoint: new Set(input.point == null ? [] : boundaries.containing(input.point)),
    foldedDescription: foldForSearch(input.description ?? ''),
  };
}

/** The reasons the rule matches the report, or null when one of its conditions fails. */
function reasonsIfMatches(rule: CompiledRule, facts: ReportFacts): RoutingReason[] | null {
  const category = categoryReason(rule, facts);
  const commune = communeReason(rule, facts);
  if (category === null || commune === null) return null;
  const reasons: RoutingReason[] = [category, commune];
  if (rule.boundary !== null) {
    if (!facts.rulesWhoseBoundaryContainsPoint.has(rule)) return null;
    reasons.push({ code: 'point_in_boundary', params: {} });
  }
  if (rule.keywords.length > 0) {
    const found = rule.keywords.filter(({ folded }) => containsPhrase(facts.foldedDescription, folded));
    if (found.length === 0) return null;
    for (const { keyword } of found) reasons.push({ code: 'keyword_found', params: { keyword } });
  }
  return reasons;
}

function categoryReason(rule: CompiledRule, facts: ReportFacts): RoutingReason | null {
  if (rule.categoryCodes.size === 0) return { code: 'any_category', params: {} };
  return rule.categoryCodes.has(facts.categoryCode)
    ? { code: 'category_matched', params: { categoryCode: facts.categoryCode } }
    : null;
}

function communeReason(rule: CompiledRule, facts: ReportFacts): RoutingReason | null {
  if (rule.communeCodes.size === 0) return { code: 'any_commune', params: {} };
  if (facts.communeCode === null || !rule.communeCodes.has(facts.communeCode)) return null;
  return { code: 'commune_matched', params: { communeCode: facts.communeCode } };
}

/* Ranking */

/** Between two matching rules of one unit: the higher priority, then the smaller id (for determinism). */
function isBetterRule(candidate: RoutingMatch, current: RoutingMatch): boolean {
  if (candidate.priority !== current.priority) return candidate.priority > current.priority;
  return candidate.ruleId < current.ruleId;
}

/** Highest priority first; within a tier by unit id, then rule id, so the order is reproducible. */
function inRankOrder(a: RoutingMatch, b: RoutingMatch): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return compareCodes(a.unitId, b.unitId) || compareCodes(a.ruleId, b.ruleId);
}

/** Code-unit order, not the locale's: the same on every server. */
function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
