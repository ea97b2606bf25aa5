// L-7: reads an uploaded CSV or XLSX into a header row and data records (all cells as text).
// CSV is parsed as a stream; the delimiter (, ; or tab) is taken from the header line.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { invalid } from '../errors.ts';

export type Table = {
  headers: string[];
  /** Data records after the header, each as text cells in header order. */
  records: AsyncIterable<string[]>;
  /** About how many data records there are (for progress; exact for XLSX). */
  estimatedRows: number;
};

const isZip = (data: Buffer) => data.length > 4 && data.readUInt32LE(0) === 0x04034b50;

function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function* slices(data: Buffer, size: number) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

function countLines(data: Buffer): number {
  let lines = 0;
  for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) lines += 1;
  return data.length > 0 && data[data.length - 1] !== 10 ? lines + 1 : lines;
}

/** An XLSX cell as text: dates as YYYY-MM-DD (or with time), numbers with a decimal point. */
export function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellString((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  // a decimal comma, which the number reader never takes for a thousands separator (2.125 stays 2,125)
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

async function readXlsx(data: Buffer): Promise<Table> {
  // loaded for an XLSX file only: a third of a second of start-up a CSV import does not need
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid('file', 'is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw invalid('file', 'has no rows');
  const width = sheet.getRow(1).cellCount;
  const rowText = (row: ExcelJS.Row) => Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => cellString(row.getCell(i + 1).value).trim());
  const headers = rowText(sheet.getRow(1));
  async function* records() {
    for (let n = 2; n <= sheet!.rowCount; n++) yield rowText(sheet!.getRow(n));
  }
  return { headers, records: records(), estimatedRows: sheet.rowCount - 1 };
}

function readCsv(data: Buffer): Table & { ready: Promise<void> } {
  const text = data.subarray(0, 64 * 1024).toString('utf8').replace(/^\ufeff/, '');
  const delimiter = delimiterOf(text.split(/\r?\n/, 1)[0] ?? '');
  // fed in slices: given the whole file as one chunk, the parser would hold every record in memory at once
  const parser = Readable.from(slices(data, 64 * 1024)).pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const table: Table & { ready: Promise<void> } = {
    headers: [],
    estimatedRows: Math.max(0, countLines(data) - 1),
    records: { [Symbol.asyncIterator]: () => iterator },
    ready: iterator.next().then((first) => {
      if (first.done) throw invalid('file', 'has no rows');
      table.headers = first.value;
    }),
  };
  return table;
}

/** Reads the file: XLSX when it is a zip (what XLSX is), else CSV in UTF-8. */
export async function readTable(data: Buffer): Promise<Table> {
  if (data.length === 0) throw invalid('file', 'is empty');
  if (isZip(data)) return readXlsx(data);
  const table = readCsv(data);
  try {
    await table.ready;
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) throw invalid('file', `is not valid CSV: ${error.message}`);
    throw error;
  }
  return table;
}
