// Two app instances on one database agree on the settings (A-2 "sellers see only their own"): a change
// made through A holds on B at once, though each keeps the settings in memory (db/settings-changes.ts:
// LISTEN/NOTIFY). On a PostgreSQL server, B is a second `trakt serve` process, as in production, and
// also a second app in this process on a pool of its own. PGlite is opened by one process only (the
// data folder is locked), so there the two apps share its connection and the in-process invalidation
// is what is checked.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { buildTestServer, startApi, type Client, type Json, type TestApi } from '../helpers/api.ts';

let api: TestApi;
let second: Database | null = null;
let appB: FastifyInstance;
let admin: Client;
let owner: Client;
let other: Client;
let dealId: number;

/** The same signed-in user, sending their requests to instance B. */
async function onB(email: string) {
  const login = await appB.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'correct horse battery' } });
  expect(login.statusCode).toBe(200);
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  return { get: async (url: string) => appB.inject({ method: 'GET', url, headers: { cookie } }) };
}

beforeAll(async () => {
  api = await startApi();
  if (api.database.mode === 'postgres') {
    // a second pool on the same server database: instance B shares nothing in memory with A's connections
    const url = api.database.pool.options.connectionString;
    if (!url) throw new Error('the test database has no connection string');
    second = await openDatabase({ mode: 'postgres', url, maxConnections: 3 });
  }
  appB = await buildTestServer({ database: second ?? api.database, webDir: null });
  admin = await api.as('admin');
  owner = await api.as('seller', 'Owner Olsen');
  other = await api.as('seller', 'Other Ottesen');
  const company = (await owner.post('/api/companies', { name: 'Instance ApS' })).body;
  dealId = (await owner.post('/api/opportunities', { title: 'Hidden from the other seller', companyId: company.id, amount: 90000 })).body.id;
});
let child: ChildProcess | null = null;

afterAll(async () => {
  child?.kill('SIGKILL');
  await appB?.close();
  await second?.close();
  await api.close();
});

/** Reads until the answer is `expected`, for up to 5 s (a NOTIFY between processes is not synchronous); returns the last answer. */
async function settlesTo(read: () => Promise<number>, expected: number): Promise<number> {
  const until = Date.now() + 5000;
  let status = await read();
  while (status !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = await read();
  }
  return status;
}

async function setOnlyOwn(on: boolean) {
  const current = (await admin.get('/api/settings')).body as Json;
  // the settings' version, where PATCH takes one (O-25)
  const answer = await admin.patch('/api/settings', { sellersSeeOnlyOwn: on, ...(current.version !== undefined ? { version: current.version } : {}) });
  expect(answer.status).toBe(200);
  expect(answer.body.sellersSeeOnlyOwn).toBe(on);
}

describe('two app instances on one database (A-2 with settings in memory)', () => {
  it('hides a deal on instance B as soon as "sellers see only their own" is switched on through instance A, and shows it again when switched off', async () => {
    const otherEmail = (await other.get('/api/auth/me')).body.user.email as string;
    const otherOnB = await onB(otherEmail);

    await setOnlyOwn(false);
    // B has read the settings (and keeps them): the deal is visible to the other seller
    const before = await otherOnB.get(`/api/opportunities/${dealId}`);
    expect(before.statusCode).toBe(200);
    expect(before.json().title).toBe('Hidden from the other seller');
    expect((await otherOnB.get('/api/opportunities?limit=200')).json().items.map((o: Json) => o.id)).toContain(dealId);

    await setOnlyOwn(true);
    // B hears the change by NOTIFY on its own pool, a moment after the PATCH answers
    await settlesTo(async () => (await otherOnB.get(`/api/opportunities/${dealId}`)).statusCode, 404);
    const hidden = await otherOnB.get(`/api/opportunities/${dealId}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('NOT_FOUND');
    expect((await otherOnB.get('/api/opportunities?limit=200')).json().items.map((o: Json) => o.id)).not.toContain(dealId);
    // the owner still sees it through B
    const ownerOnB = await onB((await owner.get('/api/auth/me')).body.user.email as string);
    expect((await ownerOnB.get(`/api/opportunities/${dealId}`)).statusCode).toBe(200);

    await setOnlyOwn(false);
    expect(await settlesTo(async () => (await otherOnB.get(`/api/opportunities/${dealId}`)).statusCode, 200)).toBe(200);
  });

  it.skipIf(!inject('serverUrl'))('hides the deal at once on a second `trakt serve` process on the same server (skipped on PGlite: one process only)', async () => {
    const url = api.database.pool.options.connectionString ?? '';
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const env = { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', TRAKT_ADMIN_EMAIL: '', TRAKT_DEMO: '' };
    const started = spawn('node', [join(import.meta.dirname, '../../bin/trakt.js'), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    await new Promise<void>((ready, fail) => {
      let out = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Trakt is serving')) ready();
      });
      started.once('exit', (code) => fail(new Error(`serve stopped (${code}): ${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const otherEmail = (await other.get('/api/auth/me')).body.user.email as string;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: otherEmail, password: 'correct horse battery' }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const read = () => fetch(`${base}/api/opportunities/${dealId}`, { headers: { cookie } }).then((r) => r.status);

    await setOnlyOwn(false);
    // the other process has read the settings (and keeps them)
    expect(await read()).toBe(200);
    expect(await read()).toBe(200);
    // the other process hears the change by NOTIFY, which arrives a moment after the PATCH answers
    await setOnlyOwn(true);
    expect(await settlesTo(read, 404)).toBe(404);
    await setOnlyOwn(false);
    expect(await settlesTo(read, 200)).toBe(200);
  }, 120_000);

  it('reads the settings from the database while it cannot hear changes (after B stops listening)', async () => {
    const { watchSettings } = await import('../../src/db/settings-changes.ts');
    const { currentSettings, saveSettings } = await import('../../src/db/settings.ts');
    const database = second ?? api.database;
    const stop = await watchSettings(database);
    const first = await currentSettings(database.db);
    // listening: kept in memory
    expect(await currentSettings(database.db)).toBe(first);
    await stop();
    // not listening: each read goes to the database, so a change by anyone is seen
    await saveSettings(api.database.db, { stagnationDays: 44 });
    expect((await currentSettings(database.db)).stagnationDays).toBe(44);
    expect(await currentSettings(database.db)).not.toBe(await currentSettings(database.db));
    await saveSettings(api.database.db, { stagnationDays: 30 });
  });
});
