import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../../../test/helpers/api.ts';
import { createUser } from '../../domain/users/users.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

describe('sign-in (A-3, A-5)', () => {
  it('signs in with the right password, case-insensitive email, and sets an HTTP-only SameSite cookie', async () => {
    await createUser({
      db: api.database.db,
      actor: null,
      input: { name: 'Åse Ødegård', email: 'Ase@Example.com', password: 'long enough pw', role: 'seller' },
    });
    const response = await login('ase@example.COM', 'long enough pw');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'Ase@Example.com', role: 'seller', initials: 'ÅØ' });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^trakt_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('Ase@Example.com');
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('refuses a wrong password with 401 and the error shape, and logs the failure', async () => {
    const response = await login('ase@example.com', 'wrong password', '10.0.0.2');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password', fields: { email: 'wrong email or password' } },
    });
    const logged = await api.database.db
      .selectFrom('authEvents')
      .selectAll()
      .where('kind', '=', 'login_failed')
      .where('ip', '=', '10.0.0.2')
      .execute();
    expect(logged).toHaveLength(1);
  });

  it('rate-limits an email from one address after five failures, even with the right password then, but not from another', async () => {
    await createUser({
      db: api.database.db,
      actor: null,
      input: { name: 'Target', email: 'target@example.com', password: 'the right one!', role: 'seller' },
    });
    for (let i = 0; i < 5; i += 1) expect((await login('target@example.com', `guess ${i}`, '10.1.0.1')).statusCode).toBe(401);
    const limited = await login('target@example.com', 'the right one!', '10.1.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await login('target@example.com', 'the right one!', '10.1.0.99')).statusCode).toBe(200);
  });

  it('answers 401 without a session, and 400 naming the field for a bad body', async () => {
    const me = await api.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
    const bad = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.com' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('password');
  });
});

describe('CSRF and tokens', () => {
  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const seller = await api.as('seller');
    const me = await seller.get('/api/auth/me');
    const cookieLogin = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.body.user.email, password: 'correct horse battery' },
    });
    const cookie = String(cookieLogin.headers['set-cookie']).split(';')[0] ?? '';
    const without = await api.app.inject({ method: 'POST', url: '/api/companies', headers: { cookie }, payload: { name: 'No CSRF A/S' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/companies',
      headers: { cookie, 'x-csrf-token': 'nope' },
      payload: { name: 'No CSRF A/S' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await api.app.inject({
      method: 'POST',
      url: '/api/companies',
      headers: { cookie, 'x-csrf-token': cookieLogin.json().csrfToken },
      payload: { name: 'With CSRF A/S' },
    });
    expect(right.statusCode).toBe(201);
  });

  it('accepts a personal Bearer token without CSRF, and refuses it once revoked', async () => {
    const manager = await api.as('manager');
    const created = await manager.post('/api/auth/tokens', { name: 'ERP integration' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    const bearer = (method: 'GET' | 'POST', url: string, payload?: object) =>
      api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    expect((await bearer('POST', '/api/companies', { name: 'Via token AB' })).statusCode).toBe(201);
    const list = await manager.get('/api/auth/tokens');
    expect(list.body.items[0]).toMatchObject({ name: 'ERP integration', revokedAt: null });
    expect(list.body.items[0].token).toBeUndefined();
    expect((await manager.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    const after = await bearer('GET', '/api/companies');
    expect(after.statusCode).toBe(401);
  });

  it('signs out: the cookie stops working', async () => {
    const seller = await api.as('seller');
    expect((await seller.get('/api/auth/me')).status).toBe(200);
    expect((await seller.post('/api/auth/logout')).status).toBe(204);
    expect((await seller.get('/api/auth/me')).status).toBe(401);
  });

  it('changes the password: the old one stops working, the new one works', async () => {
    const seller = await api.as('seller');
    const email = (await seller.get('/api/auth/me')).body.user.email as string;
    const wrong = await seller.post('/api/auth/password', { currentPassword: 'not it', newPassword: 'a brand new secret' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty('currentPassword');
    const short = await seller.post('/api/auth/password', { currentPassword: 'correct horse battery', newPassword: 'short' });
    expect(short.body.error.fields).toHaveProperty('newPassword');
    expect(
      (await seller.post('/api/auth/password', { currentPassword: 'correct horse battery', newPassword: 'a brand new secret' })).status,
    ).toBe(200);
    expect((await login(email, 'correct horse battery', '10.9.0.1')).statusCode).toBe(401);
    expect((await login(email, 'a brand new secret', '10.9.0.2')).statusCode).toBe(200);
  });
});

describe('roles (A-2) enforced in the API', () => {
  it('lets only admins create users, and logs the denial', async () => {
    const seller = await api.as('seller');
    const denied = await seller.post('/api/users', {
      name: 'Sneaky',
      email: 'sneaky@example.com',
      password: 'long enough pw',
      role: 'admin',
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    const logged = await api.database.db
      .selectFrom('authEvents')
      .selectAll()
      .where('kind', '=', 'denied')
      .where('userId', '=', seller.userId)
      .execute();
    expect(logged.length).toBe(1);
    expect(logged[0]?.detail).toBe('POST /api/users');

    const admin = await api.as('admin');
    const created = await admin.post('/api/users', {
      name: 'Nils Ødegaard',
      email: 'nils@example.com',
      password: 'long enough pw',
      role: 'seller',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ initials: 'NØ', role: 'seller', active: true, language: 'en' });
    const duplicate = await admin.post('/api/users', {
      name: 'Other Nils',
      email: 'NILS@example.com',
      password: 'long enough pw',
      role: 'seller',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'DUPLICATE', fields: { email: 'is already in use' } });
  });

  it('lets a user change their own language but not their role', async () => {
    const seller = await api.as('seller');
    const me = (await seller.get('/api/auth/me')).body.user;
    const changed = await seller.patch(`/api/users/${me.id}`, { language: 'da', version: me.version });
    expect(changed.status).toBe(200);
    expect(changed.body.language).toBe('da');
    const promoted = await seller.patch(`/api/users/${me.id}`, { role: 'admin', version: changed.body.version });
    expect(promoted.status).toBe(403);
  });

  it('keeps the last admin from being demoted', async () => {
    const fresh = await api.as('admin');
    const admins = await fresh.get('/api/users?role=admin&active=true');
    for (const user of admins.body.items.filter((u: { id: number }) => u.id !== fresh.userId)) {
      await fresh.patch(`/api/users/${user.id}`, { active: false, version: user.version });
    }
    const last = (await fresh.get('/api/users?role=admin&active=true')).body.items;
    expect(last).toHaveLength(1);
    const demote = await fresh.patch(`/api/users/${last[0].id}`, { role: 'seller', version: last[0].version });
    expect(demote.status).toBe(422);
    expect(demote.body.error.code).toBe('LAST_ADMIN');
  });
});
