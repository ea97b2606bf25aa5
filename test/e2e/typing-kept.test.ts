// Browser test that the UI keeps what the user did (issue 18, point 10): two filters chosen before
// the list renders again both stay; typing in a select and pressing Enter picks the match instead of
// submitting the form; closing as lost leaves no open follow-up task behind.
import { describe, expect, it } from 'vitest';
import { browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();
const POLL = { timeout: 15_000 };

describe('the UI keeps what the user did', () => {
  it('keeps both of two filters chosen in one go', async () => {
    const { page, baseUrl } = harness;
    await signInWithApi(harness);
    await page.goto(`${baseUrl}/opportunities`);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const amount = page.getByRole('group', { name: 'Amount', exact: true });
    await amount.getByRole('textbox', { name: 'Value for Amount' }).fill('50000');
    await expect.poll(() => amount.getByRole('button', { name: 'Apply' }).isEnabled(), POLL).toBe(true);
    // both clicks run in one task, before React renders the first change: a quick user's two picks
    await page.evaluate(`(() => {
      const apply = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Apply the filter on Amount');
      const letter = [...document.querySelectorAll('[role="group"] button')].find((b) => b.textContent === 'K');
      apply.click();
      letter.click();
    })()`);
    await page.waitForURL((url) => url.searchParams.get('letter') === 'K');
    const url = new URL(page.url());
    expect([url.searchParams.get('amount.gte'), url.searchParams.get('letter')]).toEqual(['50000', 'K']);
  });

  it('picks the typed match on Enter, and closing as lost marks the follow-up task done', async () => {
    const { page, baseUrl } = harness;
    const api = await signInWithApi(harness);
    const id = stamp();
    const company = await api<{ id: number }>('POST', '/api/companies', { name: `Typing Test ${id}` });
    const opportunity = await api<{ id: number }>('POST', '/api/opportunities', {
      title: `Enter test ${id}`,
      companyId: company.id,
      followUpDate: '2026-12-20',
    });
    await api('POST', '/api/setup/loss-reasons', { name: `Zebra reason ${id}` });

    await page.goto(`${baseUrl}/opportunities/${opportunity.id}`);
    await page.getByRole('heading', { name: new RegExp(`Enter test ${id}`) }).waitFor();
    await page.getByRole('button', { name: 'Lost', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Close as lost' });
    await dialog.waitFor();
    const reason = dialog.getByRole('combobox', { name: 'Loss reason' });
    await reason.click();
    await reason.pressSequentially(`Zebra reason ${id}`);
    await reason.press('Enter');
    // the dialog is still open (not submitted) and the match is picked
    await expect.poll(() => reason.inputValue(), POLL).toBe(`Zebra reason ${id}`);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Mark its open follow-up tasks done' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Close as lost' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const closed = await api<{ status: string; lossReasonName: string | null }>('GET', `/api/opportunities/${opportunity.id}`);
    expect(closed.status).toBe('lost');
    const tasks = await api<{ items: { done: boolean }[] }>('GET', `/api/activities?opportunityId=${opportunity.id}`);
    expect(tasks.items.map((t) => t.done)).toEqual([true]);
  });
});
