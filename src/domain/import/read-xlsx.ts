// L-7: reads the first worksheet of an XLSX file row by row with exceljs' streaming reader, never
// holding the sheet: a 20 MB workbook is ~10 M cells, which loaded whole took gigabytes of heap and
// a minute of the event loop. The zip's table of contents is read first: it says how large the
// parts are unpacked (refused beyond the caps before any work), and lets the shared strings be
// handed to the reader before the sheet, so exceljs never spools the sheet to a temp file (Excel
// itself writes the sheet first).
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { constants, inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { AppError, invalid } from '../errors.ts';
import type { Table } from './parse-file.ts';

/** What one import may hold; `null` (the CLI's own process) reads any size. */
export type XlsxLimits = {
  /** Rows × columns of the sheet, blank rows between them included. */
  maxCells: number;
  /** Unpacked bytes of the shared strings, which are kept in memory while the sheet is read. */
  maxSharedStringBytes: number;
  /** Unpacked bytes of the worksheet part (its XML, read as it streams). */
  maxSheetBytes: number;
};

export const XLSX_LIMITS: XlsxLimits = { maxCells: 5_000_000, maxSharedStringBytes: 64 * 1024 * 1024, maxSheetBytes: 1024 * 1024 * 1024 };

/** Rows of the sheet handed on at a time, and how long reading may hold the event loop. */
const XLSX_CHUNK = 1000;
const HOLD_MS = 10;
/** Excel's own limit; a cell reference beyond it is not a spreadsheet's. */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

const notXlsx = () => invalid('file', 'is not a readable XLSX workbook');
const tooLarge = (what: string) =>
  new AppError('PAYLOAD_TOO_LARGE', `The file ${what}; split it, or import it with \`trakt import\``, { fields: { file: what } });

/** An XLSX cell as text: dates as YYYY-MM-DD (or with time), numbers with a decimal comma. */
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

/** Reads byte ranges of the file, in memory or on disk. */
type Source = { size: number; read(from: number, length: number): Promise<Buffer>; close(): Promise<void>; failure?: unknown };

async function sourceOf(input: Buffer | { path: string }): Promise<Source> {
  if (Buffer.isBuffer(input))
    return { size: input.length, read: async (from, length) => input.subarray(from, from + length), close: async () => {} };
  const handle: FileHandle = await open(input.path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(from, length) {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, from);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

type Entry = { name: string; offset: number; unpacked: number };

/** The zip's central directory: each part's name, where its local header is, and its unpacked size (ZIP64 too). */
async function entriesOf(source: Source): Promise<{ entries: Entry[]; directoryAt: number }> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0 && end < 0; at--) if (tail.readUInt32LE(at) === 0x06054b50) end = at;
  if (end < 0) throw notXlsx();
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryAt = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryAt === 0xffffffff) {
    // ZIP64: the locator just before the end record points at the ZIP64 end record
    if (end < 20 || tail.readUInt32LE(end - 20) !== 0x07064b50) throw notXlsx();
    const record = await source.read(Number(tail.readBigUInt64LE(end - 12)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) throw notXlsx();
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryAt = Number(record.readBigUInt64LE(48));
  }
  if (directoryAt + directorySize > source.size || count > 100_000) throw notXlsx();
  const directory = await source.read(directoryAt, directorySize);
  const entries: Entry[] = [];
  for (let at = 0, n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    let unpacked = directory.readUInt32LE(at + 24);
    const packed = directory.readUInt32LE(at + 20);
    let offset = directory.readUInt32LE(at + 42);
    // ZIP64 extra field: the 8-byte values of the fields set to 0xffffffff, in this order
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = directory.readUInt16LE(x);
      const length = directory.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let field = x + 4;
        if (unpacked === 0xffffffff) ((unpacked = Number(directory.readBigUInt64LE(field))), (field += 8));
        if (packed === 0xffffffff) field += 8;
        if (offset === 0xffffffff) offset = Number(directory.readBigUInt64LE(field));
      }
      x += 4 + length;
    }
    entries.push({ name, offset, unpacked });
    at += 46 + nameLength + extraLength + directory.readUInt16LE(at + 32);
  }
  return { entries, directoryAt };
}

const isSheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
/** The parts the reader needs, in the order it needs them: shared strings before any sheet. */
const PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * The zip again, with only the parts the reader needs and the shared strings before the sheets.
 * Each part's local header and compressed bytes are passed on as they are (a streaming zip reader
 * reads the local headers only); the central directory follows unchanged to end the stream.
 */
async function* reordered(source: Source, entries: Entry[], directoryAt: number): AsyncGenerator<Buffer> {
  const starts = [...new Set(entries.map((e) => e.offset)), directoryAt].sort((a, b) => a - b);
  const endOf = (offset: number) => starts[starts.indexOf(offset) + 1] ?? directoryAt;
  const wanted = [
    ...PARTS.flatMap((name) => entries.filter((e) => e.name === name)),
    ...entries.filter((e) => isSheet(e.name)).sort((a, b) => a.offset - b.offset),
  ];
  const SLICE = 1 << 20;
  try {
    for (const entry of [...wanted, { offset: directoryAt, end: source.size }]) {
      const end = 'end' in entry ? entry.end : endOf(entry.offset);
      for (let from = entry.offset; from < end; from += SLICE) yield await source.read(from, Math.min(SLICE, end - from));
    }
  } catch (error) {
    // the zip reader, finding the stream cut short, fails; the reading of the rows then throws this
    source.failure = error;
  }
}

const letEventLoopIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The first worksheet as a table, read as the rows come. With `limits`, a sheet larger than them
 * is refused with 413 naming `file`: its parts' sizes before reading, its cells while reading.
 */
export async function readXlsx(input: Buffer | { path: string }, limits: XlsxLimits | null = null): Promise<Table> {
  const source = await sourceOf(input);
  let iterator: AsyncGenerator<string[][]> | null = null;
  try {
    const { entries, directoryAt } = await entriesOf(source);
    const sheets = entries.filter((e) => isSheet(e.name));
    if (!sheets.length) throw notXlsx();
    if (limits) {
      const strings = entries.find((e) => e.name === 'xl/sharedStrings.xml')?.unpacked ?? 0;
      if (strings > limits.maxSharedStringBytes) throw tooLarge(`holds more than ${limits.maxSharedStringBytes / 1024 / 1024} MB of text`);
      if (sheets.some((sheet) => sheet.unpacked > limits.maxSheetBytes))
        throw tooLarge(`has a worksheet larger than ${limits.maxSheetBytes / 1024 / 1024} MB unpacked`);
    }
    // loaded for an XLSX file only: a third of a second of start-up a CSV import does not need
    const { default: Excel } = await import('exceljs');
    const input = Readable.from(reordered(source, entries, directoryAt));
    input.on('error', () => {}); // reordered() ends the stream on a read error instead; this is for the destroy below
    const close = async () => {
      input.destroy();
      await source.close();
    };
    const reader = new Excel.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'emit',
      hyperlinks: 'ignore',
      styles: 'cache', // the number formats that make a number a date
      entries: 'ignore',
    });
    const found: Found = { headerRow: 0 };
    iterator = rowsOf(reader, limits, close, found);
    const failed = (error: unknown): never => {
      if (error instanceof AppError) throw error;
      if (source.failure) throw source.failure;
      // anything the zip or XML reader throws means the file is not a workbook
      throw notXlsx();
    };
    const first = await iterator.next().catch(failed);
    if (first.done || !first.value[0]) throw invalid('file', 'has no rows');
    const [header, ...rest] = first.value as [string[], ...string[][]];
    const records = iterator;
    async function* all() {
      if (rest.length) yield rest;
      try {
        for (;;) {
          const next = await records.next().catch(failed);
          if (next.done) return;
          yield next.value;
        }
      } finally {
        await records.return(undefined);
      }
    }
    const rows = (await dimensionRows(source, sheets[0]!)) ?? Math.round(sheets[0]!.unpacked / (40 * Math.max(1, header.length) + 30));
    return {
      headers: header,
      firstRow: found.headerRow + 1,
      records: all(),
      estimatedRows: Math.max(0, rows - found.headerRow),
      close: async () => void (await records.return(undefined)),
    };
  } catch (error) {
    await (iterator ? iterator.return(undefined) : source.close());
    throw error;
  }
}

/**
 * The last row the sheet says it uses (`<dimension ref="A1:J20001"/>`, near its start), for the
 * progress bar's total: the first 64 kB of the part unpacked. Without it, the total is guessed from
 * the part's size at ~40 bytes a cell (`<c r="B12" t="s"><v>7</v></c>`).
 */
