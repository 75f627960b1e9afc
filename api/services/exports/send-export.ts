/** An export as an HTTP download: the file's type and name, then the table streamed to the client. */
import type { Response } from 'express';
import { EXPORT_CONTENT_TYPES, writeCsv, writeXlsx, type ExportFormat, type ExportTable } from './table-file';

/** `name` without extension, e.g. "phan-anh-2026-12-06"; ASCII, so every browser keeps it. */
export async function sendExport(res: Response, format: ExportFormat, name: string, table: ExportTable): Promise<void> {
  res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'xlsx') await writeXlsx(table, res);
  else await writeCsv(table, res);
}
