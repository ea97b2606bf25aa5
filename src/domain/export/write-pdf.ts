// L-6 PDF: a landscape table that repeats its header on every page and ends with totals (count and
// the sums of the columns marked `total`, one line per currency), written page by page as the rows arrive.
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { labelOf, type Lang } from './columns.ts';
import { cellText, type ExportSpec } from './cells.ts';
import { currencyOrder } from '../opportunities/summary.ts';

const LOCALES: Record<Lang, string> = { en: 'en-GB', da: 'da-DK', nb: 'nb-NO', sv: 'sv-SE' };
const TOTAL_WORDS: Record<Lang, [string, string]> = { en: ['Count', 'Total'], da: ['Antal', 'I alt'], nb: ['Antall', 'Totalt'], sv: ['Antal', 'Totalt'] };
const FONT_SIZE = 7.5;
const ROW = 13;
const MARGIN = 28;

/** Standard PDF fonts speak WinAnsi: use the plain no-break space and minus that it has. */
const winAnsi = (text: string) => text.replace(/[\u202f\u2009]/g, '\u00a0').replace(/\u2212/g, '-');

export function writePdf(spec: ExportSpec, options: { compress?: boolean } = {}): Readable {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, compress: options.compress ?? true, info: { Title: spec.title } });
  const money = new Intl.NumberFormat(LOCALES[spec.lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(LOCALES[spec.lang]);
  const pageWidth = doc.page.width - 2 * MARGIN;
  const weights = spec.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = spec.columns.map((column) => (column.width / weights) * pageWidth);
  const bottom = doc.page.height - MARGIN - ROW;
  let y = MARGIN;

  const fit = (text: string, width: number) => {
    if (doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, Math.max(1, Math.floor(cut.length * 0.8)));
    return `${cut}…`;
  };
  const line = (cells: string[], bold: boolean, right: boolean[]) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    let x = MARGIN;
    cells.forEach((text, i) => {
      const width = (widths[i] ?? 0) - 4;
      doc.text(fit(winAnsi(text), width), x + 2, y + 3, { width, align: right[i] ? 'right' : 'left', lineBreak: false });
      x += widths[i] ?? 0;
    });
    y += ROW;
  };
  const numeric = spec.columns.map((column) => column.type === 'money' || column.type === 'integer');
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(11).text(winAnsi(spec.title), MARGIN, MARGIN, { lineBreak: false });
    y = MARGIN + 20;
    line(spec.columns.map((column) => labelOf(column, spec.lang)), true, numeric);
    doc.moveTo(MARGIN, y).lineTo(MARGIN + pageWidth, y).lineWidth(0.5).stroke();
  };
  // sums per currency: amounts in different currencies are never added together ('' for rows without one)
  const totals = new Map<string, number[]>();
  const summed = spec.columns.some((column) => column.total);
  let rows = 0;

  const write = async () => {
    header();
    for await (const batch of spec.batches) {
      for (const row of batch) {
        if (y > bottom) {
          doc.addPage();
          header();
        }
        rows += 1;
        const currency = summed && typeof row.currency === 'string' ? row.currency : '';
        const sums = totals.get(currency) ?? spec.columns.map(() => 0);
        totals.set(currency, sums);
        spec.columns.forEach((column, i) => {
          if (column.total) sums[i] = (sums[i] ?? 0) + Number(row[column.key] ?? 0);
        });
        line(spec.columns.map((column) => (column.type === 'money' && row[column.key] != null ? money.format(Number(row[column.key])) : cellText(column, row[column.key], spec))), false, numeric);
      }
      // pdfkit pushes without waiting for the reader: let a slow reader catch up before the next batch
      while (doc.readableLength > 4 * 1024 * 1024) await new Promise((resume) => setTimeout(resume, 10));
    }
    const currencies = [...totals.keys()].sort(currencyOrder(spec.baseCurrency ?? ''));
    if (currencies.length === 0) currencies.push('');
    if (y > bottom - ROW * currencies.length) {
      doc.addPage();
      header();
    }
    doc.moveTo(MARGIN, y).lineTo(MARGIN + pageWidth, y).lineWidth(0.5).stroke();
    const [countWord, totalWord] = TOTAL_WORDS[spec.lang];
    currencies.forEach((currency, n) => {
      const sums = totals.get(currency) ?? [];
      const summary = spec.columns.map((column, i) => (column.total ? money.format(Math.round((sums[i] ?? 0) * 100) / 100) : ''));
      const label = currency ? `${totalWord} ${currency}` : totalWord;
      const counted = n === 0 ? `${countWord}: ${count.format(rows)}` : '';
      // the label names the currency of its line; beside the count when the second column has a sum
      summary[0] = counted;
      if (summary.length > 1 && summary[1] === '') summary[1] = label;
      else summary[0] = counted ? `${counted} ${label}` : label;
      line(summary, true, numeric.map((isNumber, i) => isNumber && i > 0));
    });
    doc.end();
  };
  write().catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}
