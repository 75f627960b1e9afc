/**
 * The monthly report of one unit in the province's usual layout (xlsx): the national motto and the
 * unit at the top, the title "BÁO CÁO KẾT QUẢ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ THÁNG mm/yyyy",
 * the period, a table of figures by category with its total, and the signature block. Its figures
 * are the statistics service's (docs/statistics.md) for the unit and the month's Hà Tĩnh days.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { CaseFigures } from '../../../domain/statistics';
import type { Db } from '../../../platform/db';
import { AppError } from '../../../platform/app-error';
import { statisticsBy, statisticsSummary } from '../statistics/get-statistics';
import type { UnitScope } from '../statistics/statistics-facts';
import { asPercent } from './statistics-tables';

/**
 * A report's month, YYYY-MM, in this century: PostgreSQL has no year 0, and the platform no
 * cases before it (schemathesis sent 0000-01, which reached the database as a day it refuses).
 */
export const reportMonth = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'invalid_format');

export const monthlyReportQuery = z
  .object({
    unitId: z.string().uuid(),
    month: reportMonth,
  })
  .strict();

/** The first and last Hà Tĩnh day of a month (YYYY-MM). */
export function monthDays(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before the given instant's, in Hà Tĩnh (the schedule's report runs on the 1st). */
export function previousMonth(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3600_000);
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

const dmy = (day: string) => day.split('-').reverse().join('/');

export interface MonthlyReportFile {
  name: string;
  unitName: string;
  buffer: Buffer;
}

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Lĩnh vực', width: 34 },
  { header: 'Tiếp nhận', width: 11 },
  { header: 'Đã xử lý', width: 11 },
  { header: 'Đúng hạn', width: 11 },
  { header: 'Trễ hạn', width: 11 },
  { header: 'Đang xử lý', width: 11 },
  { header: 'Tỷ lệ đúng hạn (%)', width: 13 },
  { header: 'Lượt đánh giá', width: 11 },
  { header: 'Tỷ lệ hài lòng (%)', width: 13 },
];

/** The unit's report for the month; `scope` is the reader's (a leader: their units; 'all': the IOC or the schedule). */
export async function buildMonthlyReport(
  db: Db,
  options: { unitId: string; month: string; scope: UnitScope; now?: Date },
): Promise<MonthlyReportFile> {
  const unit = await db.unit.findUnique({ where: { id: options.unitId } });
  if (!unit) throw new AppError('NOT_FOUND');
  if (options.scope !== 'all' && !options.scope.includes(unit.id)) throw new AppError('FORBIDDEN');
  const filter = { ...monthDays(options.month), unitId: unit.id };
  const statistics = { scope: options.scope, filter };
  const [total, byCategory] = await Promise.all([
    statisticsSummary(db, statistics),
    statisticsBy(db, 'category', statistics),
  ]);
  const [year, month] = options.month.split('-') as [string, string];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phản ánh hiện trường';
  const sheet = workbook.addWorksheet(`Tháng ${month}-${year}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const bold = { bold: true, name: 'Times New Roman', size: 12 };
  const plain = { name: 'Times New Roman', size: 12 };
  const line = (row: number, from: string, to: string, text: string, font: Partial<ExcelJS.Font> = plain) => {
    sheet.mergeCells(`${from}${row}:${to}${row}`);
    const cell = sheet.getCell(`${from}${row}`);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  // The heading: the superior body and the unit (left), the national motto (right).
  line(1, 'A', 'D', 'UBND TỈNH HÀ TĨNH');
  line(2, 'A', 'D', unit.name.toUpperCase(), bold);
  line(1, 'E', 'J', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold);
  line(2, 'E', 'J', 'Độc lập - Tự do - Hạnh phúc', { ...bold, underline: true });
  line(4, 'A', 'J', `BÁO CÁO KẾT QUẢ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ THÁNG ${month}/${year}`, {
    ...bold,
    size: 14,
  });
  line(5, 'A', 'J', `Đơn vị: ${unit.name}`);
  line(6, 'A', 'J', `Kỳ báo cáo: từ ngày ${dmy(filter.from)} đến ngày ${dmy(filter.to)}`, { ...plain, italic: true });

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  const tableRow = (values: (string | number | null)[], font = plain) => {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = border;
      cell.font = font;
      cell.alignment = {
        vertical: 'middle',
        horizontal: column <= 2 ? (column === 1 ? 'center' : 'left') : 'right',
        wrapText: true,
      };
      if (column === 8 || column === 10) cell.numFmt = '0.0';
    });
    return row;
  };
  sheet.addRow([]);
  const header = tableRow(
    COLUMNS.map((c) => c.header),
    bold,
  );
  header.eachCell((cell) => (cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }));
  const figures = (r: CaseFigures) => [
    r.received,
    r.processed,
    r.onTime,
    r.late,
    r.inProgress,
    asPercent(r.onTimeShare),
    r.rated,
    asPercent(r.satisfiedShare),
  ];
  byCategory.rows.forEach((r, i) => tableRow([i + 1, r.name ?? r.key ?? '', ...figures(r)]));
  const totalRow = tableRow(['', 'Tổng cộng', ...figures(total)], bold);
  totalRow.getCell(2).alignment = { horizontal: 'center' };

  // The signature block: who drew it up (left), the head of the unit (right), dated in Hà Tĩnh.
  const now = new Date((options.now ?? new Date()).getTime() + 7 * 3600_000);
  const at = totalRow.number + 2;
  line(at, 'G', 'J', `Hà Tĩnh, ngày ${now.getUTCDate()} tháng ${now.getUTCMonth() + 1} năm ${now.getUTCFullYear()}`, {
    ...plain,
    italic: true,
  });
  line(at + 1, 'A', 'D', 'NGƯỜI LẬP BIỂU', bold);
  line(at + 1, 'G', 'J', 'THỦ TRƯỞNG ĐƠN VỊ', bold);
  line(at + 2, 'A', 'D', '(Ký, ghi rõ họ tên)', { ...plain, italic: true });
  line(at + 2, 'G', 'J', '(Ký tên, đóng dấu)', { ...plain, italic: true });

  return {
    name: `bao-cao-thang-${options.month}-${unit.code}`,
    unitName: unit.name,
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
