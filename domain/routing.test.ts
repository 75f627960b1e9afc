import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import type { RoutingInput, RoutingMatch, RoutingReasonCode, RoutingRule } from './routing';
import { LNG, LAT, box, polygon } from './synthetic-areas.fixture';
import {
  InvalidRoutingRuleError,
  ROUTING_REASON_CODES,
  createRouter,
  decideRoute,
  findRoutingRuleProblem,
} from './routing';

// `at(x, y)` is a report's point on the synthetic grid.

function at(x: number, y: number): { lat: number; lng: number } {
  return { lng: LNG + x, lat: LAT + y };
}

/** A rule that matches everything, for a test to narrow. */
function rule(id: string, unitId: string, overrides: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id,
    unitId,
    priority: 0,
    categoryCodes: [],
    communeCodes: [],
    boundary: null,
    keywords: [],
    active: true,
    ...overrides,
  };
}

function units(matches: RoutingMatch[]): string[] {
  return matches.map((match) => match.unitId);
}

// Hà Tĩnh-like codes: categories, communes (official codes), units (departments and communes' UBND).
const ROAD = 'giao-thong';
const WASTE = 've-sinh-moi-truong';
const THANH_SEN = '18073';
const TRAN_PHU = '18070';

describe('router.match', () => {
  describe('category rules', () => {
    const router = createRouter([rule('roads', 'SXD', { categoryCodes: [ROAD, 'cau-cong'] })]);

    it('match a report of one of their categories, and say so', () => {
      expect(router.match({ categoryCode: ROAD })).toEqual([
        {
          unitId: 'SXD',
          ruleId: 'roads',
          priority: 0,
          reasons: [
            { code: 'category_matched', params: { categoryCode: ROAD } },
            { code: 'any_commune', params: {} },
          ],
        },
      ]);
    });

    it('do not match another category', () => {
      expect(router.match({ categoryCode: WASTE })).toEqual([]);
    });

    it('compare category codes exactly', () => {
      expect(router.match({ categoryCode: ROAD.toUpperCase() })).toEqual([]);
    });
  });

  it('a rule without categories or communes matches any report, and says so', () => {
    const [match] = createRouter([rule('fallback', 'IOC')]).match({ categoryCode: WASTE, communeCode: THANH_SEN });
    expect(match?.reasons).toEqual([
      { code: 'any_category', params: {} },
      { code: 'any_commune', params: {} },
    ]);
  });

  describe('commune rules', () => {
    const router = createRouter([rule('thanh-sen', 'UBND-18073', { communeCodes: [THANH_SEN] })]);

    it('match a report in one of their communes', () => {
      expect(router.match({ categoryCode: WASTE, communeCode: THANH_SEN })[0]?.reasons).toContainEqual({
        code: 'commune_matched',
        params: { communeCode: THANH_SEN },
      });
    });

    it('do not match a report in another commune, or without a commune', () => {
      expect(router.match({ categoryCode: WASTE, communeCode: TRAN_PHU })).toEqual([]);
      expect(router.match({ categoryCode: WASTE, communeCode: null })).toEqual([]);
      expect(router.match({ categoryCode: WASTE })).toEqual([]);
    });
  });

  describe('boundary rules', () => {
    const router = createRouter([rule('west-area', 'WEST', { boundary: polygon(box(0, 0, 1, 1)) })]);

    it('match a point inside the boundary, and say so', () => {
      expect(router.match({ categoryCode: ROAD, point: at(0.5, 0.5) })[0]?.reasons).toContainEqual({
        code: 'point_in_boundary',
        params: {},
      });
    });

    it('do not match a point outside, or a report without a point', () => {
      expect(router.match({ categoryCode: ROAD, point: at(1.5, 0.5) })).toEqual([]);
      expect(router.match({ categoryCode: ROAD, point: null })).toEqual([]);
      expect(router.match({ categoryCode: ROAD })).toEqual([]);
    });

    it('do not match a point in a hole of the boundary, which falls to the other rules', () => {
      const withHole = createRouter([
        rule('ring', 'RING', { priority: 10, boundary: polygon(box(0, 0, 3, 3), box(1, 1, 2, 2)) }),
        rule('roads', 'SXD', { categoryCodes: [ROAD] }),
      ]);
      expect(units(withHole.match({ categoryCode: ROAD, point: at(1.5, 1.5) }))).toEqual(['SXD']);
      expect(units(withHole.match({ categoryCode: ROAD, point: at(0.5, 1.5) }))).toEqual(['RING', 'SXD']);
    });

    it('work with MultiPolygon boundaries', () => {
      const islands: MultiPolygon = { type: 'MultiPolygon', coordinates: [[box(0, 0, 1, 1)], [box(4, 0, 5, 1)]] };
      const router = createRouter([rule('islands', 'ISLANDS', { boundary: islands })]);
      expect(units(router.match({ categoryCode: ROAD, point: at(4.5, 0.5) }))).toEqual(['ISLANDS']);
      expect(router.match({ categoryCode: ROAD, point: at(2.5, 0.5) })).toEqual([]);
    });
  });

  describe('a rule restricted by communes and by a boundary', () => {
    const router = createRouter([
      rule('both', 'UNIT', { communeCodes: [THANH_SEN], boundary: polygon(box(0, 0, 1, 1)) }),
    ]);

    it('needs both the commune and the point', () => {
      expect(units(router.match({ categoryCode: ROAD, communeCode: THANH_SEN, point: at(0.5, 0.5) }))).toEqual([
        'UNIT',
      ]);
      expect(router.match({ categoryCode: ROAD, communeCode: TRAN_PHU, point: at(0.5, 0.5) })).toEqual([]);
      expect(router.match({ categoryCode: ROAD, communeCode: THANH_SEN, point: at(1.5, 0.5) })).toEqual([]);
      expect(router.match({ categoryCode: ROAD, communeCode: THANH_SEN })).toEqual([]);
    });

    it('gives every reason, in a fixed order', () => {
      const full = createRouter([
        rule('full', 'UNIT', {
          categoryCodes: [ROAD],
          communeCodes: [THANH_SEN],
          boundary: polygon(box(0, 0, 1, 1)),
          keywords: ['ổ gà', 'sụt lún'],
        }),
      ]);
      const [match] = full.match({
        categoryCode: ROAD,
        communeCode: THANH_SEN,
        point: at(0.5, 0.5),
        description: 'Đường sụt lún, nhiều ổ gà',
      });
      expect(match?.reasons).toEqual([
        { code: 'category_matched', params: { categoryCode: ROAD } },
        { code: 'commune_matched', params: { communeCode: THANH_SEN } },
        { code: 'point_in_boundary', params: {} },
        { code: 'keyword_found', params: { keyword: 'ổ gà' } },
        { code: 'keyword_found', params: { keyword: 'sụt lún' } },
      ]);
    });
  });

  describe('keywords', () => {
    const router = createRouter([rule('lighting', 'DIEN-LUC', { keywords: ['đèn đường', 'chiếu sáng'] })]);
    const lighting = (description?: string) =>
      units(router.match({ categoryCode: ROAD, ...(description === undefined ? {} : { description }) }));

    it('"đèn đường" matches "den duong" and "ĐÈN ĐƯỜNG": case and diacritics do not matter (đ → d too)', () => {
      expect(lighting('Cột đèn đường bị đổ')).toEqual(['DIEN-LUC']);
      expect(lighting('den duong khong sang')).toEqual(['DIEN-LUC']);
      expect(lighting('ĐÈN ĐƯỜNG HỎNG')).toEqual(['DIEN-LUC']);
      expect(lighting('Đèn đường hỏng'.normalize('NFD'))).toEqual(['DIEN-LUC']);
    });

    it('a keyword written without diacritics matches a description with them', () => {
      const unaccented = createRouter([rule('lighting', 'DIEN-LUC', { keywords: ['Den Duong'] })]);
      expect(units(unaccented.match({ categoryCode: ROAD, description: 'đèn đường tắt' }))).toEqual(['DIEN-LUC']);
    });

    it('one keyword found is enough, and the reasons name those found as written', () => {
      const [match] = router.match({ categoryCode: ROAD, description: 'Hệ thống CHIEU SANG hỏng' });
      expect(match?.reasons.filter((reason) => reason.code === 'keyword_found')).toEqual([
        { code: 'keyword_found', params: { keyword: 'chiếu sáng' } },
      ]);
    });

    it('a rule with keywords does not match when none is found, or when there is no description', () => {
      expect(lighting('Rác thải ùn ứ ở đầu ngõ')).toEqual([]);
      expect(lighting('')).toEqual([]);
      expect(lighting()).toEqual([]);
    });

    it('keywords match whole words: "đèn" alone or "đường" alone is not "đèn đường"', () => {
      expect(lighting('đường có đèn nhưng hỏng')).toEqual([]);
    });

    it('blank keywords are ignored, so a rule of blank keywords needs none', () => {
      const blank = createRouter([rule('blank', 'UNIT', { keywords: ['  ', ''] })]);
      expect(units(blank.match({ categoryCode: ROAD }))).toEqual(['UNIT']);
    });
  });

  it('never matches an inactive rule, even the best one', () => {
    const router = createRouter([
      rule('old-contract', 'OLD-CONTRACTOR', { priority: 100, active: false }),
      rule('roads', 'SXD', { priority: 1 }),
    ]);
    expect(units(router.match({ categoryCode: ROAD }))).toEqual(['SXD']);
  });

  it('leaves out units that returned the case as outside their competence', () => {
    const router = createRouter([
      rule('commune', 'UBND-18073', { priority: 20 }),
      rule('roads', 'SXD', { priority: 10 }),
    ]);
    const input: RoutingInput = { categoryCode: ROAD, excludeUnitIds: ['UBND-18073'] };
    expect(units(router.match(input))).toEqual(['SXD']);
    expect(decideRoute(router.match(input))).toEqual({ kind: 'automatic', unitId: 'SXD', ruleId: 'roads' });
    expect(router.match({ ...input, excludeUnitIds: ['UBND-18073', 'SXD'] })).toEqual([]);
  });

  describe('a unit appears once, with its best rule', () => {
    it('the one of highest priority', () => {
      const router = createRouter([
        rule('wide', 'SXD', { priority: 1 }),
        rule('narrow', 'SXD', { priority: 5, categoryCodes: [ROAD] }),
      ]);
      expect(router.match({ categoryCode: ROAD })).toEqual([
        expect.objectContaining({ unitId: 'SXD', ruleId: 'narrow', priority: 5 }),
      ]);
    });

    it('the one of smallest id between equal priorities, whatever their order', () => {
      const a = rule('a', 'SXD', { priority: 5 });
      const b = rule('b', 'SXD', { priority: 5 });
      expect(createRouter([a, b]).match({ categoryCode: ROAD })[0]?.ruleId).toBe('a');
      expect(createRouter([b, a]).match({ categoryCode: ROAD })[0]?.ruleId).toBe('a');
    });
  });

  it('returns matches in priority order, highest first, then by unit id', () => {
    const router = createRouter([
      rule('r1', 'B', { priority: 1 }),
      rule('r2', 'C', { priority: 7 }),
      rule('r3', 'A', { priority: 1 }),
      rule('r4', 'D', { priority: -2 }),
    ]);
    expect(router.match({ categoryCode: ROAD }).map((match) => [match.unitId, match.priority])).toEqual([
      ['C', 7],
      ['A', 1],
      ['B', 1],
      ['D', -2],
    ]);
  });
});

