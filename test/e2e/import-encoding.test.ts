// Browser test of an import that reads what the file says (L-7, issue 18): a Windows-1252 CSV from an
// older Nordic system shows its columns with Æ Ø Å in the wizard, the dry run says which encoding was
// read and which column goes to no field, and the import stores the letters exactly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { TIMEOUT, browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();
const files = mkdtempSync(join(tmpdir(), 'trakt-import-encoding-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

describe('importing a Windows-1252 file in the browser', () => {
  it(
    'shows the columns in their letters, the encoding read and the ignored column, and stores the names exactly',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const id = stamp();
      const file = join(files, 'firmaer.csv');
      writeFileSync(
        file,
        iconv.encode(`Firmanavn;By;Kundetilfredshed\r\nÆrø Færger ${id};Ærøskøbing;høj\r\nGöran Åström ${id};Malmö;\r\n`, 'windows-1252'),
      );

      await page.goto(`${baseUrl}/import?type=companies`);
      await page.locator('input[type=file]').first().setInputFiles(file);
      await page.getByRole('button', { name: 'Read the file' }).click();
      const columns = page.getByRole('table', { name: 'Columns of the file' });
      await columns.waitFor();
      expect(await columns.getByRole('combobox', { name: 'Field for the column Firmanavn' }).inputValue()).toBe('Name');
      await columns.getByRole('combobox', { name: 'Field for the column Kundetilfredshed' }).waitFor();
      await page.getByRole('button', { name: 'Dry run', exact: true }).click();

      await page.getByText('No errors: nothing has been saved yet; import when you are ready.').waitFor();
      expect(await page.getByTestId('import-encoding').textContent()).toBe('Characters read as ISO-8859-1.');
      expect(await page.getByTestId('import-ignored').textContent()).toBe('Not imported (no field chosen): Kundetilfredshed');
      await page.getByRole('button', { name: 'Import 2 rows' }).click();
      await page.getByText('Imported: 2 new, 0 updated.').waitFor();

      const found = await api<{ items: { name: string; city: string }[] }>(
        'GET',
        `/api/companies?q=${encodeURIComponent(`%${id}`)}&sort=name`,
      );
      expect(found.items.map((c) => [c.name, c.city])).toEqual([
        [`Göran Åström ${id}`, 'Malmö'],
        [`Ærø Færger ${id}`, 'Ærøskøbing'],
      ]);
    },
    TIMEOUT,
  );
});
