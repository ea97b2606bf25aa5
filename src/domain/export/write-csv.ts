// L-6 CSV: UTF-8 with BOM (so Excel reads Æ Ø Å right), a header row, CRLF lines.
// delimiter ',' writes 1234.50; ';' (what Nordic Excel expects) writes 1234,50.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { labelOf, type Column } from './columns.ts';
import { cellText, type ExportSpec } from './cells.ts';

/** What a spreadsheet would run as a formula (OWASP CSV injection): = + - @, tab and CR first. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

/**
 * The cell as CSV text, with a leading `'` where a spreadsheet would read a formula. Money and
 * integer cells that are plain numbers are left as they are: we wrote them from a number, so
 * "-1234,50" is a negative amount that Excel must keep summing, not text and not a formula.
 */
export function csvCell(column: Column, text: string): string {
  if ((column.type === 'money' || column.type === 'integer') && PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function writeCsv(spec: ExportSpec, delimiter: ',' | ';'): Readable {
  const decimalComma = delimiter === ';';
  async function* records() {
    yield spec.columns.map((column) => labelOf(column, spec.lang));
    for await (const batch of spec.batches) {
      for (const row of batch) yield spec.columns.map((column) => csvCell(column, cellText(column, row[column.key], spec, decimalComma)));
    }
  }
  const source = Readable.from(records());
  // a bare LF or CR is quoted too: csv-stringify only quotes the record delimiter (CRLF), and an
  // unquoted LF splits the record in two for every reader
  const csv = stringify({ bom: true, delimiter, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}