async function dimensionRows(source: Source, sheet: Entry): Promise<number | null> {
  const header = await source.read(sheet.offset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return null;
  const start = sheet.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const packed = await source.read(start, 64 * 1024);
  try {
    const method = header.readUInt16LE(8);
    const head =
      method === 0
        ? packed
        : method === 8
          ? inflateRawSync(packed, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 256 * 1024 })
          : null;
    const rows = head && /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head.toString('utf8', 0, Math.min(head.length, 64 * 1024)))?.[1];
    return rows ? Number(rows) : null;
  } catch {
    return null; // a guess then
  }
}

/** What the reader has beyond its typings: its shared-string cache, the workbook's sheet list, and parse()'s events. */
type Reader = {
  sharedStrings?: unknown[];
  model?: { sheets?: { id: number }[] };
  parse(): AsyncIterable<{ eventType?: string; value?: unknown; index?: number; text?: unknown }>;
};

/** Where the header row is, learnt as the sheet is read. */
type Found = { headerRow: number };

/**
 * Rows of the first worksheet as text cells, in chunks, from its header row (the first row in the
 * file) on. Shared strings are emitted by exceljs and collected here, so their size is counted as
 * they come; the same array is the reader's cache, which the worksheet reads its cells from.
 */
async function* rowsOf(workbook: unknown, limits: XlsxLimits | null, close: () => Promise<void>, found: Found): AsyncGenerator<string[][]> {
  const reader = workbook as Reader;
  const strings: unknown[] = [];
  reader.sharedStrings = strings;
  let stringChars = 0;
  let cells = 0;
  let width = 0;
  let read = false;
  let heldSince = performance.now();
  const count = (n: number) => {
    cells += n;
    if (limits && cells > limits.maxCells) throw tooLarge(`has more than ${limits.maxCells.toLocaleString('en')} cells (rows × columns)`);
  };
  try {
    for await (const event of reader.parse()) {
      if (event.index !== undefined) {
        // a shared string: exceljs emits it as {index, text} rather than as an event
        strings[event.index] = event.text;
        stringChars += typeof event.text === 'string' ? event.text.length : JSON.stringify(event.text ?? '').length;
        if (limits && stringChars > limits.maxSharedStringBytes)
          throw tooLarge(`holds more than ${limits.maxSharedStringBytes / 1024 / 1024} MB of text`);
        continue;
      }
      if (event.eventType !== 'worksheet' || read) continue;
      const sheet = event.value as { id: number } & AsyncIterable<ExcelJS.Row>;
      // the first sheet of the workbook, which need not be the first part of the zip
      const firstId = reader.model?.sheets?.[0]?.id;
      if (firstId !== undefined && sheet.id !== firstId) continue;
      read = true;
      let chunk: string[][] = [];
      let next = 0;
      for await (const row of sheet) {
        if (!Number.isInteger(row.number) || row.number < next || row.number > MAX_ROWS) throw notXlsx();
        if (row.cellCount > MAX_COLUMNS) throw invalid('file', `has a cell beyond column ${MAX_COLUMNS} (row ${row.number})`);
        if (next === 0) [found.headerRow, next, width] = [row.number, row.number, row.cellCount];
        // rows left out of the file are blank rows: they keep the row numbers the spreadsheet shows
        for (; next < row.number; next++) {
          count(width);
          chunk.push([]);
          if (chunk.length >= XLSX_CHUNK) {
            yield chunk;
            chunk = [];
          }
        }
        const length = Math.max(width, row.cellCount);
        count(length);
        const values = row.values as ExcelJS.CellValue[];
        const record = new Array<string>(length);
        for (let i = 0; i < length; i++) record[i] = cellString(values[i + 1] ?? null).trim();
        chunk.push(record);
        next = row.number + 1;
        if (chunk.length >= XLSX_CHUNK) {
          yield chunk;
          chunk = [];
        }
        // parsing runs on the HTTP thread: other requests get their turn every few milliseconds
        if (performance.now() - heldSince > HOLD_MS) {
          await letEventLoopIn();
          heldSince = performance.now();
        }
      }
      if (chunk.length) yield chunk;
    }
  } finally {
    await close();
  }
}
