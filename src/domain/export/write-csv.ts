// L-6 CSV: UTF-8 with BOM (so Excel reads Æ Ø Å right), a header row, CRLF lines.
// delimiter ',' writes 1234.50; ';' (what Nordic Excel expects) writes 1234,50.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { labelOf } from './columns.ts';
import { cellText, type ExportSpec } from './cells.ts';

export function writeCsv(spec: ExportSpec, delimiter: ',' | ';'): Readable {
  const decimalComma = delimiter === ';';
  async function* records() {
    yield spec.columns.map((column) => labelOf(column, spec.lang));
    for await (const batch of spec.batches) {
      for (const row of batch) yield spec.columns.map((column) => cellText(column, row[column.key], spec, decimalComma));
    }
  }
  const source = Readable.from(records());
  const csv = stringify({ bom: true, delimiter, record_delimiter: 'windows' });
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}
