// as an attacker tries them: parallel guessing, guessing the current password of a stolen
// session, a stranger hammering someone else's account, and what a new password takes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../../../test/helpers/api.ts';
import { createUser } from '../../domain/users/users.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const login = (email: string, password: string, ip: string) =>
  api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

async function user(email: string, password = 'the right one!', role: 'admin' | 'seller' = 'seller') {
  return createUser({ db: api.database.db, actor: null, input: { name: email.split('@')[0] ?? 'x', email, password, role } });
}

async function session(email: string, password: string, ip: string) {
  const response = await login(email, password, ip);
  expect(response.statusCode).toBe(200);
  const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
  const csrf = response.json().csrfToken as string;
  return {
    send: (method: 'GET' | 'POST', url: string, payload?: object, withCsrf = true) =>
      api.app.inject({
        method,
        url,
        remoteAddress: ip,
        headers: { cookie, ...(withCsrf ? { 'x-csrf-token': csrf } : {}) },
        ...(payload ? { payload } : {}),
      }),
  };
}

const failuresLogged = async (email: string) =>
  (await api.database.db.selectFrom('authEvents').select('id').where('kind', '=', 'login_failed').where('email', '=', email).execute())
    .length;

describe('guessing passwords (A-5)', () => {
  it('checks at most five of forty parallel wrong passwords, and tells the others when to come back', async () => {
    await user('parallel@example.com');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('parallel@example.com', `guess ${i}`, '203.0.113.10')));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    // every argon2 verification of a wrong password is logged as one failure
    expect(await failuresLogged('parallel@example.com')).toBe(5);
    const refused = answers.find((a) => a.statusCode === 429);
    const error = refused?.json().error;
    expect(error.code).toBe('TOO_MANY_ATTEMPTS');
    // a minute after the last counted one (which may have been a moment after this one arrived)
    expect(Number(error.fields.retryAfter)).toBeGreaterThanOrEqual(55);
    expect(Number(error.fields.retryAfter)).toBeLessThanOrEqual(61);
    expect(refused?.headers['retry-after']).toBe(error.fields.retryAfter);
  });

  it('lets the owner in from elsewhere while a stranger hammers the account', async () => {
    await user('owner@example.com', 'owner password', 'admin');
    for (let i = 0; i < 12; i += 1)
      expect([401, 429]).toContain((await login('owner@example.com', `guess ${i}`, '198.51.100.66')).statusCode);
    // the stranger's address is held up, even when it finally tries the right password
    expect((await login('owner@example.com', 'owner password', '198.51.100.66')).statusCode).toBe(429);
    const owner = await login('OWNER@example.com', 'owner password', '192.0.2.200');
    expect(owner.statusCode).toBe(200);
    expect(owner.json().user.email).toBe('owner@example.com');
  });

  it('limits guesses at the current password when changing it', async () => {
    await user('changer@example.com');
    const stolen = await session('changer@example.com', 'the right one!', '203.0.113.20');
    for (let i = 0; i < 5; i += 1) {
      const wrong = await stolen.send('POST', '/api/auth/password', { currentPassword: `guess ${i}`, newPassword: 'attacker owns it' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields).toHaveProperty('currentPassword');
    }
    const limited = await stolen.send('POST', '/api/auth/password', { currentPassword: 'the right one!', newPassword: 'attacker owns it' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // the same count as sign-ins of that account from that address
    expect((await login('changer@example.com', 'the right one!', '203.0.113.20')).statusCode).toBe(429);
    expect((await login('changer@example.com', 'attacker owns it', '192.0.2.21')).statusCode).toBe(401);
  });
});

describe('a new password ends what the old one opened (A-3)', () => {
  it('revokes the API tokens and signs out the other sessions on a password change, and says so', async () => {
    await user('rotate@example.com');
    const here = await session('rotate@example.com', 'the right one!', '192.0.2.31');
    const elsewhere = await session('rotate@example.com', 'the right one!', '192.0.2.32');
    const tokens = [];
    for (const name of ['ERP', 'Zapier']) tokens.push((await here.send('POST', '/api/auth/tokens', { name })).json().token as string);
    const bearer = (token: string) => api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await bearer(tokens[0] ?? '')).statusCode).toBe(200);

    const changed = await here.send('POST', '/api/auth/password', { currentPassword: 'the right one!', newPassword: 'a brand new secret' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ revokedTokens: 2, endedSessions: 1 });
    for (const token of tokens) expect((await bearer(token)).statusCode).toBe(401);
    expect((await elsewhere.send('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await here.send('GET', '/api/auth/me')).statusCode).toBe(200);
    const list = (await here.send('GET', '/api/auth/tokens')).json().items as { revokedAt: string | null }[];
    expect(list.every((t) => t.revokedAt !== null)).toBe(true);
  });

  it('revokes the tokens and every session when an admin sets a new password', async () => {
    const target = await user('reset@example.com');
    const theirs = await session('reset@example.com', 'the right one!', '192.0.2.41');
    const token = (await theirs.send('POST', '/api/auth/tokens', { name: 'Script' })).json().token as string;
    const admin = await api.as('admin');
    const current = (await admin.get(`/api/users/${target.id}`)).body;
    const reset = await admin.patch(`/api/users/${target.id}`, { password: 'set by the admin', version: current.version });
    expect(reset.status).toBe(200);
    expect(reset.body.revokedTokens).toBe(1);
    expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(
      401,
    );
    expect((await theirs.send('GET', '/api/auth/me')).statusCode).toBe(401);
    // other changes say nothing about tokens
    const renamed = await admin.patch(`/api/users/${target.id}`, { name: 'Renamed', version: reset.body.version });
    expect(renamed.body.revokedTokens).toBeUndefined();
  });
});

describe('sign-out (A-3)', () => {
  it('needs the CSRF token like every write with a session cookie', async () => {
    await user('leaver@example.com');
    const mine = await session('leaver@example.com', 'the right one!', '192.0.2.51');
    const forged = await mine.send('POST', '/api/auth/logout', {}, false);
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await mine.send('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await mine.send('POST', '/api/auth/logout', {})).statusCode).toBe(204);
    expect((await mine.send('GET', '/api/auth/me')).statusCode).toBe(401);
    // without a session there is nothing to forge: still 204
    expect((await api.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('lets a browser that still holds a session cookie sign in again without the CSRF token', async () => {
    const mine = await session('leaver@example.com', 'the right one!', '192.0.2.52');
    const again = await mine.send('POST', '/api/auth/login', { email: 'leaver@example.com', password: 'the right one!' }, false);
    expect(again.statusCode).toBe(200);
  });
});
