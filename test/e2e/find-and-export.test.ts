// Browser test of finding, taking out and bringing in (L-2..L-7, U-2): filter the opportunity list
// by amount and a wildcard search, compare the selection summary with the API's, save the filters as
// a shared view and apply it again after a reload, export the selection as XLSX and read the file,
// and import a CSV through the wizard (a dry run with a bad row first, then the fixed file; a large
// file with the server's progress in rows).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../../web/src/i18n/format.ts';
import { TIMEOUT, browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();
// the list follows the URL after a debounce and a request; give a busy machine time
const POLL = { timeout: 15_000 };
const files = mkdtempSync(join(tmpdir(), 'trakt-find-export-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

type Summary = {
  estimatedRevenue: number;
  pipeline: number;
  largest: number | null;
  counts: Record<'won' | 'open' | 'lost' | 'expired', number>;
};
type ListAnswer = { items: { id: number; title: string; amount: number | null }[]; nextCursor: string | null; summary?: Summary };

/** Rows of the list table, without its header row, once it has stopped loading. */
async function tableRows(page: Page, name: string): Promise<number> {
  const table = page.getByRole('table', { name, exact: true });
  await expect.poll(() => table.getAttribute('aria-busy'), POLL).toBeNull();
  return (await table.getByRole('row').count()) - 1;
}

async function stat(page: Page, name: string): Promise<string> {
  return ((await page.locator(`[data-stat="${name}"] dd`).textContent()) ?? '').trim();
}

type Shown = { text: string; value: string | null };

/**
 * Notes from now on every state of the wizard's progress (its text and the bar's value), however
 * briefly it is on screen: a quick machine checks thousands of rows in a fraction of a second.
 */
async function watchProgress(page: Page): Promise<void> {
  // a script, not a function: the test's TypeScript has no DOM types
  await page.evaluate(`(() => {
    const seen = [];
    window.progressSeen = seen;
    new MutationObserver(() => {
      const region = document.querySelector('[aria-live="polite"]');
      if (!region) return;
      const shown = { text: region.textContent ?? '', value: region.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null };
      if (seen.at(-1)?.text !== shown.text || seen.at(-1)?.value !== shown.value) seen.push(shown);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  })()`);
}

const progressSeen = (page: Page) => page.evaluate<Shown[]>('window.progressSeen');

describe('find and export in the browser', () => {
  const id = stamp();
  const search = `${id}%`; // starts with the stamp: only this test's opportunities

  it(
    'filters by amount ≥ and a wildcard search, shows the API summary, saves and reapplies a shared view, exports XLSX',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const company = await api<{ id: number }>('POST', '/api/companies', { name: `Find Export ${id}` });
      const amounts = [10_000, 60_000, 75_000.5, 120_000];
      for (const [i, amount] of amounts.entries()) {
        await api('POST', '/api/opportunities', { title: `${id} Deal ${i + 1}`, companyId: company.id, amount });
      }
      // a big one whose subject only contains the stamp: a starts-with search leaves it out
      await api('POST', '/api/opportunities', { title: `Other ${id} deal`, companyId: company.id, amount: 500_000 });
      // one of the three big ones is won, so the summary has two statuses
      const won = await api<ListAnswer>('GET', `/api/opportunities?q=${encodeURIComponent(`${id} Deal 4`)}`);
      await api('POST', `/api/opportunities/${won.items[0]?.id}/close`, { outcome: 'won', actualAmount: 110_000 });

      await page.goto(`${baseUrl}/opportunities`);
      // the first page has loaded (CI once lost a filter applied while the page was still loading)
      await expect.poll(() => tableRows(page, 'Opportunities'), POLL).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      const amount = page.getByRole('group', { name: 'Amount', exact: true });
      await amount.getByRole('textbox', { name: 'Value for Amount' }).fill('50000');
      await expect.poll(() => amount.getByRole('button', { name: 'Apply' }).isEnabled(), POLL).toBe(true);
      await amount.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL((url) => url.searchParams.get('amount.gte') === '50000');
      await page.getByLabel('Search', { exact: true }).fill(search);
      await page.waitForURL((url) => url.searchParams.get('q') === search);
      await expect.poll(() => tableRows(page, 'Opportunities'), POLL).toBe(3);

      // the filters are chips that can be removed one by one
      const chips = page.getByRole('list', { name: 'Active filters' });
      expect(await chips.getByRole('listitem').allTextContents()).toEqual(['Amount ≥ 50,000', `Free text: ${search}`]);

      // the summary under the list is the API's summary of the same selection
      const answer = await api<ListAnswer>('GET', `/api/opportunities?amount.gte=50000&q=${encodeURIComponent(search)}&summary=true`);
      const summary = answer.summary as Summary;
      expect(summary.counts).toEqual({ won: 1, open: 2, lost: 0, expired: 0 });
      expect(summary.estimatedRevenue).toBe(255_000.5);
      await expect.poll(() => stat(page, 'estimatedRevenue'), POLL).toBe(formatMoney(summary.estimatedRevenue, 'DKK', 'en'));
      expect(await stat(page, 'pipeline')).toBe(formatMoney(summary.pipeline, 'DKK', 'en'));
      expect(await stat(page, 'largest')).toBe(formatMoney(summary.largest, 'DKK', 'en'));
      for (const status of ['won', 'open', 'lost', 'expired'] as const) {
        expect(await stat(page, status)).toBe(formatNumber(summary.counts[status], 'en', 0));
      }

      // save the filters as a shared view, and apply it again after a reload
      await page.getByRole('button', { name: 'Saved views' }).click();
      await page.getByRole('menuitem', { name: 'Save current view as…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save view' });
      await dialog.getByRole('textbox', { name: 'Name of the view' }).fill(`Big ${id}`);
      await dialog.getByRole('checkbox', { name: 'Share with the team' }).check();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const views = await api<{ items: { id: number; name: string; shared: boolean; query: Record<string, string> }[] }>(
        'GET',
        '/api/views?resource=opportunities',
      );
      const view = views.items.find((v) => v.name === `Big ${id}`);
      expect(view).toMatchObject({ shared: true, query: { 'amount.gte': '50000', q: search, sort: '-number' } });

      // a fresh page without filters shows every opportunity …
      await page.goto(`${baseUrl}/opportunities`);
      await page.reload();
      await expect.poll(() => tableRows(page, 'Opportunities'), POLL).toBe(5);
      // … until the view is applied from the menu
      await page.getByRole('button', { name: 'Saved views' }).click();
      await page.getByRole('menuitem', { name: `Big ${id}` }).click();
      await page.waitForURL((url) => url.searchParams.get('amount.gte') === '50000' && url.searchParams.get('q') === search);
      await expect.poll(() => tableRows(page, 'Opportunities'), POLL).toBe(3);
      await expect.poll(() => stat(page, 'open'), POLL).toBe('2');

      // export the whole selection as XLSX: typed numbers, the same rows in the same order
      await page.getByRole('button', { name: 'Export' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (XLSX)' }).click()]);
      const path = join(files, 'selection.xlsx');
      await download.saveAs(path);
      expect(download.suggestedFilename()).toMatch(/^opportunities-\d{4}-\d{2}-\d{2}\.xlsx$/);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('the export has no worksheet');
      expect(sheet.actualRowCount).toBe(1 + 3); // the header and the three rows of the selection
      const headers = (sheet.getRow(1).values as unknown[]).map(String);
      const amountColumn = headers.indexOf('Amount');
      expect(amountColumn).toBeGreaterThan(0);
      const cells = [2, 3, 4].map((row) => sheet.getRow(row).getCell(amountColumn).value);
      // sorted by number, newest first, like the list: 120 000 (won), 75 000.50, 60 000
      expect(cells).toEqual([120_000, 75_000.5, 60_000]);
      expect(typeof cells[1]).toBe('number');
    },
    TIMEOUT,
  );

  it(
    'imports a CSV through the wizard: a dry run lists the bad row and writes nothing, the fixed file imports',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const names = ['Anker', 'Birk', 'Cedertræ'].map((name) => `${name} Import ${id}`);
      const bad = join(files, 'companies-bad.csv');
      const good = join(files, 'companies-fixed.csv');
      writeFileSync(bad, `Firmanavn;By;Land\n${names[0]};Odense;DK\n;Vejle;DK\n${names[2]};Malmö;SE\n`);
      writeFileSync(good, `Firmanavn;By;Land\n${names[0]};Odense;DK\n${names[1]};Vejle;DK\n${names[2]};Malmö;SE\n`);
      const imported = async () => (await api<ListAnswer>('GET', `/api/companies?q=${encodeURIComponent(`%import ${id}`)}`)).items.length;

      await page.goto(`${baseUrl}/companies`);
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
      expect(await page.getByRole('radio', { name: 'Companies' }).isChecked()).toBe(true);
      await page.locator('input[type=file]').setInputFiles(bad);
      await page.getByRole('button', { name: 'Read the file' }).click();

      // the API's guess from the Danish column names is filled in, each column can be changed
      const columns = page.getByRole('table', { name: 'Columns of the file' });
      await columns.waitFor();
      expect(await columns.getByRole('combobox', { name: 'Field for the column Firmanavn' }).inputValue()).toBe('Name');
      expect(await columns.getByRole('combobox', { name: 'Field for the column By' }).inputValue()).toBe('City');
      await page.getByRole('button', { name: 'Dry run', exact: true }).click();

      // the dry run names the bad row, and the import waits
      const errors = page.getByRole('table', { name: 'Row errors' });
      await errors.waitFor();
      const cells = await errors.getByRole('row').nth(1).getByRole('cell').allTextContents();
      expect(cells).toEqual(['3', 'Firmanavn (Name)', 'is required']);
      expect(await errors.getByRole('row').count()).toBe(2);
      expect(await page.locator('[data-count="errors"]').textContent()).toContain('1');
      const importButton = page.getByRole('button', { name: /^Import \d+ rows$/ });
      expect(await importButton.isDisabled()).toBe(true);
      expect(await imported()).toBe(0);

      // the corrected file is checked at once with the same columns, then imported
      await page.locator('input[type=file]').setInputFiles(good);
      await page.getByText('No errors: nothing has been saved yet; import when you are ready.').waitFor();
      expect(await page.locator('[data-count="created"]').textContent()).toContain('3');
      expect(await imported()).toBe(0);
      await page.getByRole('button', { name: 'Import 3 rows' }).click();
      await page.getByText('Imported: 3 new, 0 updated.').waitFor();
      expect(await imported()).toBe(3);

      // and they are in the list
      await page.getByRole('link', { name: 'Show the list' }).click();
      await page.getByLabel('Search', { exact: true }).fill(`%import ${id}`);
      await expect.poll(() => tableRows(page, 'Companies'), POLL).toBe(3);
      const table = page.getByRole('table', { name: 'Companies', exact: true });
      for (const name of names) await table.getByRole('link', { name }).waitFor();
    },
    TIMEOUT,
  );

  it(
    'shows how many rows the server has checked and saved while a large file imports, then the result',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      // big enough that checking it takes a while even on a quick machine
      const rows = 40_000;
      const big = join(files, 'companies-big.csv');
      writeFileSync(big, ['Firmanavn;By', ...Array.from({ length: rows }, (_, i) => `Progress ${id} ${i + 1};Aarhus`)].join('\n'));

      await page.goto(`${baseUrl}/import?type=companies`);
      await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
      await watchProgress(page);
      await page.locator('input[type=file]').setInputFiles(big);
      await page.getByRole('button', { name: 'Read the file' }).click();
      await page.getByRole('table', { name: 'Columns of the file' }).waitFor();
      // the first dry run (which guesses the columns) counted the rows as the server checked them
      expect(await progressSeen(page)).toContainEqual({ text: 'Checking every row…2,000 of 40,000 rows', value: '5' });
      expect(await page.getByRole('progressbar').count()).toBe(0);

      await watchProgress(page);
      await page.getByRole('button', { name: 'Dry run', exact: true }).click();
      await page.getByText('No errors: nothing has been saved yet; import when you are ready.').waitFor();
      expect(await progressSeen(page)).toContainEqual({ text: 'Checking every row…2,000 of 40,000 rows', value: '5' });
      expect(await page.locator('[data-count="created"]').textContent()).toContain('40,000');

      await watchProgress(page);
      await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
      await page.getByText(/^Imported: \d+ new, 0 updated\.$/).waitFor();
      const seen = await progressSeen(page);
      expect(seen).toContainEqual({ text: 'Saving all rows in one go…2,000 of 40,000 rows', value: '5' });
      expect(await page.getByRole('progressbar').count()).toBe(0);
      expect(await page.locator('[data-count="created"]').textContent()).toContain('40,000');
      const last = await api<{ items: { name: string }[] }>('GET', `/api/companies?q=${encodeURIComponent(`progress ${id} 40000`)}`);
      expect(last.items.map((company) => company.name)).toEqual([`Progress ${id} 40000`]);
    },
    TIMEOUT,
  );
});
