// L-6 PDF: a landscape table that repeats its header on every page and ends with totals (count and
// the sums of the columns marked `total`, one line per currency), written page by page as the rows arrive.
// DejaVu Sans is embedded (a subset of the glyphs used), so Ł, Ø, Ő and the minus sign print as
// themselves; pdfkit's standard fonts only know WinAnsi.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { labelOf, type Lang } from './columns.ts';
import { cellText, type ExportSpec } from './cells.ts';
import { pageNumbers } from './pdf-page-numbers.ts';
import { currencyOrder } from '../opportunities/summary.ts';

const LOCALES: Record<Lang, string> = { en: 'en-GB', da: 'da-DK', nb: 'nb-NO', sv: 'sv-SE' };
const TOTAL_WORDS: Record<Lang, [string, string]> = {
  en: ['Count', 'Total'],
  da: ['Antal', 'I alt'],
  nb: ['Antall', 'Totalt'],
  sv: ['Antal', 'Totalt'],
};
const PAGE_WORD: Record<Lang, string> = { en: 'Page', da: 'Side', nb: 'Side', sv: 'Sida' };
const FILTER_WORDS: Record<Lang, [string, string]> = {
  en: ['Filters', 'none'],
  da: ['Filtre', 'ingen'],
  nb: ['Filtre', 'ingen'],
  sv: ['Filter', 'inga'],
};
export const FONT_SIZE = 7.5;
/** Headings shrink to this size before a word of theirs is broken. */
const MIN_HEADING_SIZE = 5;
/** A cell shows at most this many lines (a long note ends in …), so a row never outgrows a page. */
const MAX_LINES = 6;
const PAD_X = 2;
const PAD_Y = 2.5;
const MARGIN = 28;

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The font files, read once per process. */
const fontFiles = () =>
  (fonts ??= { regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')), bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')) });

type Doc = PDFKit.PDFDocument;
type Cell = { text: string; size?: number };

/** The font size of a heading: the normal size, or smaller until its longest word fits the column. */
export function headingSize(doc: Doc, label: string, width: number): number {
  doc.font('bold').fontSize(FONT_SIZE);
  const widest = Math.max(...label.split(/\s+/).map((word) => doc.widthOfString(word)));
  if (widest <= width) return FONT_SIZE;
  return Math.max(MIN_HEADING_SIZE, Math.floor(((FONT_SIZE * width) / widest) * 10) / 10);
}

/**
 * Column widths by the columns' weights, but at least what the longest word of each heading needs
 * at MIN_HEADING_SIZE, taken from the other columns (so "Sandsynlighed %" shrinks, never breaks).
 */
export function columnWidths(doc: Doc, labels: string[], weights: number[], total: number): number[] {
  doc.font('bold').fontSize(MIN_HEADING_SIZE);
  const least = labels.map((label) => Math.max(...label.split(/\s+/).map((word) => doc.widthOfString(word))) + 2 * PAD_X + 0.5);
  if (least.reduce((sum, width) => sum + width, 0) > total)
    return weights.map((weight) => (weight / weights.reduce((a, b) => a + b, 0)) * total);
  const fixed = new Set<number>();
  for (;;) {
    const left = total - [...fixed].reduce((sum, i) => sum + (least[i] ?? 0), 0);
    const weight = weights.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? (least[i] ?? 0) : (w / weight) * left));
    const short = widths.findIndex((width, i) => !fixed.has(i) && width < (least[i] ?? 0));
    if (short < 0) return widths;
    fixed.add(short);
  }
}

/** The height of a cell's text wrapped in `width`, at most MAX_LINES lines. */
function cellHeight(doc: Doc, cell: Cell, width: number, bold: boolean): number {
  if (!cell.text) return 0;
  doc.font(bold ? 'bold' : 'regular').fontSize(cell.size ?? FONT_SIZE);
  // most cells fit on one line: measuring the width is much cheaper than wrapping
  if (!cell.text.includes('\n') && doc.widthOfString(cell.text) <= width) return doc.currentLineHeight(true);
  return Math.min(doc.heightOfString(cell.text, { width }), MAX_LINES * doc.currentLineHeight(true));
}

/** The widths of a totals line: a left-aligned label runs on over the empty cells to its right. */
export function spanEmpty(cells: Cell[], widths: number[], right: boolean[]): number[] {
  return cells.map((cell, i) => {
    let width = widths[i] ?? 0;
    if (!cell.text || right[i]) return width;
    for (let j = i + 1; j < cells.length && !cells[j]?.text; j += 1) width += widths[j] ?? 0;
    return width;
  });
}

/** The height of a table row: its tallest cell, wrapped in its column, with the padding. */
export function rowHeight(doc: Doc, cells: Cell[], widths: number[], bold = false): number {
  const tallest = Math.max(FONT_SIZE, ...cells.map((cell, i) => cellHeight(doc, cell, (widths[i] ?? 0) - 2 * PAD_X, bold)));
  return Math.ceil((tallest + 2 * PAD_Y) * 10) / 10;
}

