// I-1: a 5xx is always logged, with its request id and stack and without credentials; each request
// only with TRAKT_LOG=1; /api/health asks the database and answers 503 in the error shape when it
// cannot. The log is captured from the stream the server writes to (stderr in production).
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { saveSettings } from '../../src/db/settings.ts';
import { createUser } from '../../src/domain/users/users.ts';
import { freshDatabase } from '../helpers/database.ts';
import { buildTestServer, type Json } from '../helpers/api.ts';

type Started = { app: FastifyInstance; database: Database; lines: () => Json[]; cookie: string; csrf: string };
let open: Started | null = null;
let databaseClosed = false;

async function start(requests: boolean): Promise<Started> {
  const database = await freshDatabase();
  await saveSettings(database.db, { setupDone: true });
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const app = await buildTestServer({ database, webDir: null, logger: requests, logStream: stream });
  const password = 'correct horse battery';
  await createUser({ db: database.db, actor: null, input: { name: 'Log Admin', email: 'log@example.com', password, role: 'admin' } });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'log@example.com', password } });
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  open = {
    app,
    database,
    cookie,
    csrf: login.json().csrfToken,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
  databaseClosed = false;
  return open;
}

afterEach(async () => {
  if (!open) return;
  await open.app.close();
  if (!databaseClosed) await open.database.close();
  open = null;
});

describe('logging and health (I-1)', () => {
  it('logs nothing for ordinary requests without TRAKT_LOG; with the database gone, logs every 5xx with its request id, stack and route, without credentials, and health answers 503', async () => {
    const { app, database, lines, cookie, csrf } = await start(false);
    const healthy = await app.inject({ method: 'GET', url: '/api/health' });
    expect(healthy.statusCode).toBe(200);
    expect(healthy.json()).toEqual({ status: 'ok', database: database.mode });
    // every connection of the pool at work (a long import): health does not wait behind them
    const held = await Promise.all(Array.from({ length: database.pool.options.max }, () => database.pool.connect()));
    const busyStarted = Date.now();
    const busy = await app.inject({ method: 'GET', url: '/api/health' });
    expect(busy.statusCode).toBe(200);
    expect(Date.now() - busyStarted).toBeLessThan(1_500);
    for (const client of held) client.release();
    const fine = await app.inject({ method: 'GET', url: '/api/companies', headers: { cookie } });
    expect(fine.statusCode).toBe(200);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/companies',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: '' },
    });
    expect(refused.statusCode).toBe(400);
    expect(lines()).toEqual([]);

    // the database goes away under the running app: a real 500
    await database.close();
    databaseClosed = true;
    const failed = await app.inject({
      method: 'GET',
      url: '/api/companies/1?x=1',
      headers: { cookie, authorization: 'Bearer secret-token-value', 'x-csrf-token': csrf },
    });
    expect(failed.statusCode).toBe(500);
    const body = failed.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(failed.body).not.toMatch(/\bat .*:\d+:\d+/);
    const requestId = /Request id: ([0-9a-f-]{36})\./.exec(body.error.message)?.[1];
    expect(requestId).toBeDefined();

    const logged = lines();
    expect(logged).toHaveLength(1);
    const line = logged[0];
    expect(line.level).toBe(50);
    expect(line.reqId).toBe(requestId);
    expect(line).toMatchObject({ method: 'GET', route: '/api/companies/:id', status: 500, msg: 'request failed' });
    expect(line.err.stack).toMatch(/\n\s+at /);
    expect(line.err.message).toEqual(expect.any(String));
    const raw = JSON.stringify(line);
    for (const secret of ['secret-token-value', cookie.split('=')[1] ?? 'x', csrf]) expect(raw).not.toContain(secret);

    const started = Date.now();
    const down = await app.inject({ method: 'GET', url: '/api/health' });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(down.statusCode).toBe(503);
    expect(down.json().error).toMatchObject({ code: 'UNAVAILABLE', fields: { database: 'does not answer' } });
    expect(lines().map((l) => l.status)).toEqual([500, 503]);
  }, 90_000);

  it('logs each request with TRAKT_LOG=1, the calendar feed without its secret', async () => {
    const { app, lines, cookie } = await start(true);
    // the sign-in of start() is logged too
    expect(
      lines()
        .filter((l) => l.msg === 'incoming request')
        .map((l) => l.req.url),
    ).toEqual(['/api/auth/login']);
    const from = lines().length;
    await app.inject({ method: 'GET', url: '/api/companies', headers: { cookie } });
    await app.inject({ method: 'GET', url: '/api/calendar/0123456789abcdef0123456789abcdef.ics' });
    const logged = lines().slice(from);
    const incoming = logged.filter((l) => l.msg === 'incoming request');
    expect(incoming.map((l) => l.req.url)).toEqual(['/api/companies', '/api/calendar/[redacted]']);
    expect(logged.filter((l) => l.msg === 'request completed').map((l) => l.res.statusCode)).toEqual([200, 404]);
    expect(new Set(incoming.map((l) => l.reqId)).size).toBe(2);
    const raw = JSON.stringify(logged);
    expect(raw).not.toContain('0123456789abcdef0123456789abcdef');
    expect(raw).not.toContain(cookie.split('=')[1] ?? 'x');
  }, 90_000);
});
