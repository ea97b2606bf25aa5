// L-4: saved views — private or shared, only the owner or an admin changes them, only valid filters.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let anna: Client;
let bo: Client;
let admin: Client;

beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());
// each test has its own users and no views left by another test, so any one test runs alone
beforeEach(async () => {
  anna = await api.as('seller', 'Anna');
  bo = await api.as('seller', 'Bo');
  admin = await api.as('admin');
});
afterEach(async () => {
  await api.database.db.deleteFrom('savedViews').execute();
});

const bigOpenDeals = {
  resource: 'opportunities',
  name: 'Store åbne',
  query: { status: 'open', 'amount.gte': '100000', sort: '-amount' },
  columns: ['number', 'title', 'amount'],
};

describe('saved views (L-4)', () => {
  it('saves filters, sort and columns; the owner sees a private view, others do not', async () => {
    const created = await anna.post('/api/views', bigOpenDeals);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...bigOpenDeals,
      shared: false,
      ownerId: anna.userId,
      ownerName: 'Anna',
      editable: true,
      version: 1,
    });
    expect((await anna.get('/api/views?resource=opportunities')).body.items.map((v: { name: string }) => v.name)).toEqual(['Store åbne']);
    expect((await bo.get('/api/views?resource=opportunities')).body.items).toEqual([]);
    expect((await bo.get(`/api/views/${created.body.id}`)).status).toBe(404);
    expect((await anna.get('/api/views?resource=companies')).body.items).toEqual([]);
  });

  it('shares a view with everyone, read-only for others; admin may change it', async () => {
    const view = (
      await anna.post('/api/views', {
        resource: 'companies',
        name: 'Kunder i Norge',
        query: { country: 'NO', status: 'active' },
        shared: true,
      })
    ).body;
    const seen = (await bo.get('/api/views?resource=companies')).body.items;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ name: 'Kunder i Norge', editable: false, query: { country: 'NO', status: 'active' } });
    const refused = await bo.patch(`/api/views/${view.id}`, { name: 'Mine nu', version: view.version });
    expect(refused.status).toBe(403);
    expect((await bo.delete(`/api/views/${view.id}`)).status).toBe(403);
    const renamed = await admin.patch(`/api/views/${view.id}`, { name: 'Norske kunder', version: view.version });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Norske kunder', version: 2, ownerId: anna.userId });
    const stale = await anna.patch(`/api/views/${view.id}`, { shared: false, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ name: 'Norske kunder', version: 2 });
    expect((await anna.delete(`/api/views/${view.id}`)).status).toBe(204);
    expect((await bo.get('/api/views?resource=companies')).body.items).toEqual([]);
  });

  it('refuses filters, sorts and columns the list does not have, naming them (400)', async () => {
    const cases: [object, string][] = [
      [{ ...bigOpenDeals, name: 'a', query: { colour: 'red' } }, 'query.colour'],
      [{ ...bigOpenDeals, name: 'b', query: { status: 'maybe' } }, 'query.status'],
      [{ ...bigOpenDeals, name: 'c', query: { 'amount.gte': 'lots' } }, 'query.amount.gte'],
      [{ ...bigOpenDeals, name: 'd', query: { sort: '-colour' } }, 'query.sort'],
      [{ ...bigOpenDeals, name: 'e', columns: ['number', 'shoeSize'] }, 'columns'],
      [{ ...bigOpenDeals, name: 'f', query: { cursor: 'abc' } }, 'query.cursor'],
      [{ ...bigOpenDeals, name: 'g', resource: 'companies', query: { stageId: '1' } }, 'query.stageId'],
      [{ ...bigOpenDeals, name: '  ' }, 'name'],
      [{ ...bigOpenDeals, resource: 'quotes' }, 'resource'],
    ];
    for (const [body, field] of cases) {
      const answer = await anna.post('/api/views', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.fields, JSON.stringify(answer.body)).toHaveProperty([field]);
    }
  });

  it('keeps names unique per owner and list, whatever the case (409)', async () => {
    expect((await bo.post('/api/views', { ...bigOpenDeals, name: 'Mine' })).status).toBe(201);
    const again = await bo.post('/api/views', { ...bigOpenDeals, name: 'MINE' });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual({ name: 'is already in use' });
    expect((await anna.post('/api/views', { ...bigOpenDeals, name: 'Mine' })).status).toBe(201);
  });

  it('gives a saved query that the list itself accepts', async () => {
    expect((await anna.post('/api/views', bigOpenDeals)).status).toBe(201);
    const view = (await anna.get('/api/views?resource=opportunities')).body.items.find((v: { name: string }) => v.name === 'Store åbne');
    expect(view).toBeDefined();
    const list = await anna.get(`/api/opportunities?${new URLSearchParams(view.query).toString()}`);
    expect(list.status).toBe(200);
  });
});
