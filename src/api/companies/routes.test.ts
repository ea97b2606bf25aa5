import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { deleteAllRecords } from '../../../test/helpers/database.ts';

let api: TestApi;
let seller: Client;
let manager: Client;
beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  manager = await api.as('manager');
});
// each test builds the companies it reads, so the tests run alone and in any order
afterEach(() => deleteAllRecords(api.database.db));
afterAll(() => api.close());

describe('companies (C-1, C-2)', () => {
  it('needs only a name: suggests the next free account number, status prospect, owner = creator', async () => {
    const suggested = await seller.get('/api/companies/next-account-number');
    expect(suggested.body).toEqual({ accountNumber: expect.stringMatching(/^\d+$/) });
    const next: string = suggested.body.accountNumber;
    const first = await seller.post('/api/companies', { name: 'Fjordkraft AS' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      accountNumber: next,
      name: 'Fjordkraft AS',
      status: 'prospect',
      ownerId: seller.userId,
      customerNumber: null,
      version: 1,
    });
    const second = await seller.post('/api/companies', { name: 'Øresund Logistik ApS' });
    expect(second.body.accountNumber).toBe(String(Number(next) + 1));
    const aboveAll = String(Number(next) + 40_000);
    const given = await seller.post('/api/companies', { name: 'Given Number AB', accountNumber: aboveAll });
    expect(given.body.accountNumber).toBe(aboveAll);
    expect((await seller.get('/api/companies/next-account-number')).body.accountNumber).toBe(String(Number(aboveAll) + 1));
  });

  it('numbers the first company 10001', async () => {
    await deleteAllRecords(api.database.db);
    expect((await seller.get('/api/companies/next-account-number')).body).toEqual({ accountNumber: '10001' });
    expect((await seller.post('/api/companies', { name: 'First AS' })).body.accountNumber).toBe('10001');
  });

  it('refuses a second company with the same account number (409 naming the field)', async () => {
    const original = (await seller.post('/api/companies', { name: 'Original AS' })).body;
    const again = await seller.post('/api/companies', { name: 'Copy AS', accountNumber: original.accountNumber });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: { code: 'DUPLICATE', message: 'accountNumber is already in use', fields: { accountNumber: 'is already in use' } },
    });
  });

  it('answers 400 naming the field for bad input, never 500', async () => {
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ name: 'X', country: 'Denmark' }, 'country'],
      [{ name: 'X', industryId: 'abc' }, 'industryId'],
      [{ name: 'X', industryId: 99999 }, 'industryId'],
      [{ name: 'X', colour: 'blue' }, 'colour'],
      [{ name: 'X', country: 'DK', orgNumber: '12345678' }, 'orgNumber'],
      [{ name: 'X', country: 'NO', orgNumber: '923609017' }, 'orgNumber'],
    ];
    for (const [payload, field] of cases) {
      const response = await seller.post('/api/companies', payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.error.fields, JSON.stringify(payload)).toHaveProperty(field);
    }
    const malformed = await api.app.inject({
      method: 'POST',
      url: '/api/companies',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBeLessThan(500);
  });

  it('stores organisation numbers checked and shows them formatted (C-2)', async () => {
    const se = await seller.post('/api/companies', { name: 'Volvo Personvagnar AB', country: 'se', orgNumber: '5560360793' });
    expect(se.status).toBe(201);
    expect(se.body).toMatchObject({ country: 'SE', orgNumber: '5560360793', orgNumberFormatted: '556036-0793' });
    const no = await seller.post('/api/companies', { name: 'Equinor ASA', country: 'NO', orgNumber: 'NO 923 609 016 MVA' });
    expect(no.body).toMatchObject({ orgNumber: '923609016', orgNumberFormatted: '923 609 016' });
  });

  it('refuses an update based on an old version with 409 and the current record (O-25)', async () => {
    const created = (await seller.post('/api/companies', { name: 'Versioned A/S' })).body;
    const first = await seller.patch(`/api/companies/${created.id}`, { city: 'Aarhus', version: created.version });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ city: 'Aarhus', version: 2, updatedBy: seller.userId });
    const stale = await seller.patch(`/api/companies/${created.id}`, { city: 'Odense', version: created.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.current).toMatchObject({ id: created.id, city: 'Aarhus', version: 2 });
    expect((await seller.get(`/api/companies/${created.id}`)).body.city).toBe('Aarhus');
  });

  it('lets a seller edit own and unowned companies but not another seller’s (A-2)', async () => {
    const other = await api.as('seller');
    const theirs = (await other.post('/api/companies', { name: 'Theirs AB' })).body;
    const denied = await seller.patch(`/api/companies/${theirs.id}`, { city: 'Malmö', version: theirs.version });
    expect(denied.status).toBe(403);
    const unowned = (await other.post('/api/companies', { name: 'Unowned Oy', ownerId: null })).body;
    expect((await seller.patch(`/api/companies/${unowned.id}`, { city: 'Turku', version: unowned.version })).status).toBe(200);
    expect((await manager.patch(`/api/companies/${theirs.id}`, { city: 'Lund', version: theirs.version })).status).toBe(200);
  });

  it('sets interest types and filters by them', async () => {
    const types = (await seller.get('/api/setup/interest-types')).body.items;
    const created = await seller.post('/api/companies', { name: 'Interested AS', interestTypeIds: [types[1].id, types[0].id] });
    expect(created.body.interestTypeIds).toEqual([types[0].id, types[1].id].sort((a: number, b: number) => a - b));
    const found = await seller.get(`/api/companies?interestTypeId=${types[1].id}`);
    expect(found.body.items.map((c: { name: string }) => c.name)).toEqual(['Interested AS']);
  });

  it('answers 404 with the error shape for a missing company', async () => {
    const missing = await seller.get('/api/companies/987654');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});

