// Browser test of the first thing a seller does: sign in, create a company, create an opportunity
// for it, and find the opportunity in the list. Runs the real server (`trakt serve`) on a fresh
// database and drives the built web UI in the system Chromium.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TIMEOUT, browserSuite, signInWithForm } from './harness.ts';

const harness = browserSuite();

/** The company of the opportunity whose page is open. */
async function opportunityCompanyId(page: Page, base: string): Promise<number> {
  const id = new URL(page.url()).pathname.split('/').pop();
  const answer = await page.request.get(`${base}/api/opportunities/${id}`);
  const body = (await answer.json()) as { companyId: number };
  return body.companyId;
}

describe('first flow in the browser', () => {
  it('signs in, creates a company and an opportunity for it, and finds it in the list', async () => {
    const { page, baseUrl } = harness;
    const stamp = Date.now().toString(36);
    const companyName = `Nordlys Maskin ${stamp}`;
    const title = `Packaging line ${stamp}`;

    // sign in: a seller's day starts on My day (U-5)
    await signInWithForm(page, baseUrl);
    await page.getByRole('heading', { name: 'My day' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // create a company; the account number is suggested by the server
    await page.getByRole('link', { name: 'Companies', exact: true }).click();
    await page.getByRole('link', { name: 'New company' }).click();
    const accountNumber = page.getByLabel('Account number');
    await expect.poll(() => accountNumber.inputValue()).toMatch(/^\d+$/);
    await page.getByLabel('Name', { exact: true }).fill(companyName);
    await page.getByLabel('City').fill('Tromsø');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/companies\/\d+$/);
    await page.getByRole('heading', { name: companyName }).waitFor();
    expect(await page.getByLabel('City').inputValue()).toBe('Tromsø');

    // create an opportunity for it, picking the company by typing part of its name
    await page.getByRole('link', { name: 'Opportunities', exact: true }).click();
    await page.getByRole('link', { name: 'New opportunity' }).click();
    await page.getByLabel('Title').fill(title);
    const companyPicker = page.getByRole('combobox', { name: 'Company', exact: true });
    await companyPicker.click();
    await companyPicker.fill(`Maskin ${stamp}`);
    await page.getByRole('option', { name: new RegExp(companyName) }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Stage', exact: true }).inputValue()).toBe('Prospect (10 %)');
    await page.getByLabel('Amount', { exact: true }).fill('250000');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/opportunities\/\d+$/);
    await page.getByRole('heading', { name: new RegExp(title) }).waitFor();

    // a second opportunity of the same company, which the search must leave out
    const me = await page.request.get(`${baseUrl}/api/auth/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const companyId = await opportunityCompanyId(page, baseUrl);
    const decoy = await page.request.post(`${baseUrl}/api/opportunities`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { title: `Service agreement ${stamp}`, companyId },
    });
    expect(decoy.status()).toBe(201);

    // find it in the list by searching for its title
    await page.getByRole('link', { name: 'Opportunities', exact: true }).click();
    const table = page.getByRole('table', { name: 'Opportunities' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3); // the header and both
    await page.getByLabel('Search').fill(title);
    await page.waitForURL((url) => url.searchParams.get('q') === title);
    await expect.poll(() => table.getAttribute('aria-busy')).toBeNull();
    await expect.poll(() => table.getByRole('row').count()).toBe(2); // the header and the one match
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    // textContent, not innerText: badges are upper-cased by CSS only
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toContain(companyName);
    expect(cells).toContain('Prospect');
    expect(cells).toContain('Open');
    expect(cells).toContain('DKK\u00a0250,000.00');
    expect(cells).toContain('DKK\u00a025,000.00'); // weighted: 10 % of the amount
    expect(cells).toContain('10%');

    // the list is searched on the server: the API answers the same single match
    const answer = await page.request.get(`${baseUrl}/api/opportunities?q=${encodeURIComponent(title)}`);
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { items: { title: string; companyName: string; amount: number }[] };
    expect(body.items.map((o) => [o.title, o.companyName, o.amount])).toEqual([[title, companyName, 250000]]);
  }, TIMEOUT);
});
