/**
 * One table written as an Excel workbook (.xlsx, exceljs) or as CSV with a UTF-8 BOM (Excel then
 * reads Vietnamese right), streamed as the rows come. The case list and every statistics table go
 * through here, so headers, times and the formula-injection guard are the same everywhere.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type ExportFormat = 'xlsx' | 'csv';
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;

/** A cell: text, a number, a Hà Tĩnh wall-clock time (see haTinhWallClock) or nothing. */
export type Cell = string | number | Date | null | undefined;

export interface ExportColumn {
  header: string;
  /** Characters, for the xlsx column width. */
  width?: number;
  /** Dates are shown as dd/mm/yyyy HH:mm (a Hà Tĩnh time) unless another Excel format is given. */
  numFmt?: string;
}

export interface ExportTable {
  /** The sheet's name (≤ 31 characters, Excel's limit). */
  sheet: string;
  columns: ExportColumn[];
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>;
}

export const HA_TINH_DATE_TIME = 'dd/mm/yyyy hh:mm';
const HA_TINH_OFFSET_MS = 7 * 60 * 60 * 1000; // Asia/Ho_Chi_Minh: UTC+7, no daylight saving

/**
 * Excel dates have no zone: a cell shows its UTC fields. The instant shifted by +7 h therefore
 * shows the time on Hà Tĩnh's wall clock whatever the reader's computer is set to.
 */
export function haTinhWallClock(instant: Date | null | undefined): Date | null {
  return instant ? new Date(instant.getTime() + HA_TINH_OFFSET_MS) : null;
}

/** dd/mm/yyyy HH:mm on Hà Tĩnh's wall clock, for CSV. */
export function haTinhText(wallClock: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(wallClock.getUTCDate())}/${two(wallClock.getUTCMonth() + 1)}/${wallClock.getUTCFullYear()} ` +
    `${two(wallClock.getUTCHours())}:${two(wallClock.getUTCMinutes())}`
  );
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a
 * formula: a reporter's "=HYPERLINK(...)" must stay text. A leading apostrophe is the usual guard
 * (OWASP's CSV injection advice); numbers we write ourselves are numbers, not text, so untouched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function textCell(value: Cell): string | number | Date | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

export async function writeXlsx(table: ExportTable, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? Math.max(12, c.header.length + 2),
    style: { numFmt: c.numFmt ?? HA_TINH_DATE_TIME },
  }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const row of table.rows) sheet.addRow(row.map(textCell)).commit();
  sheet.commit();
  await workbook.commit();
}

function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date ? haTinhText(value) : typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 (CRLF, quotes doubled) after a UTF-8 byte order mark. */
export async function writeCsv(table: ExportTable, out: Writable): Promise<void> {
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(line)) resolve();
      else {
        out.once('drain', resolve);
        out.once('error', reject);
      }
    });
  await write('\uFEFF' + table.columns.map((c) => csvField(c.header)).join(',') + '\r\n');
  for await (const row of table.rows) await write(row.map(csvField).join(',') + '\r\n');
  await new Promise<void>((resolve) => out.end(resolve));
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