export function writePdf(spec: ExportSpec, options: { compress?: boolean } = {}): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: spec.title },
  });
  doc.registerFont('regular', fontFiles().regular);
  doc.registerFont('bold', fontFiles().bold);
  const money = new Intl.NumberFormat(LOCALES[spec.lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(LOCALES[spec.lang]);
  const pageWidth = doc.page.width - 2 * MARGIN;
  const labels = spec.columns.map((column) => labelOf(column, spec.lang));
  const widths = columnWidths(
    doc,
    labels,
    spec.columns.map((column) => column.width),
    pageWidth,
  );
  const bottom = doc.page.height - MARGIN;
  const numbers = pageNumbers(doc, {
    font: 'regular',
    size: 7,
    word: PAGE_WORD[spec.lang],
    right: MARGIN + pageWidth,
    baseline: MARGIN / 2,
  });
  let y = MARGIN;

  const draw = (cells: Cell[], bold: boolean, right: boolean[], height = rowHeight(doc, cells, widths, bold), boxes = widths) => {
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const width = (boxes[i] ?? 0) - 2 * PAD_X;
      if (cell.text) {
        doc.font(bold ? 'bold' : 'regular').fontSize(cell.size ?? FONT_SIZE);
        // the box is the row's height, so a text cut at MAX_LINES ends in … instead of running on
        doc.text(cell.text, x + PAD_X, y + PAD_Y, { width, height: height - PAD_Y, ellipsis: true, align: right[i] ? 'right' : 'left' });
      }
      x += widths[i] ?? 0;
    });
    y += height;
  };
  const numeric = spec.columns.map((column) => column.type === 'money' || column.type === 'integer');
  const headings: Cell[] = labels.map((text, i) => ({ text, size: headingSize(doc, text, (widths[i] ?? 0) - 2 * PAD_X) }));
  const rule = () =>
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + pageWidth, y)
      .lineWidth(0.5)
      .stroke();
  let pages = 0;
  const header = () => {
    pages += 1;
    numbers.onPage();
    doc.font('bold').fontSize(11);
    doc.text(spec.title, MARGIN, MARGIN, { width: pageWidth });
    y = MARGIN + doc.heightOfString(spec.title, { width: pageWidth }) + 4;
    if (pages === 1) {
      const [word, none] = FILTER_WORDS[spec.lang];
      const filters = `${word}: ${spec.filters?.length ? spec.filters.join(' · ') : none}`;
      doc.font('regular').fontSize(FONT_SIZE);
      const height = Math.min(doc.heightOfString(filters, { width: pageWidth }), 4 * doc.currentLineHeight(true));
      doc.text(filters, MARGIN, y, { width: pageWidth, height, ellipsis: true });
      y += height + 4;
    }
    draw(headings, true, numeric);
    rule();
  };
  const fits = (height: number) => y + height <= bottom;
  // sums per currency: amounts in different currencies are never added together ('' for rows without one)
  const totals = new Map<string, number[]>();
  const summed = spec.columns.some((column) => column.total);
  let rows = 0;

  const write = async () => {
    header();
    for await (const batch of spec.batches) {
      for (const row of batch) {
        const cells = spec.columns.map((column) => ({
          text:
            column.type === 'money' && row[column.key] != null
              ? money.format(Number(row[column.key]))
              : cellText(column, row[column.key], spec),
        }));
        const height = rowHeight(doc, cells, widths);
        if (!fits(height)) {
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
        draw(cells, false, numeric, height);
      }
      // pdfkit pushes without waiting for the reader: let a slow reader catch up before the next batch
      while (doc.readableLength > 4 * 1024 * 1024) await new Promise((resume) => setTimeout(resume, 10));
    }
    const currencies = [...totals.keys()].sort(currencyOrder(spec.baseCurrency ?? ''));
    if (currencies.length === 0) currencies.push('');
    const [countWord, totalWord] = TOTAL_WORDS[spec.lang];
    // the count on a line of its own, then one line per currency named in the first column without a sum
    const labelAt = Math.max(
      0,
      spec.columns.findIndex((column) => !column.total),
    );
    const lines = [
      spec.columns.map((_, i) => ({ text: i === 0 ? `${countWord}: ${count.format(rows)}` : '' })),
      ...currencies.map((currency) => {
        const sums = totals.get(currency) ?? [];
        const summary = spec.columns.map((column, i) => (column.total ? money.format(Math.round((sums[i] ?? 0) * 100) / 100) : ''));
        summary[labelAt] = currency ? `${totalWord} ${currency}` : totalWord;
        return summary.map((text) => ({ text }));
      }),
    ];
    const right = numeric.map((isNumber, i) => isNumber && i > 0);
    if (!fits(lines.reduce((sum, cells) => sum + rowHeight(doc, cells, spanEmpty(cells, widths, right), true), 0))) {
      doc.addPage();
      header();
    }
    rule();
    for (const cells of lines) {
      const boxes = spanEmpty(cells, widths, right);
      draw(cells, true, right, rowHeight(doc, cells, boxes, true), boxes);
    }
    numbers.finish();
    doc.end();
  };
  write().catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}