describe('company lists (L-1)', () => {
  it('pages through every row exactly once with keyset cursors, in name order', async () => {
    const names = ['Åkerlund AB', 'Bergen Bygg AS', 'aalborg it ApS', 'Cederberg AB', 'Dansk Stål A/S', 'Ekström & Co', 'Fyns Fisk'];
    for (const name of names) await manager.post('/api/companies', { name, city: 'Pagetown' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: { city: string; name: string }[]; nextCursor: string | null } } = await manager.get(
        `/api/companies?limit=3&sort=name${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.filter((c: { city: string }) => c.city === 'Pagetown').map((c: { name: string }) => c.name));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toHaveLength(names.length);
    expect(new Set(seen).size).toBe(names.length);
    const lower = seen.map((n) => n.toLowerCase());
    expect(lower).toEqual([...lower].sort());
  });

  it('sorts descending and filters by status and owner', async () => {
    for (const name of ['Seller One AS', 'Seller Two AS', 'Seller Three AS']) await seller.post('/api/companies', { name });
    for (const name of ['Manager One AS', 'Manager Two AS', 'Manager Three AS']) await manager.post('/api/companies', { name });
    const page = await manager.get(`/api/companies?sort=-accountNumber&limit=2&ownerId=${seller.userId}`);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0].accountNumber > page.body.items[1].accountNumber).toBe(true);
    expect(page.body.items.map((c: { name: string }) => c.name)).toEqual(['Seller Three AS', 'Seller Two AS']);
    expect(page.body.items.every((c: { ownerId: number }) => c.ownerId === seller.userId)).toBe(true);
    const prospects = await manager.get('/api/companies?status=prospect,active&limit=200');
    expect(prospects.body.items).toHaveLength(6);
    expect(prospects.body.items.every((c: { status: string }) => ['prospect', 'active'].includes(c.status))).toBe(true);
  });

  it('refuses unknown filters, bad sort fields and foreign cursors with 400', async () => {
    const unknown = await manager.get('/api/companies?colour=blue');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_FILTER', fields: { colour: 'is not a known field or filter' } });
    const sort = await manager.get('/api/companies?sort=password');
    expect(sort.status).toBe(400);
    expect(sort.body.error.fields).toHaveProperty('sort');
    const cursor = await manager.get('/api/companies?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields).toHaveProperty('cursor');
    const limit = await manager.get('/api/companies?limit=5000');
    expect(limit.status).toBe(400);
    expect(limit.body.error.fields).toHaveProperty('limit');
  });
});
