// L-8 as an attacker or an operator sees it: the feed's address is made with TRAKT_PUBLIC_URL, never
// with the Host header a client writes, and its secret never reaches the log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../../db/connect.ts';
import { saveSettings } from '../../db/settings.ts';
import { createUser } from '../../domain/users/users.ts';
import { buildTestServer } from '../../../test/helpers/api.ts';
import { publicUrlFrom } from '../public-address.ts';

let database: Database;
let app: FastifyInstance;
const log: string[] = [];
const before = process.env.TRAKT_PUBLIC_URL;

beforeAll(async () => {
  database = await freshDatabase();
  await saveSettings(database.db, { setupDone: true });
  process.env.TRAKT_PUBLIC_URL = 'https://crm.example.com/';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  });
  app = await buildTestServer({ database, webDir: null, logger: true, logStream: stream });
  process.env.TRAKT_PUBLIC_URL = before;
  await createUser({
    db: database.db,
    actor: null,
    input: { name: 'Liv', email: 'liv@example.com', password: 'the right one!', role: 'seller' },
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('calendar feed address (L-8)', () => {
  it('is made with TRAKT_PUBLIC_URL whatever Host the request names, and its secret stays out of the log', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'liv@example.com', password: 'the right one!' },
    });
    const headers = { cookie: String(login.headers['set-cookie']).split(';')[0] ?? '', 'x-csrf-token': login.json().csrfToken as string };
    const made = await app.inject({
      method: 'POST',
      url: '/api/calendar-feed',
      headers: { ...headers, host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(made.statusCode).toBe(201);
    const { url, path } = made.json<{ url: string; path: string }>();
    expect(url).toBe(`https://crm.example.com${path}`);
    const secret = path.slice('/api/calendar/'.length, -'.ics'.length);
    expect(secret.length).toBeGreaterThanOrEqual(40);

    const feed = await app.inject({ method: 'GET', url: path, headers: { host: 'evil.example' } });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).not.toContain('evil.example');

    const written = log.join('');
    expect(written).toContain('/api/calendar/');
    expect(written).not.toContain(secret);
  });

  it('reads TRAKT_PUBLIC_URL strictly', () => {
    expect(publicUrlFrom(undefined)).toBeNull();
    expect(publicUrlFrom(' https://crm.example.com/ ')).toBe('https://crm.example.com');
    expect(publicUrlFrom('https://example.com/trakt/')).toBe('https://example.com/trakt');
    expect(() => publicUrlFrom('crm.example.com')).toThrow(/not an address/);
    expect(() => publicUrlFrom('ftp://crm.example.com')).toThrow(/https:\/\//);
    expect(() => publicUrlFrom('https://crm.example.com/?x=1')).toThrow(/without/);
  });
});
