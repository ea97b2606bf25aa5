import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
let other: Client;
let manager: Client;
let profiles: { id: number; name: string }[];
beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  other = await api.as('seller');
  manager = await api.as('manager');
  profiles = (await manager.get('/api/setup/customer-profiles')).body.items;
});
afterAll(() => api.close());

describe('convert a prospect to customer / supplier (C-3, seed 002)', () => {
  it('gives the first customer number 20001, status active and the profile, and records the history', async () => {
    const prospect = (await seller.post('/api/companies', { name: 'Kunde Emne A/S', city: 'Aarhus' })).body;
    expect(prospect.status).toBe('prospect');
    const profile = profiles[0] as { id: number };
    const converted = await seller.post(`/api/companies/${prospect.id}/convert`, { to: 'customer', customerProfileId: profile.id });
    expect(converted.status).toBe(200);
    expect(converted.body).toMatchObject({
      id: prospect.id,
      accountNumber: prospect.accountNumber,
      city: 'Aarhus',
      customerNumber: '20001',
      supplierNumber: null,
      status: 'active',
      customerProfileId: profile.id,
      version: 2,
    });
    const history = (await seller.get(`/api/companies/${prospect.id}/history`)).body.items.map(
      (l: { field: string; oldValue: string | null; newValue: string | null }) => [l.field, l.oldValue, l.newValue],
    );
    expect(history).toEqual(
      expect.arrayContaining([
        ['customerNumber', null, '20001'],
        ['status', 'prospect', 'active'],
        ['customerProfileId', null, String(profile.id)],
        ['created', null, 'Kunde Emne A/S'],
      ]),
    );

    const second = (await seller.post('/api/companies', { name: 'Anden Kunde ApS' })).body;
    expect((await seller.post(`/api/companies/${second.id}/convert`, { to: 'customer' })).body.customerNumber).toBe('20002');
  });

  it('refuses converting twice to the same role (409 ALREADY_CONVERTED) but allows both roles', async () => {
    const company = (await seller.post('/api/companies', { name: 'Begge Dele AS' })).body;
    expect((await seller.post(`/api/companies/${company.id}/convert`, { to: 'customer' })).status).toBe(200);
    const again = await seller.post(`/api/companies/${company.id}/convert`, { to: 'customer' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_CONVERTED');
    const supplier = await seller.post(`/api/companies/${company.id}/convert`, { to: 'supplier' });
    expect(supplier.status).toBe(200);
    expect(supplier.body).toMatchObject({ supplierNumber: '30001', status: 'active' });
    expect(supplier.body.customerNumber).toMatch(/^200\d\d$/);
    expect((await seller.post(`/api/companies/${company.id}/convert`, { to: 'supplier' })).body.error.code).toBe('ALREADY_CONVERTED');
  });

  it('converting to supplier keeps a prospect’s status; a given number is used and must be free', async () => {
    const company = (await seller.post('/api/companies', { name: 'Leverandør Emne AB' })).body;
    const converted = await seller.post(`/api/companies/${company.id}/convert`, { to: 'supplier', number: '35000' });
    expect(converted.body).toMatchObject({ supplierNumber: '35000', status: 'prospect', customerNumber: null });
    const next = (await seller.post('/api/companies', { name: 'Næste Leverandør AB' })).body;
    const taken = await seller.post(`/api/companies/${next.id}/convert`, { to: 'supplier', number: '35000' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'DUPLICATE', fields: { number: 'is already in use' } });
    expect((await seller.post(`/api/companies/${next.id}/convert`, { to: 'supplier' })).body.supplierNumber).toBe('35001');
  });

  it('is one transaction: a refused conversion changes nothing', async () => {
    const company = (await seller.post('/api/companies', { name: 'Uændret Emne ApS' })).body;
    const bad = await seller.post(`/api/companies/${company.id}/convert`, { to: 'customer', customerProfileId: 99999 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('customerProfileId');
    const after = (await seller.get(`/api/companies/${company.id}`)).body;
    expect(after).toMatchObject({ status: 'prospect', customerNumber: null, version: 1 });
  });

  it('answers 400 naming the field, 403 for another seller’s company, 404 for a missing one, 409 for a stale version', async () => {
    const company = (await seller.post('/api/companies', { name: 'Validering AS' })).body;
    const cases: [unknown, string][] = [
      [{}, 'to'],
      [{ to: 'partner' }, 'to'],
      [{ to: 'customer', number: 'abc' }, 'number'],
      [{ to: 'customer', number: '0123' }, 'number'],
      [{ to: 'customer', colour: 'red' }, 'colour'],
      [{ to: 'supplier', customerProfileId: profiles[0]?.id }, 'customerProfileId'],
    ];
    for (const [payload, field] of cases) {
      const response = await seller.post(`/api/companies/${company.id}/convert`, payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.error.fields, JSON.stringify(payload)).toHaveProperty(field);
    }
    expect((await other.post(`/api/companies/${company.id}/convert`, { to: 'customer' })).status).toBe(403);
    expect((await seller.post('/api/companies/999999/convert', { to: 'customer' })).status).toBe(404);
    const stale = await seller.post(`/api/companies/${company.id}/convert`, { to: 'customer', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: company.id, version: 1 } });
    expect((await manager.post(`/api/companies/${company.id}/convert`, { to: 'customer', version: 1 })).status).toBe(200);
  });
});

describe('duplicate warning (C-6)', () => {
  let existing: { id: number; accountNumber: string };
  beforeAll(async () => {
    existing = (
      await manager.post('/api/companies', {
        name: 'Nordlys Energi AS',
        country: 'NO',
        orgNumber: '923609016',
        email: 'post@nordlys.no',
        phone: '+47 22 33 44 55',
      })
    ).body;
    await manager.post('/api/companies', { name: 'Privat Mail ApS', email: 'privat@gmail.com' });
  });

  it('finds a company by name ignoring case, legal form and punctuation', async () => {
    const found = await seller.get(`/api/companies/duplicates?name=${encodeURIComponent('NORDLYS-ENERGI A/S')}`);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      { id: existing.id, name: 'Nordlys Energi AS', accountNumber: existing.accountNumber, matchedOn: ['name'] },
    ]);
    expect((await seller.get('/api/companies/duplicates?name=Nordlys')).body.items).toEqual([]);
  });

  it('finds by organisation number, email domain and phone, all keys listed', async () => {
    const query = new URLSearchParams({
      name: 'Helt Andet Navn',
      orgNumber: 'NO 923 609 016 MVA',
      email: 'kari@NORDLYS.no',
      phone: '22 33 44 55',
    });
    const found = await seller.get(`/api/companies/duplicates?${query.toString()}`);
    expect(found.body.items).toEqual([
      {
        id: existing.id,
        name: 'Nordlys Energi AS',
        accountNumber: existing.accountNumber,
        matchedOn: ['orgNumber', 'emailDomain', 'phone'],
      },
    ]);
  });

  it('ignores public mail domains, and answers nothing for nothing', async () => {
    expect((await seller.get('/api/companies/duplicates?email=someone@gmail.com')).body.items).toEqual([]);
    expect((await seller.get('/api/companies/duplicates')).body.items).toEqual([]);
    expect((await seller.get('/api/companies/duplicates?colour=red')).status).toBe(400);
  });

  it('warns in the answer to POST /api/companies, which still creates the company', async () => {
    const created = await seller.post('/api/companies', { name: 'Nordlys Energi', email: 'salg@nordlys.no' });
    expect(created.status).toBe(201);
    expect(created.body.warnings).toEqual([
      { id: existing.id, name: 'Nordlys Energi AS', accountNumber: existing.accountNumber, matchedOn: ['name', 'emailDomain'] },
    ]);
    const fresh = await seller.post('/api/companies', { name: 'Sydlys Sol ApS' });
    expect(fresh.body.warnings).toEqual([]);
  });
});
