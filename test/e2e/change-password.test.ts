// Browser test of A-3: changing one's password in the user menu says which API tokens and sessions
// ended with the old one, and they no longer work.
import { describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TIMEOUT, browserSuite, signInWithApi } from './harness.ts';

const harness = browserSuite();

describe('changing the password in the browser', () => {
  it(
    'revokes the API token and tells the user so',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const { token } = await api<{ token: string }>('POST', '/api/auth/tokens', { name: 'Integration' });
      const withToken = () => page.request.get(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect((await withToken()).status()).toBe(200);

      // a second session, elsewhere (not the browser's)
      const elsewhere = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      });
      const elsewhereCookie = (elsewhere.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const elsewhereMe = () => fetch(`${baseUrl}/api/auth/me`, { headers: { cookie: elsewhereCookie } });
      expect((await elsewhereMe()).status).toBe(200);

      await page.goto(baseUrl);
      await page.getByRole('button', { name: 'User menu' }).click();
      await page.getByRole('menuitem', { name: 'Change password' }).click();
      await page.getByLabel('Current password', { exact: true }).fill(ADMIN_PASSWORD);
      await page.getByLabel('New password', { exact: true }).fill('a new e2e password, long');
      await page.getByRole('dialog').getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Password changed. API tokens revoked: 1. Other sessions signed out: 1.').waitFor();

      expect((await withToken()).status()).toBe(401);
      expect((await elsewhereMe()).status).toBe(401);
      // this page's own session stays
      expect((await page.request.get(`${baseUrl}/api/auth/me`)).status()).toBe(200);
    },
    TIMEOUT,
  );
});
