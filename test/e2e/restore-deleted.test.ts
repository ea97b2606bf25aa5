// Browser test of O-14: an admin finds a deleted opportunity under Setup → Deleted and restores it.
import { describe, expect, it } from 'vitest';
import { TIMEOUT, browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();

describe('restoring a deleted opportunity in the browser', () => {
  it(
    'lists it under Setup → Deleted and brings it back with one click',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const id = stamp();
      const company = await api<{ id: number }>('POST', '/api/companies', { name: `Restore Test ${id}` });
      const opportunity = await api<{ id: number }>('POST', '/api/opportunities', {
        title: `Deleted by mistake ${id}`,
        companyId: company.id,
        amount: 42000,
      });
      await api('DELETE', `/api/opportunities/${opportunity.id}`);

      await page.goto(`${baseUrl}/setup/deleted`);
      const restore = page.getByRole('button', { name: `Restore “Deleted by mistake ${id}”` });
      await restore.waitFor();
      await restore.click();
      await expect
        .poll(async () => await page.getByRole('button', { name: `Restore “Deleted by mistake ${id}”` }).count(), { timeout: 15_000 })
        .toBe(0);

      const back = await api<{ id: number; title: string }>('GET', `/api/opportunities/${opportunity.id}`);
      expect(back.title).toBe(`Deleted by mistake ${id}`);
    },
    TIMEOUT,
  );
});
