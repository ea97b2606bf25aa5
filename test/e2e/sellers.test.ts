// Browser test of the commission split (O-18, O-20): three sellers share 33.34 / 33.33 / 33.33;
// changing one share changes no other and shows the warning with the sum.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TIMEOUT, browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();

async function addSeller(page: Page, name: string) {
  const picker = page.getByRole('combobox', { name: 'Add seller' });
  await picker.click();
  await picker.fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

describe('commission split in the browser', () => {
  it(
    'splits between three sellers and warns with the sum when one share changes',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const id = stamp();

      const berit = `Berit Berg ${id}`;
      const carl = `Carl Carlsen ${id}`;
      await api('POST', '/api/users', { name: berit, email: `berit.${id}@example.com`, password: `Pa55word-${id}-long`, role: 'seller' });
      await api('POST', '/api/users', { name: carl, email: `carl.${id}@example.com`, password: `Pa55word-${id}-long`, role: 'seller' });
      const company = await api<{ id: number }>('POST', '/api/companies', { name: `Sellers Test ${id}` });
      const opportunity = await api<{ id: number }>('POST', '/api/opportunities', {
        title: `Shared deal ${id}`,
        companyId: company.id,
        amount: 300000,
      });

      await page.goto(`${baseUrl}/opportunities/${opportunity.id}?tab=sellers`);
      const share = (name: string) => page.getByRole('textbox', { name: `Share of ${name}` });
      const sum = page.locator('[data-field="share-sum"]');
      await share('Administrator').waitFor();
      expect(await share('Administrator').inputValue()).toBe('100.00 %');

      await addSeller(page, berit);
      await expect.poll(() => share(berit).inputValue()).toBe('50.00 %');
      await addSeller(page, carl);
      await expect.poll(() => share(carl).inputValue()).toBe('33.33 %');
      // the remainder cent goes to the earliest seller
      expect(await share('Administrator').inputValue()).toBe('33.34 %');
      expect(await share(berit).inputValue()).toBe('33.33 %');
      expect(await sum.textContent()).toBe('Sum of shares: 100%');
      expect(await page.locator('[data-field="share-warning"]').count()).toBe(0);

      // change one share: no other share moves, and the warning tells the sum
      await share(carl).fill('20');
      await share(carl).press('Enter');
      const warning = page.locator('[data-field="share-warning"]');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('86.67%');
      await expect.poll(() => sum.textContent()).toBe('Sum of shares: 86.67%');
      expect(await share(carl).inputValue()).toBe('20.00 %');
      expect(await share('Administrator').inputValue()).toBe('33.34 %');
      expect(await share(berit).inputValue()).toBe('33.33 %');

      const saved = await api<{ sellers: { name: string; share: number }[]; sum: number; warning: string | null }>(
        'GET',
        `/api/opportunities/${opportunity.id}/sellers`,
      );
      expect(saved.sellers.map((s) => s.share)).toEqual([33.34, 33.33, 20]);
      expect(saved.sum).toBe(86.67);
      expect(saved.warning).not.toBeNull();
    },
    TIMEOUT,
  );
});