it('lists every reason code, for the back office to translate them all', () => {
  // A Record over the union fails to compile when a code is added to RoutingReason but not here.
  const everyCode: Record<RoutingReasonCode, true> = {
    category_matched: true,
    any_category: true,
    commune_matched: true,
    any_commune: true,
    point_in_boundary: true,
    keyword_found: true,
  };
  expect([...ROUTING_REASON_CODES].sort()).toEqual(Object.keys(everyCode).sort());
});

describe('priority decides between category, commune and polygon rules', () => {
  // How an administrator expresses "the more specific rule wins": by priority, not by kind.
  const corridor = polygon(box(0, 0, 2, 0.5)); // a national-highway corridor crossing the commune
  const router = createRouter([
    rule('roads-province', 'SXD', { priority: 10, categoryCodes: [ROAD] }),
    rule('thanh-sen', 'UBND-18073', { priority: 20, communeCodes: [THANH_SEN] }),
    rule('highway-corridor', 'QLDB-II', { priority: 30, categoryCodes: [ROAD], boundary: corridor }),
  ]);
  const road = (communeCode: string, x: number, y: number) =>
    decideRoute(router.match({ categoryCode: ROAD, communeCode, point: at(x, y) }));

  it('a road report on the highway corridor goes to the highway authority', () => {
    expect(road(THANH_SEN, 1, 0.25)).toEqual({ kind: 'automatic', unitId: 'QLDB-II', ruleId: 'highway-corridor' });
  });
  it('a road report in the commune, off the corridor, goes to the commune', () => {
    expect(road(THANH_SEN, 1, 1.5)).toEqual({ kind: 'automatic', unitId: 'UBND-18073', ruleId: 'thanh-sen' });
  });
  it('a road report elsewhere goes to the provincial department', () => {
    expect(road(TRAN_PHU, 5, 5)).toEqual({ kind: 'automatic', unitId: 'SXD', ruleId: 'roads-province' });
  });
  it('a waste report in the commune goes to the commune; elsewhere nothing matches and an operator decides', () => {
    expect(decideRoute(router.match({ categoryCode: WASTE, communeCode: THANH_SEN }))).toMatchObject({
      kind: 'automatic',
      unitId: 'UBND-18073',
    });
    expect(decideRoute(router.match({ categoryCode: WASTE, communeCode: TRAN_PHU }))).toEqual({
      kind: 'manual',
      reason: 'no_match',
      candidates: [],
    });
  });
});

