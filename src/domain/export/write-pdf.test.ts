// L-6 PDF totals: the sums of amount and weighted value per currency, never added across currencies.
import { describe, expect, it } from 'vitest';
import { pdfText, pdfTextItems } from '../../../test/helpers/pdf-text.ts';
import { COLUMNS, labelOf } from './columns.ts';
import type { ExportSpec } from './cells.ts';
import { writePdf } from './write-pdf.ts';

const columns = ['number', 'title', 'amount', 'currency', 'weightedAmount'].map((key) => COLUMNS.opportunities.find((c) => c.key === key)!);

async function pdfFile(rows: Record<string, unknown>[], more: Partial<ExportSpec> = {}): Promise<Buffer> {
  function* batches() {
    yield rows;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of writePdf({ columns, lang: 'da', batches: batches(), timeZone: 'Europe/Copenhagen', title: 'Test', ...more }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
const pdf = async (rows: Record<string, unknown>[], more: Partial<ExportSpec> = {}) => pdfText(await pdfFile(rows, more)).split('\n');

const deal = (number: number, amount: number | null, currency: string, weightedAmount: number) => ({
  number,
  title: `Deal ${number}`,
  amount,
  currency,
  weightedAmount,
});

describe('PDF totals per currency (L-6)', () => {
  it('sums each currency on its own line, the base currency first, the count once', async () => {
    const text = await pdf(
      [deal(1, 1000, 'SEK', 500), deal(2, 200, 'EUR', 100), deal(3, 2500.5, 'DKK', 250.05), deal(4, null, 'EUR', 0), deal(5, 30, 'DKK', 3)],
      { baseCurrency: 'DKK' },
    );
    const end = text.indexOf('Antal: 5');
    expect(end).toBeGreaterThan(0);
    expect(text.slice(end)).toEqual([
      'Antal: 5',
      'I alt DKK',
      '2.530,50',
      '253,05',
      'I alt EUR',
      '200,00',
      '100,00',
      'I alt SEK',
      '1.000,00',
      '500,00',
    ]);
  });

  it('keeps one totals line for a single currency and for an empty selection', async () => {
    const one = await pdf([deal(1, 1000, 'NOK', 500), deal(2, 24, 'NOK', 6)], { lang: 'nb', baseCurrency: 'DKK' });
    // Norwegian groups thousands with a no-break space
    expect(one.slice(one.indexOf('Antall: 2'))).toEqual(['Antall: 2', 'Totalt NOK', '1\u00a0024,00', '506,00']);
    const none = await pdf([], { baseCurrency: 'DKK' });
    expect(none.slice(none.indexOf('Antal: 0'))).toEqual(['Antal: 0', 'I alt', '0,00', '0,00']);
  });
});

describe('PDF layout (L-6, issue 18)', () => {
  const long =
    'Levering af tre færger til Ærø, Łódź og Göteborg inklusive mandskab, forsikring, havneafgifter, brændstof og et års vedligehold efter aftale med Göran Östlund';

  it('wraps a long title on lines of its own row, above the next row, and loses no word', async () => {
    const file = await pdfFile([deal(1, 10, 'DKK', 1), { ...deal(2, 20, 'DKK', 2), title: long }, deal(3, 30, 'DKK', 3)], {
      filters: ['Status: Åben'],
    });
    const items = pdfTextItems(file).filter((item) => item.page === 1);
    const titleLines = items.filter((item) => long.includes(item.text.trim()) && item.text.trim().length > 3);
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.map((item) => item.text.trim()).join(' ')).toBe(long);
    const next = items.find((item) => item.text === '3');
    const own = items.find((item) => item.text === '2');
    if (!next || !own) throw new Error('rows not found');
    // PDF y grows upwards: every line of row 2 lies below its number's line and above row 3's text
    const lowest = Math.min(...titleLines.map((item) => item.y));
    expect(Math.max(...titleLines.map((item) => item.y))).toBeCloseTo(own.y, 1);
    expect(next.y + next.size).toBeLessThanOrEqual(lowest);
  });

  it('shows every heading whole, even with all the columns on one page', async () => {
    const every = COLUMNS.opportunities;
    const items = pdfTextItems(await pdfFile([], { columns: every, lang: 'da' }));
    const texts = items.map((item) => item.text);
    for (const column of every) {
      for (const word of labelOf(column, 'da').split(' '))
        expect(
          texts.some((text) => text.split(' ').includes(word)),
          word,
        ).toBe(true);
    }
  });

  it("prints Unicode names as they are, the filters and the page numbers in the export's language", async () => {
    const rows = Array.from({ length: 90 }, (_, i) => ({
      ...deal(i + 1, 1, 'SEK', 1),
      title: i === 0 ? 'Łukasz Ærø Göran' : `Affär ${i + 1}`,
    }));
    const lines = await pdf(rows, { lang: 'sv', filters: ['Status: Öppen', 'Belopp ≥ −1 000'] });
    expect(lines).toContain('Łukasz Ærø Göran');
    expect(lines).toContain('Filter: Status: Öppen · Belopp ≥ −1 000');
    expect(lines).toContain('Sida 1 / 3');
    expect(lines).toContain('Sida 3 / 3');
    expect(await pdf([], { lang: 'en' })).toEqual(expect.arrayContaining(['Page 1 / 1', 'Filters: none']));
  });
});
