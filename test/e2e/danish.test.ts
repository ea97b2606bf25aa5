// The main browser flows in a Nordic locale (U-8): a Danish browser gets the sign-in page in Danish,
// and a Danish user sees Danish words, amounts as `150 000,00 kr`, percentages as `10 %` and dates
// as `31.03.2026` on the board and when closing a deal. The words are those of web/src/i18n/da.json.
import { describe, expect, it } from 'vitest';
import { dragWithMouse, header, type Process } from './board-helpers.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TIMEOUT, browserSuite, signInWithApi, stamp, type Api } from './harness.ts';

const harness = browserSuite({ locale: 'da-DK' });
const NBSP = '\u00a0';

type Me = { user: { id: number; version: number; language: string } };

/** Signs in through the API as the admin, who is a Danish user: once signed in, the UI speaks the user's language. */
async function signInAsDane(): Promise<Api> {
  const api = await signInWithApi(harness);
  const { user } = await api<Me>('GET', '/api/auth/me');
  if (user.language !== 'da') await api('PATCH', `/api/users/${user.id}`, { language: 'da', version: user.version });
  return api;
}

describe('Trakt in a Danish browser', () => {
  it(
    'shows the sign-in page in the browser language and, once signed in, My day in Danish',
    async () => {
      const { page, baseUrl, context } = harness;
      await signInAsDane();
      await harness.page.request.post(`${baseUrl}/api/auth/logout`);
      await context.clearCookies();
      // forget a language another test left in this browser, so the page goes by the browser's
      await page.goto(baseUrl);
      await page.evaluate('window.localStorage.clear()');
      await page.reload();

      await page.getByRole('heading', { name: 'Log ind' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('da');
      await page.getByLabel('E-mail', { exact: true }).fill(ADMIN_EMAIL);
      await page.getByLabel('Adgangskode', { exact: true }).fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByRole('heading', { name: 'Min dag' }).waitFor();
      expect(await page.getByRole('link', { name: 'Firmaer', exact: true }).isVisible()).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'shows the board with Danish amounts and percentages, before and after a drag',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInAsDane();
      const id = stamp();
      const process = await api<Process>('POST', '/api/sales-processes', {
        name: `E2E tavle ${id}`,
        stages: [
          { name: 'Emne', probability: 10 },
          { name: 'Tilbud', probability: 40 },
        ],
      });
      const company = await api<{ id: number }>('POST', '/api/companies', { name: `Tavle Test ${id}` });
      await api('POST', '/api/opportunities', {
        title: `Stor handel ${id}`,
        companyId: company.id,
        processId: process.id,
        amount: 100000,
        currency: 'DKK',
      });
      await api('POST', '/api/opportunities', {
        title: `Lille handel ${id}`,
        companyId: company.id,
        processId: process.id,
        amount: 50000.5,
        currency: 'DKK',
      });

      await page.goto(`${baseUrl}/board?process=${process.id}`);
      const lead = page.getByRole('region', { name: 'Emne', exact: true });
      const offer = page.getByRole('region', { name: 'Tilbud', exact: true });
      const card = lead.getByRole('article', { name: `Stor handel ${id}` });
      await card.waitFor();
      await expect.poll(() => header(lead, 'count')).toBe('2');
      // Danish: no-break spaces between thousands, a decimal comma, "kr" after the amount
      expect(await header(lead, 'sum')).toBe(`150${NBSP}000,50${NBSP}kr`);
      expect(await header(lead, 'weighted')).toBe(`15${NBSP}000,05${NBSP}kr`);
      expect(await card.locator('[data-field="probability"]').textContent()).toBe(`10${NBSP}%`);

      await dragWithMouse(page, card.getByRole('button', { name: `Træk Stor handel ${id}` }), offer);
      const moved = offer.getByRole('article', { name: `Stor handel ${id}` });
      await moved.waitFor();
      await expect.poll(() => moved.locator('[data-field="probability"]').textContent(), { timeout: 15_000 }).toBe(`40${NBSP}%`);
      await expect.poll(() => header(offer, 'sum'), { timeout: 15_000 }).toBe(`100${NBSP}000,00${NBSP}kr`);
      expect(await header(offer, 'weighted')).toBe(`40${NBSP}000,00${NBSP}kr`);
    },
    TIMEOUT,
  );

  it(
    'closes a deal as lost in Danish and shows the close date as dd.mm.yyyy',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInAsDane();
      const id = stamp();
      const company = await api<{ id: number }>('POST', '/api/companies', { name: `Lukning Test ${id}` });
      const opportunity = await api<{ id: number }>('POST', '/api/opportunities', {
        title: `Tabt sag ${id}`,
        companyId: company.id,
        amount: 80000,
      });
      await api('POST', '/api/setup/loss-reasons', { name: `For dyr ${id}` });

      await page.goto(`${baseUrl}/opportunities/${opportunity.id}`);
      await page.getByRole('heading', { name: new RegExp(`Tabt sag ${id}`) }).waitFor();
      await page.getByRole('button', { name: 'Tabt', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Luk som tabt' });
      await dialog.waitFor();
      await dialog.getByRole('combobox', { name: 'Tabsårsag' }).click();
      await page.getByRole('option', { name: `For dyr ${id}` }).click();
      await dialog.getByRole('button', { name: 'Luk som tabt' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Genåbn' }).first().waitFor();
      await page.getByRole('tab', { name: 'Detaljer' }).click();
      await page.getByText('Salgsmuligheden er lukket og kan ikke længere redigeres.').waitFor();

      const { items } = await api<{ items: { closeDate: string }[] }>('GET', `/api/opportunities/${opportunity.id}/closings`);
      const [year, month, day] = (items[0]?.closeDate ?? '').split('-');
      await page.getByRole('tab', { name: 'Lukkehistorik' }).click();
      const history = page.getByRole('table', { name: 'Lukkehistorik' });
      await expect.poll(async () => (await history.textContent()) ?? '').toContain(`For dyr ${id}`);
      const text = (await history.textContent()) ?? '';
      expect(text).toContain('Tabt');
      expect(text).toContain(`${day}.${month}.${year}`);
    },
    TIMEOUT,
  );
});
