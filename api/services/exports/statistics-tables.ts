/**
 * Each table of the statistics dashboard as a spreadsheet (docs/statistics.md's figures): per unit,
 * category or commune, by week or month, per step. Shares are written as percentages (0–100, one
 * decimal), so that CSV and Excel read the same number.
 */
import type { StatisticsRow, StepRow } from '../statistics/get-statistics';
import type { Language } from '../../i18n/language';
import { CASE_WORDS, type Words } from './case-words';
import type { Cell, ExportColumn, ExportTable } from './table-file';

export const STATISTICS_TABLES = ['by-unit', 'by-category', 'by-commune', 'trend', 'steps'] as const;
export type StatisticsTable = (typeof STATISTICS_TABLES)[number];

const PERCENT = '0.0';
const HOURS = '0.00';
const COUNT = '0';

/** A share (0.8125) as a percentage to one decimal (81.3); nothing when undefined. */
export const asPercent = (share: number | null | undefined): number | null =>
  share === null || share === undefined ? null : Math.round(share * 1000) / 10;

const FIRST_COLUMN: Record<Exclude<StatisticsTable, 'steps'>, Words> = {
  'by-unit': { vi: 'Đơn vị', en: 'Unit' },
  'by-category': { vi: 'Lĩnh vực', en: 'Category' },
  'by-commune': { vi: 'Xã/phường', en: 'Commune' },
  trend: { vi: 'Kỳ', en: 'Period' },
};

const NONE: Record<Exclude<StatisticsTable, 'steps'>, Words> = {
  'by-unit': { vi: 'Chưa giao đơn vị', en: 'No unit yet' },
  'by-category': { vi: 'Không rõ lĩnh vực', en: 'Unknown category' },
  'by-commune': { vi: 'Không rõ xã/phường', en: 'Unknown commune' },
  trend: { vi: '', en: '' },
};

const SHEETS: Record<StatisticsTable, Words> = {
  'by-unit': { vi: 'Theo đơn vị', en: 'By unit' },
  'by-category': { vi: 'Theo lĩnh vực', en: 'By category' },
  'by-commune': { vi: 'Theo xã phường', en: 'By commune' },
  trend: { vi: 'Theo thời gian', en: 'Over time' },
  steps: { vi: 'Theo bước xử lý', en: 'By step' },
};

