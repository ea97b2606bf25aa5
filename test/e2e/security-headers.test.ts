// Browser test: under the Content-Security-Policy the built web UI still renders, signs in and
// shows its styles, and the Swagger UI at /api/docs still lists the API — with no CSP violation.
import { describe, expect, it } from 'vitest';
import { TIMEOUT, browserSuite, signInWithForm } from './harness.ts';

const harness = browserSuite();

describe('the web UI and the API reference under the security headers', () => {
  it(
    'signs in and shows the app with Mantine’s styles, and the Swagger UI lists the operations',
    async () => {
      const { page, baseUrl } = harness;
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to (load|apply|execute)/i.test(message.text())) violations.push(message.text());
      });
      // (scripts as text: the test's own TypeScript has no DOM types)
      await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
      console.error('Content Security Policy: ' + event.violatedDirective + ' ' + event.blockedURI))`);

      const first = await page.goto(baseUrl);
      expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await signInWithForm(page, baseUrl);
      await page.getByRole('button', { name: 'User menu' }).waitFor();
      // Mantine's CSS variables arrive in a <style> element the policy has to allow
      const primary = await page.evaluate<string>(
        `getComputedStyle(document.documentElement).getPropertyValue('--mantine-color-blue-6').trim()`,
      );
      expect(primary).not.toBe('');

      await page.goto(`${baseUrl}/api/docs/`);
      await page.locator('.opblock-tag').first().waitFor();
      expect(await page.locator('.opblock-tag').count()).toBeGreaterThan(5);
      expect(violations).toEqual([]);
    },
    TIMEOUT,
  );
});
