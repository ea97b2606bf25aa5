import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestServer } from '../../../test/helpers/api.ts';
import type { Database } from '../../db/connect.ts';
import { freshDatabase } from '../../../test/helpers/database.ts';
import { ensureAdminFromEnvironment } from '../../domain/instance/first-start.ts';

let database: Database;
let app: FastifyInstance;
// each test starts from a database nobody has set up yet
beforeEach(async () => {
  database = await freshDatabase();
  app = await buildTestServer({ database, webDir: null });
});
afterEach(async () => {
  await app.close();
  await database.close();
});

const setupBody = {
  companyName: 'Fjellsalg AS',
  baseCurrency: 'nok',
  language: 'nb',
  admin: { name: 'Kari Nordmann', email: 'kari@fjellsalg.no', password: 'a long password' },
  loadDemo: true,
};

describe('first start (A-4)', () => {
  it('says setup is needed on an empty database', async () => {
    const answer = await app.inject({ method: 'GET', url: '/api/instance' });
    expect(answer.json()).toEqual({ needsSetup: true, companyName: 'Trakt', baseCurrency: 'DKK', language: 'en' });
  });

  it('refuses a setup with a short password and writes nothing', async () => {
    const short = await app.inject({
      method: 'POST',
      url: '/api/instance/setup',
      payload: { ...setupBody, admin: { ...setupBody.admin, password: 'short' } },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty('password');
    expect((await app.inject({ method: 'GET', url: '/api/instance' })).json().needsSetup).toBe(true);
  });

  it('sets up once: company settings, the first admin signed in, demo data loaded', async () => {
    const answer = await app.inject({ method: 'POST', url: '/api/instance/setup', payload: setupBody });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().user).toMatchObject({ name: 'Kari Nordmann', role: 'admin', language: 'nb', initials: 'KN' });
    const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/instance' })).json()).toEqual({
      needsSetup: false,
      companyName: 'Fjellsalg AS',
      baseCurrency: 'NOK',
      language: 'nb',
    });
    const companies = await app.inject({ method: 'GET', url: '/api/companies?limit=200', headers: { cookie } });
    expect(companies.json().items.length).toBe(200);
  }, 120_000); // it loads the whole demo data set, slow on a busy machine

  it('cannot be replayed once an admin exists', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/instance/setup', payload: { ...setupBody, loadDemo: false } })).statusCode).toBe(
      200,
    );
    const again = await app.inject({
      method: 'POST',
      url: '/api/instance/setup',
      payload: { ...setupBody, admin: { ...setupBody.admin, email: 'evil@example.com' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_ALREADY_DONE');
    expect(await ensureAdminFromEnvironment(database.db, 'env@example.com', 'a long password')).toBeNull();
  });
});