describe('a point on the border of two adjacent areas', () => {
  const router = createRouter([
    rule('west-commune-area', 'UBND-WEST', { priority: 20, boundary: polygon(box(0, 0, 1, 1)) }),
    rule('east-commune-area', 'UBND-EAST', { priority: 20, boundary: polygon(box(1, 0, 2, 1)) }),
    rule('roads', 'SXD', { priority: 10, categoryCodes: [ROAD] }),
  ]);

  it('exactly on the shared border matches both areas at the same priority, so an operator decides (manual)', () => {
    const matches = router.match({ categoryCode: ROAD, point: at(1, 0.5) });
    expect(units(matches)).toEqual(['UBND-EAST', 'UBND-WEST', 'SXD']);
    expect(decideRoute(matches)).toEqual({ kind: 'manual', reason: 'tie', candidates: matches });
  });

  it('just inside one area routes automatically to it', () => {
    expect(decideRoute(router.match({ categoryCode: ROAD, point: at(0.75, 0.5) }))).toMatchObject({
      kind: 'automatic',
      unitId: 'UBND-WEST',
    });
    expect(decideRoute(router.match({ categoryCode: ROAD, point: at(1.25, 0.5) }))).toMatchObject({
      kind: 'automatic',
      unitId: 'UBND-EAST',
    });
  });
});

