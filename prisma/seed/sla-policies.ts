/**
 * Default deadlines of the human steps, in working time (domain/sla.ts). Hà Tĩnh's own deadlines
 * were still a draft trial regulation in March 2026, so these are editable defaults taken from
 * published rules where one exists (Hà Nội QĐ 1207/QĐ-UBND of 28/02/2025, Đà Nẵng QĐ 960/QĐ-UBND
 * of 25/03/2021) and chosen otherwise; `basis` tells the editor which.
 *
 * Every human step has an any-category, any-level policy, so resolution always finds one.
 * A seeded policy is inserted only when no policy (seeded or not, active or not) already claims
 * its step, category and level: an administrator's replacement is never doubled by a re-seed,
 * and an edited policy is never overwritten.
 */
import { HUMAN_STEPS, type HumanStep } from '../../domain/case-steps';
import type { SlaEscalation } from '../../domain/sla';
import type { Db } from '../../platform/db';
import type { CaseLevel, DurationUnit } from '../generated/client';
import { seedId } from './seed-id';

export interface SeedSlaPolicy {
  id: string;
  step: HumanStep;
  categoryCode: string | null;
  level: CaseLevel | null;
  durationAmount: number;
  durationUnit: DurationUnit;
  reminderAt: number;
  escalations: SlaEscalation[];
  basis: string;
}

/** Overdue: the unit's leader at once; later the IOC supervisor. */
const NORMAL_LADDER: SlaEscalation[] = [
  { level: 1, afterWorkingHours: 0, notify: 'unit_leader' },
  { level: 2, afterWorkingHours: 8, notify: 'ioc_supervisor' },
];
const URGENT_LADDER: SlaEscalation[] = [
  { level: 1, afterWorkingHours: 0, notify: 'unit_leader' },
  { level: 2, afterWorkingHours: 2, notify: 'ioc_supervisor' },
];

const HN_1207 = 'QĐ 1207/QĐ-UBND ngày 28/02/2025 của UBND thành phố Hà Nội';
const DN_960 = 'QĐ 960/QĐ-UBND ngày 25/03/2021 của UBND thành phố Đà Nẵng';
const DRAFT =
  'Giá trị mặc định theo dự thảo quy chế thí điểm của tỉnh Hà Tĩnh, cần xác nhận khi quy chế được ban hành.';

type Entry = [step: HumanStep, level: CaseLevel | null, amount: number, unit: DurationUnit, basis: string];

