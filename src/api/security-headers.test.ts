// Security headers on the web UI's pages, its SPA routes, the API and the Swagger UI (which must keep working).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from '../../test/helpers/database.ts';
import type { Database } from '../db/connect.ts';
import { buildTestServer } from '../../test/helpers/api.ts';

let database: Database;
let app: FastifyInstance;
let webDir: string;

beforeAll(async () => {
  database = await freshDatabase();
  webDir = mkdtempSync(join(tmpdir(), 'trakt-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(
    join(webDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(webDir, 'assets', 'app.js'), 'document.title = "Trakt";');
  app = await buildTestServer({ database, webDir });
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(webDir, { recursive: true, force: true });
});

const directives = (header: unknown) =>
  Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
  );

describe('security headers (HTML pages)', () => {
  it('sends a CSP without inline scripts, no framing, nosniff and a referrer policy on / and the app’s routes', async () => {
    for (const url of ['/', '/opportunities/12', '/assets/app.js']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      const csp = directives(response.headers['content-security-policy']);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      // a plain-HTTP install would break if the browser were told to upgrade every request
      expect(csp['upgrade-insecure-requests']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('<div id="root">');
  });

  it('sends them on API answers too', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(directives(response.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
  });

  it('keeps the Swagger UI at /api/docs working: its page and scripts load under the same policy', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-initializer.js');
    // only scripts from the page's own origin, which the policy allows
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(directives(page.headers['content-security-policy'])['script-src']).toEqual(["'self'"]);
    for (const file of ['swagger-initializer.js', 'swagger-ui-bundle.js', 'swagger-ui.css']) {
      expect((await app.inject({ method: 'GET', url: `/api/docs/static/${file}` })).statusCode, file).toBe(200);
    }
    const spec = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toBe('3.1.0');
  });

  it('adds HSTS and upgrade-insecure-requests only when served over HTTPS', async () => {
    const secure = await buildTestServer({ database, webDir, config: { secureCookies: true } });
    try {
      const response = await secure.inject({ method: 'GET', url: '/' });
      expect(response.headers['strict-transport-security']).toBe('max-age=15552000');
      expect(directives(response.headers['content-security-policy'])['upgrade-insecure-requests']).toEqual([]);
    } finally {
      await secure.close();
    }
  });
});
