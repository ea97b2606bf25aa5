// Browser test of A-2 in the forms: a seller's owner picker on a new opportunity offers only the
// seller (the server refuses anyone else), and is locked on a deal the seller only sells on.
import { describe, expect, it } from 'vitest';
import { browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();

describe('owner picker of a seller', () => {
  it('offers only the seller on a new opportunity and is locked on a co-sold one', async () => {
    const { page, baseUrl } = harness;
    const admin = await signInWithApi(harness);
    const id = stamp();
    const password = `seller-${id}-long-password`;
    const seller = await admin<{ id: number; name: string; initials: string }>('POST', '/api/users', {
      name: `Sigrid ${id}`,
      email: `sigrid-${id}@example.com`,
      password,
      role: 'seller',
      initials: 'SO',
    });
    const other = await admin<{ id: number; name: string }>('POST', '/api/users', {
      name: `Oskar ${id}`,
      email: `oskar-${id}@example.com`,
      password,
      role: 'seller',
      initials: 'OO',
    });
    const company = await admin<{ id: number }>('POST', '/api/companies', { name: `Owner Test ${id}` });
    const coSold = await admin<{ id: number }>('POST', '/api/opportunities', {
      title: `Co-sold ${id}`,
      companyId: company.id,
      ownerId: other.id,
    });
    await admin('POST', `/api/opportunities/${coSold.id}/sellers`, { userId: seller.id, share: 20 });

    const login = await page.request.post(`${baseUrl}/api/auth/login`, { data: { email: `sigrid-${id}@example.com`, password } });
    expect(login.status()).toBe(200);

    await page.goto(`${baseUrl}/opportunities/new`);
    const owner = page.getByRole('textbox', { name: 'Owner', exact: true }).or(page.getByRole('combobox', { name: 'Owner', exact: true }));
    await owner.first().click();
    const options = page.getByRole('option');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual([`Sigrid ${id} (SO)`]);

    await page.goto(`${baseUrl}/opportunities/${coSold.id}?tab=details`);
    const locked = page.getByRole('textbox', { name: 'Owner', exact: true }).or(page.getByRole('combobox', { name: 'Owner', exact: true }));
    await locked.first().waitFor();
    expect(await locked.first().isDisabled()).toBe(true);
  });
});
