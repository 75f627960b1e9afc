/**
 * The case list as a spreadsheet: exactly the rows the official sees in the list (same CASL
 * `where`, same filters and order), with names instead of ids and codes, statuses and steps in
 * words, Hà Tĩnh times and the citizen's rating. No personal data, like the list. Bounded: an
 * export of more than MAX_EXPORT_ROWS cases is refused with a hint to narrow the filters.
 */
import type { AppAbility } from '../../../domain/abilities';
import type { CaseLevel, CaseStatus, CaseStep } from '../../../domain/case-steps';
import type { Db } from '../../../platform/db';
import { AppError } from '../../../platform/app-error';
import type { Language } from '../../i18n/language';
import type { ListQuery } from '../../list-query';
import { adminCaseWhere, type AdminCaseFilter, type CaseSearchDependencies } from '../find-admin-cases';
import { recordAudit } from '../record-audit';
import { reportChannelName } from '../../../domain/report-channels';
import { CASE_WORDS, type Words } from './case-words';
import { haTinhWallClock, type Cell, type ExportColumn, type ExportFormat, type ExportTable } from './table-file';

export const MAX_EXPORT_ROWS = 100_000;
const BATCH = 1000;

const COLUMNS: { header: Words; width: number; numFmt?: string }[] = [
  { header: { vi: 'Mã tra cứu', en: 'Tracking code' }, width: 16 },
  { header: { vi: 'Ngày tiếp nhận', en: 'Received' }, width: 17 },
  { header: { vi: 'Trạng thái', en: 'Status' }, width: 20 },
  { header: { vi: 'Bước', en: 'Step' }, width: 16 },
  { header: { vi: 'Lĩnh vực', en: 'Category' }, width: 24 },
  { header: { vi: 'Xã/phường', en: 'Commune' }, width: 20 },
  { header: { vi: 'Đơn vị xử lý', en: 'Unit' }, width: 28 },
  { header: { vi: 'Mức độ', en: 'Level' }, width: 12 },
  { header: { vi: 'Kênh', en: 'Channel' }, width: 14 },
  { header: { vi: 'Nội dung', en: 'Description' }, width: 50 },
  { header: { vi: 'Địa chỉ', en: 'Address' }, width: 30 },
  { header: { vi: 'Hạn của bước', en: 'Step deadline' }, width: 17 },
  { header: { vi: 'Hạn giải quyết', en: 'Resolution deadline' }, width: 17 },
  { header: { vi: 'Quá hạn', en: 'Overdue' }, width: 9 },
  { header: { vi: 'Cấp chuyển', en: 'Escalation level' }, width: 10, numFmt: '0' },
  { header: { vi: 'Số lần mở lại', en: 'Times reopened' }, width: 10, numFmt: '0' },
  { header: { vi: 'Ngày công bố', en: 'Published' }, width: 17 },
  { header: { vi: 'Ngày kết thúc', en: 'Closed' }, width: 17 },
  { header: { vi: 'Đánh giá (1–5)', en: 'Rating (1–5)' }, width: 10, numFmt: '0' },
  { header: { vi: 'Mức hài lòng', en: 'Satisfaction' }, width: 18 },
];

export function caseExportColumns(language: Language): ExportColumn[] {
  return COLUMNS.map((c) => ({ header: c.header[language], width: c.width, numFmt: c.numFmt }));
}

interface Names {
  units: Map<string, { name: string; nameEn: string | null }>;
  categories: Map<string, { nameVi: string; nameEn: string }>;
  communes: Map<string, string>;
}

async function loadNames(db: Db): Promise<Names> {
  const [units, categories, communes] = await Promise.all([
    db.unit.findMany({ select: { id: true, name: true, nameEn: true } }),
    db.category.findMany({ select: { code: true, nameVi: true, nameEn: true } }),
    db.commune.findMany({ select: { code: true, name: true } }),
  ]);
  return {
    units: new Map(units.map((u) => [u.id, u])),
    categories: new Map(categories.map((c) => [c.code, c])),
    communes: new Map(communes.map((c) => [c.code, c.name])),
  };
}

export interface CaseExportContext {
  ability: AppAbility;
  userId: string;
  ip?: string;
  requestId?: string;
  language: Language;
}

/**
 * Checks the size, writes the audit entry (who exported what), then returns the table whose
 * rows are read from the database in batches as the file is written.
 */
export async function exportCases(
  { db, searchFold }: CaseSearchDependencies,
  context: CaseExportContext,
  query: Pick<ListQuery<AdminCaseFilter>, 'sort' | 'filter'>,
  format: ExportFormat,
): Promise<ExportTable & { total: number }> {
  const where = adminCaseWhere(context.ability, query.filter, searchFold) ?? { id: { in: [] } };
  const total = await db.case.count({ where });
  if (total > MAX_EXPORT_ROWS)
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { filter: { code: 'export_too_large', params: { max: MAX_EXPORT_ROWS, total } } },
    );
  await recordAudit(db, {
    actorKind: 'official',
    actorId: context.userId,
    action: 'export_cases',
    subjectType: 'Case',
    ip: context.ip ?? null,
    requestId: context.requestId ?? null,
    details: { format, filter: query.filter as object, sort: [query.sort.field, query.sort.order], rows: total },
  });
  const names = await loadNames(db);
  const { language } = context;
  const words = CASE_WORDS;
  const time = haTinhWallClock;

  async function* rows(): AsyncGenerator<Cell[]> {
    for (let skip = 0; skip < total; skip += BATCH) {
      const batch = await db.case.findMany({
        where,
        orderBy: [{ [query.sort.field]: query.sort.order }, { id: 'asc' }],
        skip,
        take: BATCH,
        include: { ratings: { orderBy: { round: 'desc' }, take: 1, select: { score: true } } },
      });
      for (const c of batch) {
        const unit = c.unitId ? names.units.get(c.unitId) : undefined;
        const category = names.categories.get(c.categoryCode);
        const score = c.ratings[0]?.score;
        yield [
          c.trackingCode,
          time(c.receivedAt),
          words.status[c.status as CaseStatus][language],
          words.step[c.step as CaseStep][language],
          category ? (language === 'en' ? category.nameEn : category.nameVi) : c.categoryCode,
          c.communeCode ? (names.communes.get(c.communeCode) ?? c.communeCode) : null,
          unit ? (language === 'en' ? (unit.nameEn ?? unit.name) : unit.name) : null,
          words.level[c.level as CaseLevel][language],
          reportChannelName(c.channel, language),
          c.description,
          c.address,
          time(c.deadline),
          time(c.resolutionDeadline),
          c.overdue ? words.yes[language] : words.no[language],
          c.escalationLevel,
          c.reopenCount,
          time(c.publishedAt),
          time(c.closedAt),
          score ?? null,
          score === undefined ? null : words.rating[score]?.[language],
        ];
      }
      if (batch.length < BATCH) break;
    }
  }
  return { sheet: language === 'en' ? 'Cases' : 'Phản ánh', columns: caseExportColumns(language), rows: rows(), total };
}
