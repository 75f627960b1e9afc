/**
 * Default routing: local matters go to the commune's People's Committee, province-level fields to
 * the competent department (domain/routing.ts: the highest priority wins, a tie goes to an
 * operator).
 *   30  keyword rules: national and provincial roads, expressways → Sở Xây dựng
 *   20  one rule per commune: its local categories → UBND of that commune
 *   10  department fallbacks, any commune (a report without a commune still routes)
 * "khac" (other) has no department fallback: without a commune it goes to an operator.
 *
 * Rules are administrators' data: a re-seed inserts only the rules that are missing (by id) and
 * never overwrites an edited one. A DELETED seeded rule comes back at the next start:
 * deactivate a seeded rule instead of deleting it.
 */
import type { Db } from '../../platform/db';
import { SEED_CATEGORIES } from './categories';
import { communeTitle, haTinhCommunes } from './communes';
import { seedId } from './seed-id';
import { DEPARTMENTS } from './units';

export interface SeedRoutingRule {
  id: string;
  name: string;
  priority: number;
  categoryCodes: string[];
  communeCodes: string[];
  keywords: string[];
  unitCode: string;
}

export const PRIORITY = { keyword: 30, commune: 20, department: 10 } as const;

/** What a commune's People's Committee handles first. */
export const LOCAL_CATEGORIES = [
  'giao-thong',
  'moi-truong',
  'do-thi',
  'chieu-sang',
  'cay-xanh',
  'an-sinh-xa-hoi',
  'thu-tuc-hanh-chinh',
  'an-toan-thuc-pham',
  'khac',
  'thien-tai',
] as const;

/**
 * The province-wide competent unit per category. an-sinh-xa-hoi → Sở Nội vụ, which took over
 * labour and people with merit from the former Sở Lao động – Thương binh và Xã hội in 2025;
 * social protection (bảo trợ xã hội) may have gone to Sở Y tế as at national level: to confirm
 * with the province (an administrator changes the rule's unit).
 */
export const DEPARTMENT_FALLBACKS: Readonly<Record<string, string>> = {
  'giao-thong': 'SXD',
  'moi-truong': 'SNNMT',
  'do-thi': 'SXD',
  'an-sinh-xa-hoi': 'SNV',
  'thu-tuc-hanh-chinh': 'VPUBND',
  'an-toan-thuc-pham': 'SYT',
  'y-te': 'SYT',
  'giao-duc': 'SGDDT',
  'cay-xanh': 'SXD',
  'chieu-sang': 'SXD',
  'thien-tai': 'SNNMT',
  'an-ninh-trat-tu': 'CAT',
  dien: 'PCHT',
  'cap-thoat-nuoc': 'CNHT',
};

/**
 * Roads the province's Department of Construction manages rather than a commune. Keywords match
 * whole words with diacritics ignored, so "QL1" does not match "QL1A": both are listed.
 */
export const PROVINCIAL_ROAD_KEYWORDS = [
  'quốc lộ',
  'tỉnh lộ',
  'đường tỉnh',
  'cao tốc',
  'đường Hồ Chí Minh',
  'QL1',
  'QL1A',
  'QL8',
  'QL8A',
  'QL8B',
  'QL8C',
  'QL12',
  'QL12C',
  'QL15',
  'QL15B',
  'QL281',
];

export function seedRoutingRuleList(): SeedRoutingRule[] {
  const keywordRules: SeedRoutingRule[] = [
    {
      id: seedId('routing-rule', 'keyword:giao-thong:provincial-roads'),
      name: 'Quốc lộ, tỉnh lộ, cao tốc → Sở Xây dựng',
      priority: PRIORITY.keyword,
      categoryCodes: ['giao-thong'],
      communeCodes: [],
      keywords: PROVINCIAL_ROAD_KEYWORDS,
      unitCode: 'SXD',
    },
  ];
  const communeRules = haTinhCommunes().map((commune): SeedRoutingRule => ({
    id: seedId('routing-rule', `commune:${commune.code}`),
    name: `Việc tại địa phương → UBND ${communeTitle(commune)}`,
    priority: PRIORITY.commune,
    categoryCodes: [...LOCAL_CATEGORIES],
    communeCodes: [commune.code],
    keywords: [],
    unitCode: commune.code,
  }));
  const departmentRules = Object.entries(DEPARTMENT_FALLBACKS).map(([categoryCode, unitCode]): SeedRoutingRule => ({
    id: seedId('routing-rule', `department:${categoryCode}`),
    name: `${categoryName(categoryCode)} → ${departmentName(unitCode)} (toàn tỉnh)`,
    priority: PRIORITY.department,
    categoryCodes: [categoryCode],
    communeCodes: [],
    keywords: [],
    unitCode,
  }));
  return [...keywordRules, ...communeRules, ...departmentRules];
}

function categoryName(code: string): string {
  const category = SEED_CATEGORIES.find((candidate) => candidate.code === code);
  if (!category) throw new Error(`routing fallback for unknown category ${code}`);
  return category.nameVi;
}

function departmentName(code: string): string {
  const unit = DEPARTMENTS.find((candidate) => candidate.code === code);
  if (!unit) throw new Error(`routing fallback to unknown unit ${code}`);
  return unit.name;
}

export async function seedRoutingRules(db: Db, unitIdByCode: ReadonlyMap<string, string>): Promise<number> {
  const data = seedRoutingRuleList().flatMap(({ unitCode, ...rule }) => {
    const unitId = unitIdByCode.get(unitCode);
    // Unreachable after seedUnits (it restores missing units), but never a rule without its unit.
    return unitId === undefined ? [] : [{ ...rule, unitId }];
  });
  const { count } = await db.routingRule.createMany({ data, skipDuplicates: true });
  return count;
}
