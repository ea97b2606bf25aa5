// L-1 and L-3 on the company, contact and activity lists: text search, initial letter, filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
const company: Record<string, number> = {};

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  const rows = [
    { name: 'Øresund Logistik ApS', city: 'Helsingør', searchName: 'ORESUND', accountNumber: 'K-100' },
    { name: 'Ærø Færger', city: 'Ærøskøbing', accountNumber: 'K-200' },
    { name: 'Åkesson Bygg AB', city: 'Malmö', country: 'SE', orgNumber: '5560360793', accountNumber: 'K-300' },
    { name: 'Oslo Skilt AS', city: 'Oslo', country: 'NO', accountNumber: 'K-400' },
  ];
  for (const row of rows) company[row.name] = (await seller.post('/api/companies', row)).body.id;
  const contacts = [
    { companyId: company['Øresund Logistik ApS'], firstName: 'Søren', lastName: 'Østergaard', email: 'SOREN@oresund.dk' },
    { companyId: company['Øresund Logistik ApS'], firstName: 'Anna', lastName: 'Olsen' },
    { companyId: company['Åkesson Bygg AB'], firstName: 'Åsa', lastName: 'Åkesson', email: 'asa@akesson.se' },
  ];
  for (const row of contacts) expect((await seller.post('/api/contacts', row)).status).toBe(201);
  const activities = [
    { type: 'call', subject: 'Ring om færgerne', companyId: company['Ærø Færger'], dueDate: '2026-03-01' },
    {
      type: 'meeting',
      subject: 'Møde i Malmö',
      text: 'Gennemgå TILBUDDET',
      companyId: company['Åkesson Bygg AB'],
      dueDate: '2026-04-01',
      done: true,
    },
    { type: 'task', subject: 'Send materiale', companyId: company['Oslo Skilt AS'] },
  ];
  for (const row of activities) expect((await seller.post('/api/activities', row)).status).toBe(201);
});
afterAll(() => api.close());

const names = async (url: string, key = 'name') => {
  const answer = await seller.get(url);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body.items as Record<string, string>[]).map((row) => row[key]).sort();
};
const enc = encodeURIComponent;

describe('companies', () => {
  it('searches name, search name, account number, org number and city with the wildcard rules', async () => {
    expect(await names(`/api/companies?q=${enc('ØRESUND')}`)).toEqual(['Øresund Logistik ApS']);
    expect(await names(`/api/companies?q=oresund`)).toEqual(['Øresund Logistik ApS']);
    expect(await names(`/api/companies?q=${enc('k-3')}`)).toEqual(['Åkesson Bygg AB']);
    expect(await names(`/api/companies?q=556036`)).toEqual(['Åkesson Bygg AB']);
    expect(await names(`/api/companies?q=${enc('%MÖ')}`)).toEqual(['Åkesson Bygg AB']);
    expect(await names(`/api/companies?q=${enc('ærø%')}`)).toEqual(['Ærø Færger']);
    expect(await names(`/api/companies?q=${enc('%ærø')}`)).toEqual([]);
  });

  it('filters by initial letter: Ø, Æ and Å are letters of their own', async () => {
    expect(await names(`/api/companies?letter=${enc('Ø')}`)).toEqual(['Øresund Logistik ApS']);
    expect(await names(`/api/companies?letter=${enc('æ')}`)).toEqual(['Ærø Færger']);
    expect(await names(`/api/companies?letter=${enc('Å')}`)).toEqual(['Åkesson Bygg AB']);
    expect(await names(`/api/companies?letter=O`)).toEqual(['Oslo Skilt AS']);
    expect(await names(`/api/companies?letter=O&country=SE`)).toEqual([]);
    expect((await seller.get('/api/companies?letter=12')).status).toBe(400);
  });
});

describe('contacts', () => {
  it('searches first and last name, the full name and email; letter on the last name', async () => {
    expect(await names(`/api/contacts?q=${enc('søren øster%')}`, 'lastName')).toEqual(['Østergaard']);
    expect(await names(`/api/contacts?q=${enc('oresund.dk')}`, 'lastName')).toEqual(['Østergaard']);
    expect(await names(`/api/contacts?letter=${enc('Ø')}`, 'lastName')).toEqual(['Østergaard']);
    expect(await names(`/api/contacts?letter=${enc('Å')}`, 'lastName')).toEqual(['Åkesson']);
    expect(await names(`/api/contacts?letter=O`, 'lastName')).toEqual(['Olsen']);
    expect(await names(`/api/contacts?email=soren@ORESUND.dk`, 'lastName')).toEqual(['Østergaard']);
    expect(await names(`/api/contacts?companyId=${company['Øresund Logistik ApS']}&letter=O`, 'lastName')).toEqual(['Olsen']);
  });

  // contains is searched on "first last" and email only (it holds every first- and last-name match);
  // starts with and ends with still look at each name on its own
  it.each([
    ['ØSTER', ['Østergaard']], // contains, in the last name
    ['nna', ['Olsen']], // contains, in the first name
    ['a ol', ['Olsen']], // contains, across first and last name
    ['%gaard', ['Østergaard']], // ends with the last name
    ['%anna', ['Olsen']], // the first name ends with
    ['ols%', ['Olsen']], // the last name starts with
    ['ann%', ['Olsen']], // the first name starts with
    ['åsa åk%', ['Åkesson']], // the full name starts with
    ['%akesson.se', ['Åkesson']], // the email ends with
    ['sen', ['Olsen']],
  ])('q=%s finds %j', async (q, expected) => {
    expect(await names(`/api/contacts?q=${enc(q)}`, 'lastName')).toEqual(expected);
  });
});

describe('activities', () => {
  it('searches subject and text, filters by type, done, company and due range; undated last', async () => {
    expect(await names(`/api/activities?q=${enc('FÆRGE')}`, 'subject')).toEqual(['Ring om færgerne']);
    expect(await names(`/api/activities?q=tilbuddet`, 'subject')).toEqual(['Møde i Malmö']);
    expect(await names(`/api/activities?type=meeting,task&done=false`, 'subject')).toEqual(['Send materiale']);
    expect(await names(`/api/activities?dueDate.gte=2026-03-15&dueDate.lte=2026-12-31`, 'subject')).toEqual(['Møde i Malmö']);
    const byDue = await seller.get('/api/activities?sort=-dueDate');
    expect(byDue.body.items.map((a: { subject: string }) => a.subject)).toEqual(['Møde i Malmö', 'Ring om færgerne', 'Send materiale']);
    expect((await seller.get('/api/activities?priority=high')).status).toBe(400);
  });
});
