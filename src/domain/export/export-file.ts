// L-6: one export = a format, the columns, and the selection in batches → a stream and its file name.
import type { Readable } from 'node:stream';
import { COLUMNS, DEFAULT_COLUMNS, type Column, type Lang } from './columns.ts';
import type { ExportSpec } from './cells.ts';
import { invalid } from '../errors.ts';
import { writeCsv } from './write-csv.ts';
import { writePdf } from './write-pdf.ts';
import { writeXlsx } from './write-xlsx.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export type ExportList = keyof typeof COLUMNS;

export const CONTENT_TYPES: Record<ExportFormat | 'vcf', string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  vcf: 'text/vcard; charset=utf-8',
};

/**
 * The columns asked for (keys of the list's items), or the list's defaults; unknown keys are a 400.
 * Amounts never travel without their currency: a list with money columns gets `currency` after the first.
 */
export function exportColumns(list: ExportList, keys: string[] | undefined): Column[] {
  const chosen = keys?.length ? keys : DEFAULT_COLUMNS[list];
  const columns = chosen.map((key) => {
    const column = COLUMNS[list].find((c) => c.key === key);
    if (!column) throw invalid('columns', `"${key}" cannot be exported; one of: ${COLUMNS[list].map((c) => c.key).join(', ')}`);
    return column;
  });
  const currency = COLUMNS[list].find((c) => c.key === 'currency');
  const firstMoney = columns.findIndex((c) => c.type === 'money');
  if (currency && firstMoney >= 0 && !columns.includes(currency)) columns.splice(firstMoney + 1, 0, currency);
  return columns;
}

/** `opportunities-2026-11-23.xlsx`: the list and the day it was taken. */
export const exportFileName = (list: string, today: string, format: string) => `${list}-${today}.${format}`;

export function writeExport(format: ExportFormat, spec: ExportSpec, options: { delimiter: ',' | ';'; compressPdf?: boolean }): Readable {
  if (format === 'csv') return writeCsv(spec, options.delimiter);
  if (format === 'xlsx') return writeXlsx(spec);
  return writePdf(spec, { compress: options.compressPdf ?? true });
}

export type { Lang };
