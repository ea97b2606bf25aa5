import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
let companyId: number;
beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  companyId = (await seller.post('/api/companies', { name: 'Kontakt A/S' })).body.id;
});
afterAll(() => api.close());

describe('contacts (C-4)', () => {
  it('makes the first contact primary and lists the primary first, then by last name', async () => {
    const first = await seller.post('/api/contacts', { companyId, firstName: 'Zara', lastName: 'Ørsted', title: 'Indkøbschef' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ isPrimary: true, companyName: 'Kontakt A/S' });
    await seller.post('/api/contacts', { companyId, firstName: 'Bo', lastName: 'Andersen' });
    await seller.post('/api/contacts', { companyId, firstName: 'Clara', lastName: 'berg', email: 'clara@kontakt.dk' });
    const list = await seller.get(`/api/contacts?companyId=${companyId}`);
    expect(list.body.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Ørsted', 'Andersen', 'berg']);
  });

  it('keeps one primary contact per company: a new primary replaces the old one', async () => {
    const newPrimary = await seller.post('/api/contacts', { companyId, firstName: 'Dan', lastName: 'Dahl', isPrimary: true });
    expect(newPrimary.body.isPrimary).toBe(true);
    const list = await seller.get(`/api/contacts?companyId=${companyId}`);
    expect(list.body.items.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { lastName: string }) => c.lastName)).toEqual([
      'Dahl',
    ]);
    expect(list.body.items[0].lastName).toBe('Dahl');
  });

  it('finds contacts across companies by name or email, and refuses bad input', async () => {
    const found = await seller.get('/api/contacts?q=clara%40kontakt');
    expect(found.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Clara']);
    const missingCompany = await seller.post('/api/contacts', { companyId: 999999, lastName: 'Nobody' });
    expect(missingCompany.status).toBe(400);
    expect(missingCompany.body.error.fields).toHaveProperty('companyId');
    const noName = await seller.post('/api/contacts', { companyId });
    expect(noName.body.error.fields).toHaveProperty('lastName');
  });

  it('updates with a version and refuses a stale one', async () => {
    const c = (await seller.post('/api/contacts', { companyId, lastName: 'Version' })).body;
    expect((await seller.patch(`/api/contacts/${c.id}`, { mobile: '+45 20 30 40 50', version: c.version })).body.mobile).toBe(
      '+45 20 30 40 50',
    );
    expect((await seller.patch(`/api/contacts/${c.id}`, { mobile: '1', version: c.version })).status).toBe(409);
    expect((await seller.delete(`/api/contacts/${c.id}`)).status).toBe(204);
    expect((await seller.get(`/api/contacts/${c.id}`)).status).toBe(404);
  });
});
