import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
let manager: Client;
let admin: Client;

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  manager = await api.as('manager');
  admin = await api.as('admin');
});
afterAll(() => api.close());

const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name);

describe('the global competitor list (O-15)', () => {
  it('managers and admins add competitors; sellers may not (403)', async () => {
    const created = await manager.post('/api/competitors', {
      name: '  Vestas Service ',
      website: 'vestas.com',
      strengths: 'Large service network',
      weaknesses: 'Slow quotes',
      rating: 4,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: 'Vestas Service',
      website: 'vestas.com',
      strengths: 'Large service network',
      weaknesses: 'Slow quotes',
      rating: 4,
      active: true,
      version: 1,
    });
    expect((await admin.post('/api/competitors', { name: 'Kraftpartner' })).body).toMatchObject({
      name: 'Kraftpartner',
      website: null,
      rating: null,
      active: true,
    });
    const denied = await seller.post('/api/competitors', { name: 'Sneaky AB' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
  });

  it('a name is unique whatever its case (409 naming name)', async () => {
    const duplicate = await manager.post('/api/competitors', { name: 'VESTAS SERVICE' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields).toEqual({ name: 'is already in use' });
  });

  it.each([
    ['no name', { rating: 3 }, 'name'],
    ['an empty name', { name: '   ' }, 'name'],
    ['rating 6', { name: 'X', rating: 6 }, 'rating'],
    ['rating 0', { name: 'X', rating: 0 }, 'rating'],
    ['rating 2.5', { name: 'X', rating: 2.5 }, 'rating'],
    ['an unknown field', { name: 'X', threat: 3 }, 'threat'],
  ])('%s → 400 naming %s', async (_name, body, field) => {
    const answer = await manager.post('/api/competitors', body);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual([field]);
  });

  it('lists by name, searches with q=, filters on active', async () => {
    await manager.post('/api/competitors', { name: 'Aalborg Wind' });
    const old = (await manager.post('/api/competitors', { name: 'Bygma Energi' })).body;
    await manager.patch(`/api/competitors/${old.id}`, { active: false, version: old.version });

    expect(names((await seller.get('/api/competitors')).body)).toEqual(['Aalborg Wind', 'Bygma Energi', 'Kraftpartner', 'Vestas Service']);
    expect(names((await seller.get('/api/competitors?active=true')).body)).not.toContain('Bygma Energi');
    expect(names((await seller.get('/api/competitors?active=false')).body)).toEqual(['Bygma Energi']);
    expect(names((await seller.get('/api/competitors?q=wind')).body)).toEqual(['Aalborg Wind']);
    expect(names((await seller.get('/api/competitors?q=vest%25')).body)).toEqual(['Vestas Service']);
    expect((await seller.get('/api/competitors?nextCursor=x')).status).toBe(400);
    expect((await seller.get('/api/competitors?active=maybe')).body.error.fields).toHaveProperty('active');
  });

  it('reads and changes one competitor; a PATCH leaves the fields it does not name', async () => {
    const c = (await manager.post('/api/competitors', { name: 'Nordic Turbines', website: 'nt.no', strengths: 'Cheap' })).body;
    expect((await seller.get(`/api/competitors/${c.id}`)).body).toEqual(c);
    const changed = await manager.patch(`/api/competitors/${c.id}`, { rating: 2, weaknesses: 'Few engineers', version: c.version });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...c, rating: 2, weaknesses: 'Few engineers', version: Number(c.version) + 1 });
    // an empty text clears it
    expect((await admin.patch(`/api/competitors/${c.id}`, { website: '', version: Number(c.version) + 1 })).body.website).toBeNull();
    expect((await seller.patch(`/api/competitors/${c.id}`, { rating: 5, version: Number(c.version) + 2 })).status).toBe(403);
    const taken = await manager.patch(`/api/competitors/${c.id}`, { name: 'vestas service', version: Number(c.version) + 2 });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('DUPLICATE');
    expect((await manager.patch(`/api/competitors/${c.id}`, { rating: 9, version: Number(c.version) + 2 })).body.error.fields).toEqual({
      rating: expect.any(String),
    });
  });

  it('unknown competitors are 404', async () => {
    expect((await seller.get('/api/competitors/999999')).status).toBe(404);
    expect((await manager.patch('/api/competitors/999999', { rating: 3, version: 1 })).status).toBe(404);
  });
});