describe('decideRoute', () => {
  const match = (unitId: string, priority: number, ruleId = `rule-${unitId}`): RoutingMatch => ({
    unitId,
    ruleId,
    priority,
    reasons: [],
  });

  it('no match at all: manual, without candidates', () => {
    expect(decideRoute([])).toEqual({ kind: 'manual', reason: 'no_match', candidates: [] });
  });

  it('a single match: automatic', () => {
    expect(decideRoute([match('SXD', 0)])).toEqual({ kind: 'automatic', unitId: 'SXD', ruleId: 'rule-SXD' });
  });

  it('one unit alone in the highest tier: automatic, however many units are below it', () => {
    expect(decideRoute([match('A', 1), match('B', 1), match('C', 2)])).toEqual({
      kind: 'automatic',
      unitId: 'C',
      ruleId: 'rule-C',
    });
  });

  it('two units in the highest tier: manual, with every candidate, best first', () => {
    const decision = decideRoute([match('LOW', 1), match('B', 5), match('A', 5)]);
    expect(decision).toEqual({
      kind: 'manual',
      reason: 'tie',
      candidates: [match('A', 5), match('B', 5), match('LOW', 1)],
    });
  });

  it('one unit twice in the highest tier is still one unit: automatic with its smallest rule id', () => {
    expect(decideRoute([match('A', 5, 'r2'), match('A', 5, 'r1')])).toEqual({
      kind: 'automatic',
      unitId: 'A',
      ruleId: 'r1',
    });
  });

  it('does not reorder the array it is given', () => {
    const matches = [match('LOW', 1), match('HIGH', 5)];
    decideRoute(matches);
    expect(units(matches)).toEqual(['LOW', 'HIGH']);
  });
});

