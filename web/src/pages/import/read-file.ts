// L-7: a look at an import file in the browser, before anything is sent: its columns, a few example
// values, and the different values of each column (for value mapping). The server reads the file
// again for the dry run and the import; this is only what the wizard shows.
import Papa from 'papaparse';

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
  // papaparse, as the server parses it (src/domain/import/parse-file.ts)
  const { data } = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: true, preview: MAX_ROWS + 1 });
  const [headers = [], ...rows] = data.map((record) => record.map((value) => value.trim()));
  return summarize(headers, rows, rows.length >= MAX_ROWS);
}

/** An XLSX cell as the server reads it (src/domain/import/read-xlsx.ts): dates as YYYY-MM-DD (or with time),
 * numbers with a decimal comma. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  // read-excel-file gives no other kind of cell; one would show as JSON rather than as "[object Object]"
  return JSON.stringify(value);
}

async function readXlsx(buffer: ArrayBuffer): Promise<FilePreview> {
  // read-excel-file is small (unzip + the browser's XML parser); it loads only when an XLSX file is chosen
  const { readSheet } = await import('read-excel-file/browser');
  const sheet = await readSheet(buffer, 1);
  const [head = [], ...body] = sheet;
  const text = (row: readonly unknown[]) => row.map((cell) => cellText(cell).trim());
  return summarize(text(head), body.slice(0, MAX_ROWS).map(text), body.length > MAX_ROWS);
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