const ENTRIES: Entry[] = [
  ['verify', null, 4, 'hours', `IOC kiểm duyệt, phân loại phản ánh trong 4 giờ làm việc. ${DRAFT}`],
  ['verify', 'urgent', 1, 'hours', `Phản ánh khẩn được kiểm duyệt ngay, trong 1 giờ làm việc. ${DRAFT}`],
  ['route', null, 4, 'hours', `IOC chuyển phản ánh đến đơn vị có thẩm quyền trong 4 giờ làm việc. ${DRAFT}`],
  ['route', 'urgent', 1, 'hours', `Phản ánh khẩn được chuyển ngay, trong 1 giờ làm việc. ${DRAFT}`],
  [
    'accept',
    null,
    8,
    'hours',
    `Đơn vị tiếp nhận phản ánh trong 8 giờ làm việc, kể cả kiểm tra hiện trường (theo ${HN_1207}).`,
  ],
  [
    'accept',
    'urgent',
    2,
    'hours',
    `Phản ánh khẩn được tiếp nhận trong 2 giờ làm việc (rút ngắn từ 8 giờ làm việc theo ${HN_1207}). ${DRAFT}`,
  ],
  ['assign', null, 4, 'hours', `Lãnh đạo đơn vị phân công cán bộ xử lý trong 4 giờ làm việc. ${DRAFT}`],
  ['assign', 'urgent', 1, 'hours', `Phản ánh khẩn được phân công trong 1 giờ làm việc. ${DRAFT}`],
  [
    'process',
    null,
    3,
    'days',
    `Xử lý và trả lời trong 3 ngày làm việc đối với phản ánh có thể kiểm tra, xử lý ngay (theo ${DN_960}).`,
  ],
  [
    'process',
    'urgent',
    4,
    'hours',
    `Phản ánh khẩn được xử lý trong 4 giờ làm việc kể từ khi tiếp nhận (theo ${HN_1207}); cùng bước phê duyệt (2 giờ), bảo đảm trả lời trong 1 ngày làm việc (theo ${DN_960}).`,
  ],
  [
    'process',
    'complex',
    10,
    'days',
    `Phản ánh phức tạp (nhiều cơ quan hoặc thủ tục pháp lý): 10 ngày làm việc, giá trị mặc định được chọn vì các quy định đã công bố không nêu thời hạn này. ${DRAFT}`,
  ],
  ['extension', null, 1, 'days', `Lãnh đạo đơn vị hoặc IOC quyết định gia hạn trong 1 ngày làm việc. ${DRAFT}`],
  ['extension', 'urgent', 2, 'hours', `Đề nghị gia hạn phản ánh khẩn được quyết định trong 2 giờ làm việc. ${DRAFT}`],
  ['approve', null, 1, 'days', `Lãnh đạo đơn vị duyệt văn bản trả lời trong 1 ngày làm việc. ${DRAFT}`],
  [
    'approve',
    'urgent',
    2,
    'hours',
    `Phản ánh khẩn được duyệt trả lời trong 2 giờ làm việc, để trả lời trong 1 ngày làm việc (theo ${DN_960}). ${DRAFT}`,
  ],
  [
    'review',
    null,
    3,
    'days',
    `Giám sát viên xem xét kết quả bị đánh giá chưa hài lòng trong 3 ngày làm việc. ${DRAFT}`,
  ],
  [
    'review',
    'urgent',
    1,
    'days',
    `Kết quả phản ánh khẩn bị đánh giá chưa hài lòng được xem xét trong 1 ngày làm việc. ${DRAFT}`,
  ],
];

/** Stable id of the seeded policy for a step, category and level. */
export function slaPolicyKey(step: string, categoryCode: string | null, level: string | null): string {
  return `${step}:${categoryCode ?? '*'}:${level ?? '*'}`;
}

export const SEED_SLA_POLICIES: readonly SeedSlaPolicy[] = ENTRIES.map(([step, level, amount, unit, basis]) => ({
  id: seedId('sla-policy', slaPolicyKey(step, null, level)),
  step,
  categoryCode: null,
  level,
  durationAmount: amount,
  durationUnit: unit,
  reminderAt: 0.75,
  escalations: level === 'urgent' ? URGENT_LADDER : NORMAL_LADDER,
  basis,
}));

// Every human step has a fallback: checked when the module loads, so a bad edit fails the seed.
for (const step of HUMAN_STEPS) {
  if (
    !SEED_SLA_POLICIES.some((policy) => policy.step === step && policy.categoryCode === null && policy.level === null)
  ) {
    throw new Error(`no default SLA policy for the human step "${step}"`);
  }
}

export async function seedSlaPolicies(db: Db): Promise<number> {
  const existing = await db.slaPolicy.findMany({ select: { step: true, categoryCode: true, level: true } });
  const claimed = new Set(existing.map((policy) => slaPolicyKey(policy.step, policy.categoryCode, policy.level)));
  const missing = SEED_SLA_POLICIES.filter(
    (policy) => !claimed.has(slaPolicyKey(policy.step, policy.categoryCode, policy.level)),
  );
  if (missing.length === 0) return 0;
  const { count } = await db.slaPolicy.createMany({
    data: missing.map((policy) => ({
      ...policy,
      escalations: policy.escalations.map((escalation) => ({ ...escalation })),
    })),
    skipDuplicates: true,
  });
  return count;
}