describe('createRouter refuses invalid active rules', () => {
  it('an invalid boundary, naming the rule and the problem', () => {
    const open = polygon(box(0, 0, 1, 1).slice(0, 4));
    const build = () => createRouter([rule('ok', 'A'), rule('drawn-badly', 'B', { boundary: open })]);
    expect(build).toThrow(InvalidRoutingRuleError);
    expect(build).toThrow('Routing rule "drawn-badly" is invalid: invalid_boundary (ring_not_closed)');
  });

  it('two active rules with one id (the result would depend on their order)', () => {
    expect(() => createRouter([rule('same', 'A'), rule('same', 'B')])).toThrow(
      expect.objectContaining({ ruleId: 'same', problem: { code: 'duplicate_id' } }),
    );
  });

  it.each<[string, RoutingRule, string]>([
    ['an empty id', rule(' ', 'A'), 'missing_id'],
    ['an empty unit', rule('r', ''), 'missing_unit'],
    ['a NaN priority', rule('r', 'A', { priority: Number.NaN }), 'invalid_priority'],
    ['an infinite priority', rule('r', 'A', { priority: Number.POSITIVE_INFINITY }), 'invalid_priority'],
  ])('%s', (_name, invalid, code) => {
    expect(findRoutingRuleProblem(invalid)).toEqual({ code });
    expect(() => createRouter([invalid])).toThrow(InvalidRoutingRuleError);
  });

  it('but ignores inactive rules, so a half-drawn rule can be parked', () => {
    const parked = rule('draft', 'B', { active: false, boundary: polygon(box(0, 0, 1, 1).slice(0, 3)) });
    expect(() => createRouter([parked, { ...parked }, rule('ok', 'A')])).not.toThrow();
  });

  it('finds no problem in a valid rule', () => {
    expect(findRoutingRuleProblem(rule('r', 'A', { priority: 2.5, boundary: polygon(box(0, 0, 1, 1)) }))).toBeNull();
  });

  it('builds a router from no rules, which matches nothing', () => {
    expect(createRouter([]).match({ categoryCode: ROAD, point: at(0.5, 0.5) })).toEqual([]);
  });
});

/* Properties, against an independent model of the rules: plain rectangle arithmetic for the
   areas, and descriptions generated from fragments whose keywords are known in advance. */

interface AreaModel {
  geometry: Polygon | MultiPolygon;
  contains(x: number, y: number): boolean;
}

const within = (x: number, y: number, west: number, south: number, east: number, north: number) =>
  west <= x && x <= east && south <= y && y <= north;
const strictlyWithin = (x: number, y: number, west: number, south: number, east: number, north: number) =>
  west < x && x < east && south < y && y < north;

