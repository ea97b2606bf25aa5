// Browser test of closing (O-10, O-11): close as lost with a reason and the winning competitor,
// see the opportunity read-only, reopen it and see it editable again.
import { describe, expect, it } from 'vitest';
import { TIMEOUT, browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();

describe('closing an opportunity in the browser', () => {
  it(
    'closes as lost with a reason and a winner, is read-only, and is editable again after reopening',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const id = stamp();

      const company = await api<{ id: number }>('POST', '/api/companies', { name: `Closing Test ${id}` });
      const opportunity = await api<{ id: number }>('POST', '/api/opportunities', {
        title: `Lost cause ${id}`,
        companyId: company.id,
        amount: 80000,
      });
      const reason = await api<{ id: number }>('POST', '/api/setup/loss-reasons', { name: `Price too high ${id}` });
      const rival = await api<{ id: number }>('POST', '/api/competitors', { name: `Rival ${id}` });
      await api('POST', `/api/opportunities/${opportunity.id}/competitors`, { competitorId: rival.id, threat: 4 });
      await api('POST', `/api/opportunities/${opportunity.id}/competitors`, { name: `Garage firm ${id}`, threat: 2 });

      await page.goto(`${baseUrl}/opportunities/${opportunity.id}`);
      await page.getByRole('heading', { name: new RegExp(`Lost cause ${id}`) }).waitFor();

      // close as lost: reason and winner in the dialog
      await page.getByRole('button', { name: 'Lost', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Close as lost' });
      await dialog.waitFor();
      await dialog.getByRole('combobox', { name: 'Loss reason' }).click();
      await page.getByRole('option', { name: `Price too high ${id}` }).click();
      await dialog.getByRole('combobox', { name: 'Winning competitor' }).click();
      await page.getByRole('option', { name: new RegExp(`^Rival ${id}`) }).click();
      await dialog.getByRole('button', { name: 'Close as lost' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // read-only: the header offers Reopen, the details have disabled inputs and no Save
      await page.getByRole('button', { name: 'Reopen' }).first().waitFor();
      expect(await page.getByText('Lost', { exact: true }).first().isVisible()).toBe(true);
      await page.getByRole('tab', { name: 'Details' }).click();
      const title = page.getByRole('textbox', { name: 'Title' });
      await title.waitFor();
      await expect.poll(() => title.isDisabled()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Amount' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
      expect(await page.getByText('This opportunity is closed and can no longer be edited.').isVisible()).toBe(true);

      const closed = await api<{ status: string; lossReasonId: number; winnerCompetitorId: number; probability: number }>(
        'GET',
        `/api/opportunities/${opportunity.id}`,
      );
      expect(closed).toMatchObject({ status: 'lost', lossReasonId: reason.id, winnerCompetitorId: rival.id, probability: 0 });

      // the close is in the close history
      await page.getByRole('tab', { name: 'Close history' }).click();
      const history = page.getByRole('table', { name: 'Close history' });
      await expect.poll(async () => (await history.textContent()) ?? '').toContain(`Price too high ${id}`);
      // the winner's name comes from the competitors list, which may arrive after the close history
      await expect.poll(async () => (await history.textContent()) ?? '').toContain(`Rival ${id}`);

      // reopen: editable again, with Save
      await page.getByRole('button', { name: 'Reopen' }).first().click();
      await page.getByRole('button', { name: 'Won', exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Details' }).click();
      await expect.poll(() => title.isDisabled()).toBe(false);
      expect(await page.getByRole('button', { name: 'Save' }).isVisible()).toBe(true);
      await title.fill(`Lost cause ${id} – second try`);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(async () => (await api<{ title: string; status: string }>('GET', `/api/opportunities/${opportunity.id}`)).title)
        .toBe(`Lost cause ${id} – second try`);
      const reopened = await api<{ status: string }>('GET', `/api/opportunities/${opportunity.id}`);
      expect(reopened.status).toBe('open');
    },
    TIMEOUT,
  );
});
