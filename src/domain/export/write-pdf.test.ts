// L-6 PDF totals: the sums of amount and weighted value per currency, never added across currencies.
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/helpers/pdf-text.ts';
import { COLUMNS } from './columns.ts';
import type { ExportSpec } from './cells.ts';
import { writePdf } from './write-pdf.ts';

const columns = ['number', 'title', 'amount', 'currency', 'weightedAmount'].map((key) => COLUMNS.opportunities.find((c) => c.key === key)!);

async function pdf(rows: Record<string, unknown>[], more: Partial<ExportSpec> = {}): Promise<string[]> {
  async function* batches() {
    yield rows;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of writePdf({ columns, lang: 'da', batches: batches(), timeZone: 'Europe/Copenhagen', title: 'Test', ...more })) chunks.push(chunk as Buffer);
  return pdfText(Buffer.concat(chunks)).split('\n');
}

const deal = (number: number, amount: number | null, currency: string, weightedAmount: number) => ({ number, title: `Deal ${number}`, amount, currency, weightedAmount });

describe('PDF totals per currency (L-6)', () => {
  it('sums each currency on its own line, the base currency first, the count once', async () => {
    const text = await pdf([deal(1, 1000, 'SEK', 500), deal(2, 200, 'EUR', 100), deal(3, 2500.5, 'DKK', 250.05), deal(4, null, 'EUR', 0), deal(5, 30, 'DKK', 3)], { baseCurrency: 'DKK' });
    const end = text.indexOf('Antal: 5');
    expect(end).toBeGreaterThan(0);
    expect(text.slice(end)).toEqual(['Antal: 5', 'I alt DKK', '2.530,50', '253,05', 'I alt EUR', '200,00', '100,00', 'I alt SEK', '1.000,00', '500,00']);
  });

  it('keeps one totals line for a single currency and for an empty selection', async () => {
    const one = await pdf([deal(1, 1000, 'NOK', 500), deal(2, 24, 'NOK', 6)], { lang: 'nb', baseCurrency: 'DKK' });
    // Norwegian groups thousands with a no-break space
    expect(one.slice(one.indexOf('Antall: 2'))).toEqual(['Antall: 2', 'Totalt NOK', '1\u00a0024,00', '506,00']);
    const none = await pdf([], { baseCurrency: 'DKK' });
    expect(none.slice(none.indexOf('Antal: 0'))).toEqual(['Antal: 0', 'I alt', '0,00', '0,00']);
  });
});