const AREAS: Record<string, AreaModel> = {
  west: { geometry: polygon(box(0, 0, 1, 1)), contains: (x, y) => within(x, y, 0, 0, 1, 1) },
  east: { geometry: polygon(box(1, 0, 2, 1)), contains: (x, y) => within(x, y, 1, 0, 2, 1) },
  ring: {
    geometry: polygon(box(0, 0, 2, 2), box(0.5, 0.5, 1.5, 1.5)),
    contains: (x, y) => within(x, y, 0, 0, 2, 2) && !strictlyWithin(x, y, 0.5, 0.5, 1.5, 1.5),
  },
  islands: {
    geometry: { type: 'MultiPolygon', coordinates: [[box(0, 1, 1, 2)], [box(2, 0, 3, 1)]] },
    contains: (x, y) => within(x, y, 0, 1, 1, 2) || within(x, y, 2, 0, 3, 1),
  },
};
const AREA_NAMES = Object.keys(AREAS);

/** Keywords by identity, with the ways an administrator writes them and a citizen types them. */
const KEYWORDS = {
  lighting: {
    written: ['đèn đường', 'Den Duong'],
    typed: ['đèn đường', 'ĐÈN ĐƯỜNG', 'den duong', 'Đèn Đường'.normalize('NFD')],
  },
  waste: { written: ['rác'], typed: ['rác', 'RÁC', 'rac'] },
  flooding: { written: ['ngập nước'], typed: ['ngập nước', 'Ngap nuoc'] },
};
type KeywordId = keyof typeof KEYWORDS;
const KEYWORD_IDS = Object.keys(KEYWORDS) as KeywordId[];
const KEYWORD_OF_WRITTEN = new Map(
  KEYWORD_IDS.flatMap((id) => KEYWORDS[id].written.map((written) => [written, id] as const)),
);
// Filler words never form a keyword, but come close: "rạch" is not "rác", "đường" alone is not "đèn đường".
const FILLER = ['hỏng', 'ở', 'trước', 'nhà', 'rạch', 'đê', 'đường', 'nước', 'số 5'];

const CATEGORIES = [ROAD, WASTE, 'chieu-sang'];
const COMMUNES = [THANH_SEN, TRAN_PHU, '18094'];
const UNITS = ['SXD', 'STNMT', 'DIEN-LUC', 'UBND-18073', 'UBND-18070'];
const quarterStep = (max: number) => fc.integer({ min: -1, max: max * 4 + 1 }).map((n) => n / 4);

// Restrictions are often absent (empty lists) and priorities few, so that reports match several
// rules and units tie often enough to test both kinds of decision.
const ruleDraft = fc.record({
  priority: fc.integer({ min: 0, max: 2 }),
  categoryCodes: fc.oneof(fc.constant<string[]>([]), fc.subarray(CATEGORIES, { minLength: 1, maxLength: 2 })),
  communeCodes: fc.oneof(fc.constant<string[]>([]), fc.subarray(COMMUNES, { minLength: 1, maxLength: 2 })),
  area: fc.option(fc.constantFrom(...AREA_NAMES), { nil: null, freq: 2 }),
  keywords: fc.oneof(
    { arbitrary: fc.constant<string[]>([]), weight: 3 },
    { arbitrary: fc.subarray([...KEYWORD_OF_WRITTEN.keys()], { minLength: 1, maxLength: 2 }), weight: 1 },
  ),
  unitId: fc.constantFrom(...UNITS),
});

// Mostly active rules: an inactive rule matters only as something that must never match.
const activeFlag = fc.integer({ min: 0, max: 4 }).map((n) => n !== 0);

const rulesArbitrary = fc.array(fc.tuple(ruleDraft, activeFlag), { maxLength: 12, size: 'medium' }).map((drafts) =>
  drafts.map(([draft, active], i): RoutingRule & { area: string | null } => ({
    id: `rule-${String(i).padStart(2, '0')}`,
    priority: draft.priority,
    categoryCodes: draft.categoryCodes,
    communeCodes: draft.communeCodes,
    boundary: draft.area === null ? null : (AREAS[draft.area]?.geometry ?? null),
    area: draft.area,
    keywords: draft.keywords,
    unitId: draft.unitId,
    active,
  })),
);

