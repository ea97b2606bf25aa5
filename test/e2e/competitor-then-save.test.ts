// Browser test of issue 18 points 9 and 10: adding a competitor moves the opportunity's version on
// (O-25), and the page takes the new version without losing what is typed in the details, so saving
// them and then closing works (was a false "changed by someone else" 409 with the typing gone). A
// real change by someone else still gives the "changed by someone else" notice.
import { describe, expect, it } from 'vitest';
import { browserSuite, signInWithApi, stamp, type Api } from './harness.ts';

const harness = browserSuite();
const POLL = { timeout: 15_000 };

// signed in once for the file: the browser's session then serves both tests
let signedIn: Promise<Api> | null = null;
const apiOnce = () => (signedIn ??= signInWithApi(harness));

/** The page's next read of the opportunity itself. */
const rereadOf = (id: number) =>
  harness.page.waitForResponse(
    (response) => new URL(response.url()).pathname === `/api/opportunities/${id}` && response.request().method() === 'GET',
  );

describe('a competitor added while the details are being edited', () => {
  it('keeps the typed details, saves them without a conflict, and closes', async () => {
    const { page, baseUrl } = harness;
    const api = await apiOnce();
    const id = stamp();
    const company = await api<{ id: number }>('POST', '/api/companies', { name: `Versions Test ${id}` });
    const opportunity = await api<{ id: number; version: number }>('POST', '/api/opportunities', {
      title: `Crane deal ${id}`,
      companyId: company.id,
      amount: 50000,
    });

    await page.goto(`${baseUrl}/opportunities/${opportunity.id}?tab=details`);
    const title = page.getByRole('textbox', { name: 'Title' });
    await expect.poll(() => title.inputValue(), POLL).toBe(`Crane deal ${id}`);
    await title.fill(`Crane deal ${id} (typed)`);
    await page.getByRole('textbox', { name: 'Description' }).fill('Typed before the competitor was added');

    // add a competitor on its tab: the opportunity's version moves on
    await page.getByRole('tab', { name: 'Competitors' }).click();
    await page.getByRole('combobox', { name: 'Competitor', exact: true }).fill(`Harbour Cranes ${id}`);
    let reread = rereadOf(opportunity.id);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const entries = page.getByRole('table', { name: 'Competitors' });
    await expect.poll(async () => (await entries.textContent()) ?? '', POLL).toContain(`Harbour Cranes ${id}`);
    expect((await api<{ version: number }>('GET', `/api/opportunities/${opportunity.id}`)).version).toBe(opportunity.version + 1);
    // the page reads the opportunity again after the change (as a user's next click would find it)
    await reread;

    // back on the details: the typing is still there, and saving it is no conflict
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect.poll(() => title.inputValue(), POLL).toBe(`Crane deal ${id} (typed)`);
    expect(await page.getByRole('textbox', { name: 'Description' }).inputValue()).toBe('Typed before the competitor was added');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(
        async () => (await api<{ title: string; description: string | null }>('GET', `/api/opportunities/${opportunity.id}`)).title,
        POLL,
      )
      .toBe(`Crane deal ${id} (typed)`);
    const saved = await api<{ title: string; description: string | null; version: number }>('GET', `/api/opportunities/${opportunity.id}`);
    expect(saved).toMatchObject({ description: 'Typed before the competitor was added', version: opportunity.version + 2 });
    expect(await page.getByText('Changed by someone else').count()).toBe(0);

    // another competitor, then closing as lost with it as the winner: the close is based on the new version too
    await page.getByRole('tab', { name: 'Competitors' }).click();
    await page.getByRole('combobox', { name: 'Competitor', exact: true }).fill(`Fjord Lift ${id}`);
    reread = rereadOf(opportunity.id);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await entries.textContent()) ?? '', POLL).toContain(`Fjord Lift ${id}`);
    await reread;
    await page.getByRole('button', { name: 'Lost', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Close as lost' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Winning competitor' }).click();
    await page.getByRole('option', { name: new RegExp(`^Fjord Lift ${id}`) }).click();
    await dialog.getByRole('button', { name: 'Close as lost' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await api<{ status: string }>('GET', `/api/opportunities/${opportunity.id}`)).status, POLL).toBe('lost');
    expect(await page.getByText('Changed by someone else').count()).toBe(0);
  });

  it('still says "changed by someone else" when someone else saved first', async () => {
    const { page, baseUrl } = harness;
    const api = await apiOnce();
    const id = stamp();
    const company = await api<{ id: number }>('POST', '/api/companies', { name: `Conflict Test ${id}` });
    const opportunity = await api<{ id: number; version: number }>('POST', '/api/opportunities', {
      title: `Contested ${id}`,
      companyId: company.id,
    });

    await page.goto(`${baseUrl}/opportunities/${opportunity.id}?tab=details`);
    const title = page.getByRole('textbox', { name: 'Title' });
    await expect.poll(() => title.inputValue(), POLL).toBe(`Contested ${id}`);
    // someone else renames it meanwhile; this page still has the old version
    await api('PATCH', `/api/opportunities/${opportunity.id}`, { title: `Renamed elsewhere ${id}`, version: opportunity.version });
    await title.fill(`Renamed here ${id}`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Changed by someone else').first().waitFor();
    // the form shows the record as it is now, and nothing was overwritten
    await expect.poll(() => title.inputValue(), POLL).toBe(`Renamed elsewhere ${id}`);
    expect((await api<{ title: string }>('GET', `/api/opportunities/${opportunity.id}`)).title).toBe(`Renamed elsewhere ${id}`);
  });
});
