// L-7: a look at an import file in the browser, before anything is sent: its columns, a few example
// values, and the different values of each column (for value mapping). The server reads the file
// again for the dry run and the import; this is only what the wizard shows.
import { parse } from 'csv-parse/browser/esm/sync';

export type FilePreview = {
  headers: string[];
  /** the first few non-empty values of each column */
  samples: Record<string, string[]>;
  /** the different values of each column (up to MAX_DISTINCT), in the order met */
  distinct: Record<string, string[]>;
  rows: number;
  /** only the first MAX_ROWS rows were looked at */
  truncated: boolean;
};

const MAX_ROWS = 20_000;
const MAX_DISTINCT = 200;
const SAMPLES = 3;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The delimiter the server takes too: whichever of , ; and tab the header line has most of. */
function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function summarize(headers: string[], rows: string[][], truncated: boolean): FilePreview {
  const samples: Record<string, string[]> = {};
  const distinct: Record<string, Set<string>> = {};
  for (const header of headers) {
    samples[header] = [];
    distinct[header] = new Set();
  }
  for (const row of rows) {
    headers.forEach((header, i) => {
      const value = (row[i] ?? '').trim();
      if (!value) return;
      const seen = distinct[header] as Set<string>;
      if (seen.size < MAX_DISTINCT) seen.add(value);
      const examples = samples[header] as string[];
      if (examples.length < SAMPLES && !examples.includes(value)) examples.push(value);
    });
  }
  return {
    headers,
    samples,
    distinct: Object.fromEntries(Object.entries(distinct).map(([key, set]) => [key, [...set]])),
    rows: rows.length,
    truncated,
  };
}

function readCsv(text: string): FilePreview {
  const clean = text.replace(/^\ufeff/, '');
  const delimiter = delimiterOf(clean.split(/\r?\n/, 1)[0] ?? '');
  const records = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, to_line: MAX_ROWS + 1 }) as string[][];
  const [headers = [], ...rows] = records;
  return summarize(headers, rows, rows.length >= MAX_ROWS);
}

type CellValue = unknown;

/** An XLSX cell as the server reads it: dates as YYYY-MM-DD, rich text and formulas as their text. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result);
    return '';
  }
  return String(value);
}

async function readXlsx(buffer: ArrayBuffer): Promise<FilePreview> {
  // the spreadsheet library is large, so it loads only when an XLSX file is chosen
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return summarize([], [], false);
  const width = sheet.getRow(1).cellCount;
  const rowText = (n: number) => {
    const row = sheet.getRow(n);
    return Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => cellText(row.getCell(i + 1).value).trim());
  };
  const last = Math.min(sheet.rowCount, MAX_ROWS + 1);
  const rows: string[][] = [];
  for (let n = 2; n <= last; n++) rows.push(rowText(n));
  return summarize(rowText(1), rows, sheet.rowCount > MAX_ROWS + 1);
}

/**
 * The text of a CSV file in the encoding the server reads it in (src/domain/import/decode-text.ts):
 * a byte order mark's, else UTF-8 when it is valid UTF-8, else Windows-1252. The server also refuses
 * what is text in none of these; its dry run, which follows, says so.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads the file the user chose: XLSX when it is a zip, else CSV in its encoding (like the server). */
export async function previewFile(file: File): Promise<FilePreview> {
  const buffer = await file.arrayBuffer();
  if (isZip(new Uint8Array(buffer.slice(0, 4)))) return readXlsx(buffer);
  return readCsv(decodeCsv(new Uint8Array(buffer)));
}
