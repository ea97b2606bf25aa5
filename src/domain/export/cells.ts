// How one value of a column is written: as text for CSV and PDF, as a typed cell for XLSX.
import { wordOf, type Column, type Lang } from './columns.ts';

export type ExportSpec = {
  columns: Column[];
  lang: Lang;
  /** The selection in batches (keyset pages), so only one batch is ever in memory. */
  batches: AsyncIterable<Record<string, unknown>[]> | Iterable<Record<string, unknown>[]>;
  /** Timestamps are written as wall-clock time of this zone. */
  timeZone: string;
  title: string;
  /** The filters of the selection in words, in `lang` (the PDF prints them under the title). */
  filters?: string[];
  /** The PDF's totals have one line per currency of the rows (`currency`), this one first. */
  baseCurrency?: string;
};

const wallClock = new Map<string, Intl.DateTimeFormat>();

/** An ISO timestamp as 'YYYY-MM-DD HH:MM' on the wall clock of `timeZone`. */
export function localTime(iso: string, timeZone: string): string {
  let format = wallClock.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClock.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A value read from the database as text: strings as they are, numbers, booleans and dates as JavaScript writes them. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date) return String(value);
  return JSON.stringify(value);
}

/** The cell as text; `decimalComma` for the semicolon CSV that Nordic Excel reads. */
export function cellText(column: Column, value: unknown, spec: { lang: Lang; timeZone: string }, decimalComma = false): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.type) {
    case 'money': {
      const text = Number(value).toFixed(2);
      return decimalComma ? text.replace('.', ',') : text;
    }
    case 'integer':
      return plainText(value);
    case 'timestamp':
      return localTime(plainText(value), spec.timeZone);
    case 'boolean':
    case 'status':
      return wordOf(column.type, value, spec.lang);
    default:
      return plainText(value);
  }
}

/** The cell for XLSX: numbers stay numbers, dates become Date (UTC midnight, what Excel shows as that day). */
export function cellValue(column: Column, value: unknown, spec: { lang: Lang; timeZone: string }): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'money':
    case 'integer':
      return Number(value);
    case 'date':
      return new Date(`${plainText(value)}T00:00:00Z`);
    case 'timestamp':
      return new Date(`${localTime(plainText(value), spec.timeZone).replace(' ', 'T')}:00Z`);
    default:
      return cellText(column, value, spec);
  }
}