const descriptionArbitrary = fc
  .array(
    fc.oneof(
      fc
        .constantFrom(...KEYWORD_IDS)
        .chain((id) => fc.constantFrom(...KEYWORDS[id].typed).map((text) => ({ text, keyword: id }))),
      fc.constantFrom(...FILLER).map((text) => ({ text, keyword: null })),
    ),
    { maxLength: 6 },
  )
  .chain((fragments) =>
    fc
      .array(fc.constantFrom(' ', ', ', '. ', '\n', ' - '), {
        minLength: fragments.length,
        maxLength: fragments.length,
      })
      .map((separators) => ({ fragments, separators })),
  )
  .map(({ fragments, separators }) => ({
    text: fragments.map((fragment, i) => `${fragment.text}${separators[i] ?? ' '}`).join(''),
    keywords: new Set(fragments.flatMap((fragment) => (fragment.keyword === null ? [] : [fragment.keyword]))),
  }));

const reportArbitrary = fc.record({
  categoryCode: fc.constantFrom(...CATEGORIES),
  communeCode: fc.option(fc.constantFrom(...COMMUNES), { nil: null }),
  xy: fc.option(fc.tuple(quarterStep(3), quarterStep(2)), { nil: null }),
  description: fc.option(descriptionArbitrary, { nil: undefined }),
  excludeUnitIds: fc.subarray(UNITS, { maxLength: 1 }),
});
type ReportModel = typeof reportArbitrary extends fc.Arbitrary<infer R> ? R : never;

function toInput(report: ReportModel): RoutingInput {
  return {
    categoryCode: report.categoryCode,
    communeCode: report.communeCode,
    point: report.xy === null ? null : at(report.xy[0], report.xy[1]),
    ...(report.description === undefined ? {} : { description: report.description.text }),
    excludeUnitIds: report.excludeUnitIds,
  };
}

/** The model: whether the rule's conditions hold for the report, worked out the plain way. */
function modelSatisfies(rule: RoutingRule & { area: string | null }, report: ReportModel): boolean {
  const category = rule.categoryCodes.length === 0 || rule.categoryCodes.includes(report.categoryCode);
  const commune =
    rule.communeCodes.length === 0 || (report.communeCode !== null && rule.communeCodes.includes(report.communeCode));
  const area =
    rule.area === null || (report.xy !== null && (AREAS[rule.area]?.contains(report.xy[0], report.xy[1]) ?? false));
  const keywords =
    rule.keywords.length === 0 ||
    rule.keywords.some((written) => typedInDescription(KEYWORD_OF_WRITTEN.get(written), report));
  return rule.active && !report.excludeUnitIds.includes(rule.unitId) && category && commune && area && keywords;
}

function typedInDescription(keyword: KeywordId | undefined, report: ReportModel): boolean {
  return keyword !== undefined && report.description !== undefined && report.description.keywords.has(keyword);
}

