// Browser test of the first thing a seller does: sign in, create a company, create an opportunity
// for it, and find the opportunity in the list. Runs the real server (`trakt serve`) on a fresh
// database and drives the built web UI in the system Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'e2e-first-flow-Pa55word-long-enough';
const TIMEOUT = 120_000;

let server: ChildProcess | null = null;
let serverOutput = '';
let context: BrowserContext | null = null;
let page: Page;
let baseUrl = '';
let tempDir = '';
// with DATABASE_URL (the PostgreSQL run) the server gets its own fresh database on that server
let pgDatabase: { adminUrl: string; name: string } | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${serverOutput}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer /api/health in time:\n${serverOutput}`);
}

async function freshPostgresDatabase(url: string): Promise<string> {
  const name = `trakt_e2e_${process.pid}_${Date.now()}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  pgDatabase = { adminUrl: url, name };
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web-if-stale.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);

  tempDir = mkdtempSync(join(tmpdir(), 'trakt-e2e-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TRAKT_DATA_DIR: join(tempDir, 'data'),
    TRAKT_ADMIN_EMAIL: ADMIN_EMAIL,
    TRAKT_ADMIN_PASSWORD: ADMIN_PASSWORD,
  };
  delete env.TRAKT_DEMO;
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshPostgresDatabase(process.env.DATABASE_URL);

  server = spawn(process.execPath, [join(ROOT, 'bin/trakt.js'), 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  await waitForHealth(baseUrl, server, Date.now() + 90_000);

  context = await chromium.launchPersistentContext(join(tempDir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
  });
  context.setDefaultTimeout(20_000);
  page = context.pages()[0] ?? (await context.newPage());
}, TIMEOUT);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (pgDatabase) {
    const client = new pg.Client({ connectionString: pgDatabase.adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${pgDatabase.name} WITH (FORCE)`);
    await client.end();
  }
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}, TIMEOUT);

/** The company of the opportunity whose page is open. */
async function opportunityCompanyId(page: Page, base: string): Promise<number> {
  const id = new URL(page.url()).pathname.split('/').pop();
  const answer = await page.request.get(`${base}/api/opportunities/${id}`);
  const body = (await answer.json()) as { companyId: number };
  return body.companyId;
}

describe('first flow in the browser', () => {
  it('signs in, creates a company and an opportunity for it, and finds it in the list', async () => {
    const stamp = Date.now().toString(36);
    const companyName = `Nordlys Maskin ${stamp}`;
    const title = `Packaging line ${stamp}`;

    // sign in
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(ADMIN_EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Opportunities' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/opportunities');

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
