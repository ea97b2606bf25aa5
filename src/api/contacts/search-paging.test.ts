// A contact search sorts only its matches' ids and reads the page's rows afterwards (db/contacts.ts):
// page by page, in every sort and direction, it must give exactly the rows and order of the plain list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Answer, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
type Contact = { id: number; firstName: string; lastName: string; email: string | null };

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  const north = (await seller.post('/api/companies', { name: 'Nordhavn Trælast A/S' })).body.id;
  const south = (await seller.post('/api/companies', { name: 'Aabenraa El ApS' })).body.id;
  const rows = [
    { companyId: north, firstName: 'Jens', lastName: 'Hansen', email: 'jens@nordhavn.dk' },
    { companyId: south, firstName: 'Mette', lastName: 'Johansen' },
    { companyId: north, firstName: 'Hans', lastName: 'Hansen', email: 'hh@nordhavn.dk' },
    { companyId: south, firstName: 'Ole', lastName: 'Olsen', email: 'ole.hansen@aabenraa-el.dk' },
    { companyId: north, firstName: 'Åse', lastName: 'Hansen' },
    { companyId: south, firstName: 'Karin', lastName: 'Mortensen', email: 'karin@aabenraa-el.dk' },
    { companyId: north, firstName: 'Sofie', lastName: 'Hansen', email: 'sofie@nordhavn.dk' },
    { companyId: south, firstName: 'Per', lastName: 'Andersen' },
  ];
  for (const row of rows) expect((await seller.post('/api/contacts', row)).status).toBe(201);
});
afterAll(() => api.close());

/** Every row of a list, walked page by page (two rows a page). */
async function walk(url: string): Promise<Contact[]> {
  const rows: Contact[] = [];
  let cursor: string | null = null;
  do {
    const answer: Answer<{ items: Contact[]; nextCursor: string | null }> = await seller.get(
      `${url}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    rows.push(...answer.body.items);
    cursor = answer.body.nextCursor;
  } while (cursor && rows.length < 100);
  return rows;
}

const matches = (c: Contact, word: string) =>
  `${c.firstName} ${c.lastName}`.toLowerCase().includes(word) || Boolean(c.email?.toLowerCase().includes(word));

describe('a contact search, page by page', () => {
  it.each([
    'lastName',
    '-lastName',
    'firstName',
    '-firstName',
    'email',
    '-email',
    'company',
    '-company',
    'createdAt',
    '-createdAt',
    'primaryFirst',
  ])('sort=%s: the same rows in the same order as the plain list', async (sort) => {
    const all = await walk(`/api/contacts?sort=${sort}`);
    expect(all).toHaveLength(8);
    const expected = all.filter((c) => matches(c, 'hansen')).map((c) => c.id);
    expect(expected).toHaveLength(6); // four Hansens, Johansen, and Olsen by his email
    expect((await walk(`/api/contacts?sort=${sort}&q=hansen`)).map((c) => c.id)).toEqual(expected);
  });

  it('a contains search does not match across the name and the email', async () => {
    // "Hansen" + "hh@…": no contact's text holds "hansenhh" or "hansen hh"
    expect(await walk('/api/contacts?q=hansenhh')).toEqual([]);
    expect(await walk(`/api/contacts?q=${encodeURIComponent('hansen hh')}`)).toEqual([]);
  });
});
