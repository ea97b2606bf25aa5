// L-7: reads an uploaded CSV or XLSX into a header row and data records (all cells as text).
// CSV is decoded (decode-text.ts) and parsed a slice at a time; the delimiter (, ; or tab) is taken
// from the header line.
import Papa from 'papaparse';
import { invalid } from '../errors.ts';
import { readXlsx } from './read-xlsx.ts';
import { countLines, decodeHead, detectEncoding, nulInText, textDecoder, type TextEncoding } from './decode-text.ts';

export type Table = {
  headers: string[];
  /** Records after the header, each as text cells in header order, some thousands at a time; blank ones too, so rows keep their number. */
  records: AsyncIterable<string[][]>;
  /** The row number of the first record after the header (the header's is 1 unless blank lines come before it). */
  firstRow: number;
  /** About how many data records there are (for progress). */
  estimatedRows: number;
  /** Lets go of the file when the records are not read to their end (an XLSX is read from it as the rows are taken). */
  close?: () => Promise<void>;
  /** The character encoding a CSV file was read in (none for XLSX, which is always Unicode). */
  encoding?: TextEncoding;
};

/** Bytes of CSV decoded and parsed at a time. */
const CSV_SLICE = 1 << 20;

export const isZip = (data: Buffer) => data.length > 4 && data.readUInt32LE(0) === 0x04034b50;

function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** What a CSV file holds that is not CSV: an unclosed or stray quote, with the record it is in. */
function csvError(error: Papa.ParseError, recordsBefore: number) {
  return invalid('file', `is not valid CSV: ${error.message.toLowerCase()} (record ${recordsBefore + (error.row ?? 0) + 1})`);
}

/** A record of nothing but empty cells: an empty line, or the trailing ";;;" rows spreadsheets write. */
export const isBlank = (record: string[]) => record.every((cell) => cell.trim() === '');

/**
 * The records of a CSV file, parsed a slice at a time (papaparse's parser, 4× faster than csv-parse
 * on a million rows) and decoded a slice at a time: the whole file as one string would sit in memory
 * beside its bytes, and its records all at once with it. A slice is parsed up to its last whole
 * record; a record running past it (a quoted cell with line breaks) is parsed again with the next.
 */
function* csvRecords(data: Buffer, encoding: TextEncoding, delimiter: string, newline: '\n' | '\r\n'): Generator<string[][]> {
  const parser = new Papa.Parser({ delimiter, newline });
  const decoder = textDecoder(encoding);
  let text = '';
  let read = 0;
  let records = 0;
  for (let size = CSV_SLICE; ;) {
    while (text.length < size && read < data.length) {
      text += decoder.write(data.subarray(read, read + CSV_SLICE));
      read += CSV_SLICE;
      if (read >= data.length) text += decoder.end();
    }
    if (text.includes('\u0000')) throw nulInText(); // PostgreSQL stores no NUL in text
    const last = read >= data.length;
    const { data: parsed, errors, meta } = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
    if (errors[0]) throw csvError(errors[0], records);
    if (!last && meta.cursor === 0) {
      size *= 2; // one record longer than the slice
      continue;
    }
    // the line break ending the file ends its last record; it does not start an empty one
    if (last && text.endsWith('\n') && parsed.at(-1)?.length === 1 && parsed.at(-1)?.[0] === '') parsed.pop();
    text = last ? '' : text.slice(meta.cursor);
    size = CSV_SLICE;
    records += parsed.length;
    if (parsed.length) yield parsed;
    if (last) return;
  }
}

function readCsv(data: Buffer): Table {
  const encoding = detectEncoding(data);
  // the first line that holds something (blank lines may come before the header)
  const firstLine = /^[^\S\n]*\S[^\n]*\n?/m.exec(decodeHead(data, encoding, 64 * 1024))?.[0] ?? '';
  const delimiter = delimiterOf(firstLine);
  const chunks = csvRecords(data, encoding, delimiter, firstLine.endsWith('\r\n') ? '\r\n' : '\n');
  // the header is the first record that is not blank
  let header: string[] | undefined;
  let rest: string[][] = [];
  let before = 0;
  while (!header) {
    const next = chunks.next();
    if (next.done) throw invalid('file', 'has no rows');
    const at = next.value.findIndex((record) => !isBlank(record));
    before += at < 0 ? next.value.length : at;
    if (at >= 0) [header, rest] = [next.value[at] as string[], next.value.slice(at + 1)];
  }
  async function* records() {
    if (rest.length) yield rest;
    for (const chunk of chunks) yield chunk;
  }
  return {
    headers: header.map((cell) => cell.trim()),
    firstRow: before + 2,
    estimatedRows: Math.max(0, countLines(data, encoding) - 1 - before),
    records: records(),
    encoding,
  };
}

/** Reads the file: XLSX when it is a zip (what XLSX is), else CSV in UTF-8, UTF-16 or Windows-1252. */
export async function readTable(data: Buffer): Promise<Table> {
  if (data.length === 0) throw invalid('file', 'is empty');
  return isZip(data) ? readXlsx(data) : readCsv(data);
}
