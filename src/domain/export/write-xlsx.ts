// L-6 XLSX through exceljs' streaming writer: rows are committed as they come, numbers are numbers
// (money as #,##0.00), dates are dates, and the header row stays in view.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { labelOf, type Column } from './columns.ts';
import { cellValue, type ExportSpec } from './cells.ts';

const FORMATS: Partial<Record<Column['type'], string>> = {
  money: '#,##0.00',
  integer: '0',
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm',
};

/**
 * A name Excel accepts for a sheet: none of / \ ? * [ ] :, not starting or ending with an
 * apostrophe, at most 31 characters (UTF-16 units, whole characters kept), never empty.
 */
export function sheetName(title: string): string {
  const clean = title
    .replace(/[/\\?*[\]:]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s']+|[\s']+$/g, '');
  let name = '';
  for (const character of clean) {
    if (name.length + character.length > 31) break;
    name += character;
  }
  name = name.replace(/[\s']+$/, '');
  // "History" is reserved by Excel
  return name && name.toLowerCase() !== 'history' ? name : 'Export';
}

export function writeXlsx(spec: ExportSpec): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(spec.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((column) => {
    const numFmt = FORMATS[column.type];
    return {
      header: labelOf(column, spec.lang),
      key: column.key,
      width: Math.round(column.width * 12),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  sheet.getRow(1).font = { bold: true };
  const write = async () => {
    for await (const batch of spec.batches) {
      for (const row of batch) sheet.addRow(spec.columns.map((column) => cellValue(column, row[column.key], spec))).commit();
      // wait while the reader is behind, so at most one batch and the stream's buffer are in memory
      while (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
