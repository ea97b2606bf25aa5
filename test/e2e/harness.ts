// Browser test harness: builds the web UI when stale, runs the real server (`trakt serve`) on a
// fresh database (PGlite in a temp folder, or a new database on DATABASE_URL's server), and drives
// it in the system Chromium. `browserSuite()` registers the start and stop hooks of one test file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'e2e-first-flow-Pa55word-long-enough';
export const TIMEOUT = 120_000;
// a first start migrates a new database: over a minute on a busy two-core machine
const START_TIMEOUT = 300_000;

export type Harness = {
  baseUrl: string;
  page: Page;
  context: BrowserContext;
  /** the server's output so far, for failure messages */
  output: () => string;
};

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

async function waitForHealth(url: string, child: ChildProcess, output: () => string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer /api/health in time:\n${output()}`);
}

export type SuiteOptions = {
  /** The browser's language and region, e.g. 'da-DK': the UI's language before sign-in (default 'en-GB'). */
  locale?: string;
  /** Load the demo data (TRAKT_DEMO=1) into the new database. */
  demo?: boolean;
};

/** Starts the server and the browser before the file's tests and stops both after them. */
export function browserSuite(options: SuiteOptions = {}): Harness {
  let server: ChildProcess | null = null;
  let serverOutput = '';
  let tempDir = '';
  let pgDatabase: { adminUrl: string; name: string } | null = null;
  const harness = { output: () => serverOutput } as Harness;

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
    harness.baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRAKT_DATA_DIR: join(tempDir, 'data'),
      TRAKT_ADMIN_EMAIL: ADMIN_EMAIL,
      TRAKT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    };
    // the demo data when asked for (loaded once the admin exists), else an empty instance
    if (options.demo) env.TRAKT_DEMO = '1';
    else delete env.TRAKT_DEMO;
    if (process.env.DATABASE_URL) env.DATABASE_URL = await freshPostgresDatabase(process.env.DATABASE_URL);

    server = spawn(process.execPath, [join(ROOT, 'bin/trakt.js'), 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    await waitForHealth(harness.baseUrl, server, () => serverOutput, Date.now() + START_TIMEOUT - 30_000);

    harness.context = await chromium.launchPersistentContext(join(tempDir, 'chromium-profile'), {
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
      locale: options.locale ?? 'en-GB',
      timezoneId: 'Europe/Copenhagen',
    });
    harness.context.setDefaultTimeout(20_000);
    harness.page = harness.context.pages()[0] ?? (await harness.context.newPage());
  }, START_TIMEOUT);

  afterAll(async () => {
    await harness.context?.close().catch(() => undefined);
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

  return harness;
}

/** Signs in through the sign-in page, as a user does. */
export async function signInWithForm(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email', { exact: true }).fill(ADMIN_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export type Api = <T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown) => Promise<T>;

/**
 * Signs the browser context in through the API (the session cookie is shared with the page) and
 * returns a helper for the test's own data: it sends the CSRF token and fails on an error status.
 */
export async function signInWithApi(harness: Harness): Promise<Api> {
  const { page, baseUrl } = harness;
  const login = await page.request.post(`${baseUrl}/api/auth/login`, { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T,>(method: string, path: string, data?: unknown) => {
    const response = await page.request.fetch(`${baseUrl}${path}`, { method, headers: { 'x-csrf-token': csrfToken }, data });
    const text = await response.text();
    expect(response.ok(), `${method} ${path} → ${response.status()} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** A short unique suffix, so each test's records are its own. */
export function stamp(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
