// Browser test of the selection summary (L-5, U-2) with several currencies: one line of money per
// currency under the list, the base currency first, never a sum across currencies.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../web/src/i18n/format.ts';
import { TIMEOUT, browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();
const POLL = { timeout: 15_000 };

/** The money lines of one figure of the summary, as shown. */
async function lines(page: Page, stat: string): Promise<string[]> {
  return (await page.locator(`[data-stat="${stat}"] dd [data-currency]`).allTextContents()).map((text) => text.trim());
}

describe('selection summary in the browser', () => {
  it(
    'shows one line per currency for a mixed selection and a single line for one currency',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const id = stamp();
      const company = await api<{ id: number }>('POST', '/api/companies', { name: `Valuta ${id}` });
      const deals = [
        { title: `${id} Vind`, amount: 1000, currency: 'DKK', probability: 50 },
        { title: `${id} Kiel`, amount: 200, currency: 'EUR', probability: 10 },
        { title: `${id} Kiel 2`, amount: 50.5, currency: 'EUR', probability: 20 },
        { title: `${id} Malmö`, amount: 30, currency: 'SEK', probability: 100 },
      ];
      for (const deal of deals) await api('POST', '/api/opportunities', { ...deal, companyId: company.id });

      await page.goto(`${baseUrl}/opportunities?q=${encodeURIComponent(`${id}%`)}`);
      const en = (amount: number, currency: string) => formatMoney(amount, currency, 'en');
      await expect.poll(() => lines(page, 'estimatedRevenue'), POLL).toEqual([en(1000, 'DKK'), en(250.5, 'EUR'), en(30, 'SEK')]);
      expect(await lines(page, 'pipeline')).toEqual([en(500, 'DKK'), en(30.1, 'EUR'), en(30, 'SEK')]);
      expect(await lines(page, 'largest')).toEqual([en(1000, 'DKK'), en(200, 'EUR'), en(30, 'SEK')]);
      expect(await page.locator('[data-stat="open"] dd').textContent()).toBe('4');
      await page.getByText('Amounts in different currencies are summed separately').waitFor();

      // one currency: one line, no note
      await page.goto(`${baseUrl}/opportunities?q=${encodeURIComponent(`${id} Kiel%`)}`);
      await expect.poll(() => lines(page, 'estimatedRevenue'), POLL).toEqual([en(250.5, 'EUR')]);
      expect(await page.getByText('Amounts in different currencies are summed separately').count()).toBe(0);
    },
    TIMEOUT,
  );
});