describe('properties', () => {
  it('the result does not depend on the order of the rules', () => {
    const rulesAndShuffled = rulesArbitrary.chain((rules) =>
      fc.tuple(fc.constant(rules), fc.shuffledSubarray(rules, { minLength: rules.length, maxLength: rules.length })),
    );
    fc.assert(
      fc.property(rulesAndShuffled, reportArbitrary, ([rules, shuffled], report) => {
        const input = toInput(report);
        const matches = createRouter(rules).match(input);
        expect(createRouter(shuffled).match(input)).toEqual(matches);
        expect(decideRoute(createRouter(shuffled).match(input))).toEqual(decideRoute(matches));
      }),
      { numRuns: 1000 },
    );
  });

  it('every returned unit satisfies its rule, every satisfied unit is returned with its best priority, and the decision follows the top tier', () => {
    fc.assert(
      fc.property(rulesArbitrary, reportArbitrary, (rules, report) => {
        const matches = createRouter(rules).match(toInput(report));
        const ruleById = new Map(rules.map((r) => [r.id, r]));

        for (const match of matches) {
          const matchedRule = ruleById.get(match.ruleId);
          expect(matchedRule).toBeDefined();
          if (matchedRule === undefined) return;
          expect(match.unitId).toBe(matchedRule.unitId);
          expect(match.priority).toBe(matchedRule.priority);
          expect(modelSatisfies(matchedRule, report)).toBe(true);
          expect(match.reasons.some((reason) => reason.code === 'point_in_boundary')).toBe(matchedRule.area !== null);
          for (const reason of match.reasons) {
            if (reason.code === 'keyword_found') expect(matchedRule.keywords).toContain(reason.params.keyword);
          }
        }

        const satisfied = rules.filter((r) => modelSatisfies(r, report));
        const bestPriorityByUnit = new Map<string, number>();
        for (const r of satisfied)
          bestPriorityByUnit.set(r.unitId, Math.max(r.priority, bestPriorityByUnit.get(r.unitId) ?? -Infinity));
        expect(new Map(matches.map((m) => [m.unitId, m.priority]))).toEqual(bestPriorityByUnit);
        expect(new Set(units(matches)).size).toBe(matches.length);
        expect(matches.map((m) => m.priority)).toEqual([...matches.map((m) => m.priority)].sort((a, b) => b - a));

        const top = Math.max(...bestPriorityByUnit.values());
        const topUnits = [...bestPriorityByUnit].filter(([, priority]) => priority === top).map(([unitId]) => unitId);
        const decision = decideRoute(matches);
        if (topUnits.length === 1) expect(decision).toMatchObject({ kind: 'automatic', unitId: topUnits[0] });
        else
          expect(decision).toEqual({
            kind: 'manual',
            reason: topUnits.length === 0 ? 'no_match' : 'tie',
            candidates: matches,
          });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('performance', () => {
  it('200 rules with boundaries, 10,000 reports: well within a couple of seconds', () => {
    const random = seededRandom(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    // 200 areas of 32 vertices each on a 20 x 10 grid of 0.05° cells, overlapping their neighbours.
    const rules = Array.from({ length: 200 }, (_, i) =>
      rule(`rule-${i}`, `UNIT-${i % 40}`, {
        priority: i % 5,
        categoryCodes: random() < 0.5 ? [pick(CATEGORIES)] : [],
        communeCodes: random() < 0.3 ? [pick(COMMUNES)] : [],
        keywords: random() < 0.2 ? ['đèn đường', 'ngập nước'] : [],
        boundary: roughCircle(105.4 + (i % 20) * 0.05, 18.2 + Math.floor(i / 20) * 0.05, 0.04, 32),
      }),
    );
    const reports: RoutingInput[] = Array.from({ length: 10_000 }, () => ({
      categoryCode: pick(CATEGORIES),
      communeCode: pick(COMMUNES),
      point: { lng: 105.4 + random(), lat: 18.2 + random() * 0.5 },
      description: pick([
        'Đèn đường hỏng trước nhà số 5',
        'Rác thải ùn ứ ở đầu ngõ, bốc mùi',
        'Đường ngập nước sau mưa lớn',
      ]),
    }));

    const started = performance.now();
    const router = createRouter(rules);
    let automatic = 0;
    for (const report of reports) if (decideRoute(router.match(report)).kind === 'automatic') automatic += 1;
    const elapsedMs = performance.now() - started;

    expect(automatic).toBeGreaterThan(0); // the benchmark exercised real matches
    expect(elapsedMs).toBeLessThan(3000);
  });
});

function roughCircle(lng: number, lat: number, radius: number, vertices: number): Polygon {
  const ring = Array.from({ length: vertices }, (_, k) => {
    const angle = (2 * Math.PI * k) / vertices;
    return [lng + radius * Math.cos(angle), lat + radius * Math.sin(angle)];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0] ?? [lng, lat]]] };
}

/** A small deterministic generator (mulberry32), so the benchmark is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