const ROW_COLUMNS: { header: Words; numFmt: string; value: (r: StatisticsRow) => Cell }[] = [
  { header: { vi: 'Tiếp nhận', en: 'Received' }, numFmt: COUNT, value: (r) => r.received },
  { header: { vi: 'Đang xử lý', en: 'In progress' }, numFmt: COUNT, value: (r) => r.inProgress },
  { header: { vi: 'Đã xử lý', en: 'Processed' }, numFmt: COUNT, value: (r) => r.processed },
  { header: { vi: 'Đúng hạn', en: 'On time' }, numFmt: COUNT, value: (r) => r.onTime },
  { header: { vi: 'Trễ hạn', en: 'Late' }, numFmt: COUNT, value: (r) => r.late },
  { header: { vi: 'Tỷ lệ đúng hạn (%)', en: 'On time (%)' }, numFmt: PERCENT, value: (r) => asPercent(r.onTimeShare) },
  { header: { vi: 'Không tiếp nhận', en: 'Rejected' }, numFmt: COUNT, value: (r) => r.rejected },
  { header: { vi: 'Trùng', en: 'Duplicates' }, numFmt: COUNT, value: (r) => r.duplicate },
  { header: { vi: 'Đã rút', en: 'Withdrawn' }, numFmt: COUNT, value: (r) => r.withdrawn },
  { header: { vi: 'Mở lại', en: 'Reopened' }, numFmt: COUNT, value: (r) => r.reopened },
  { header: { vi: 'Lượt đánh giá', en: 'Ratings' }, numFmt: COUNT, value: (r) => r.rated },
  ...[1, 2, 3, 4, 5].map((score) => ({
    header: { vi: `${score} sao`, en: `${score} star${score > 1 ? 's' : ''}` },
    numFmt: COUNT,
    value: (r: StatisticsRow) => r.ratings[score - 1] ?? 0,
  })),
  { header: { vi: 'Điểm trung bình', en: 'Mean rating' }, numFmt: HOURS, value: (r) => r.meanRating },
  {
    header: { vi: 'Tỷ lệ hài lòng (%)', en: 'Satisfied (%)' },
    numFmt: PERCENT,
    value: (r) => asPercent(r.satisfiedShare),
  },
  { header: { vi: 'Xử lý: số lượt', en: 'Processing: steps' }, numFmt: COUNT, value: (r) => r.processing.completed },
  {
    header: { vi: 'Xử lý: giờ làm việc TB', en: 'Processing: mean working hours' },
    numFmt: HOURS,
    value: (r) => r.processing.meanHours,
  },
  {
    header: { vi: 'Xử lý: 90% không quá (giờ)', en: 'Processing: p90 working hours' },
    numFmt: HOURS,
    value: (r) => r.processing.p90Hours,
  },
  { header: { vi: 'Đang quá hạn', en: 'Overdue now' }, numFmt: COUNT, value: (r) => r.overdueNow?.total ?? null },
  ...[0, 1, 2].map((level) => ({
    header: [
      { vi: 'Quá hạn, chưa chuyển cấp', en: 'Overdue, not escalated' },
      { vi: 'Đã báo lãnh đạo đơn vị', en: "Escalated to the unit's leader" },
      { vi: 'Đã báo Trung tâm IOC', en: 'Escalated to the IOC' },
    ][level]!,
    numFmt: COUNT,
    value: (r: StatisticsRow) =>
      r.overdueNow
        ? r.overdueNow.byLevel.filter((b) => Math.min(b.level, 2) === level).reduce((n, b) => n + b.count, 0)
        : null,
  })),
];

/** The rows of by-unit, by-category, by-commune or trend. */
export function statisticsRowsTable(
  table: Exclude<StatisticsTable, 'steps'>,
  rows: StatisticsRow[],
  language: Language,
): ExportTable {
  const columns: ExportColumn[] = [
    { header: FIRST_COLUMN[table][language], width: table === 'trend' ? 12 : 36 },
    ...ROW_COLUMNS.map((c) => ({ header: c.header[language], numFmt: c.numFmt })),
  ];
  const name = (r: StatisticsRow) =>
    table === 'trend' ? r.key : ((language === 'en' ? (r.nameEn ?? r.name) : r.name) ?? NONE[table][language]);
  return {
    sheet: SHEETS[table][language],
    columns,
    rows: rows.map((r) => [name(r), ...ROW_COLUMNS.map((c) => c.value(r))]),
  };
}

export function statisticsStepsTable(rows: StepRow[], language: Language): ExportTable {
  const header = (vi: string, en: string) => (language === 'en' ? en : vi);
  return {
    sheet: SHEETS.steps[language],
    columns: [
      { header: header('Bước', 'Step'), width: 20 },
      { header: header('Hoàn thành', 'Completed'), numFmt: COUNT },
      { header: header('Đúng hạn', 'On time'), numFmt: COUNT },
      { header: header('Trễ hạn', 'Late'), numFmt: COUNT },
      { header: header('Tỷ lệ đúng hạn (%)', 'On time (%)'), numFmt: PERCENT },
      { header: header('Giờ làm việc trung bình', 'Mean working hours'), numFmt: HOURS },
      { header: header('90% không quá (giờ)', 'p90 working hours'), numFmt: HOURS },
    ],
    rows: rows.map((r) => [
      CASE_WORDS.step[r.step][language],
      r.completed,
      r.onTime,
      r.late,
      asPercent(r.onTimeShare),
      r.meanHours,
      r.p90Hours,
    ]),
  };
}
