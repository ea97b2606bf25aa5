import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSettings } from '../../db/settings.ts';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
let manager: Client;
beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller', 'Sanne Sælger');
  manager = await api.as('manager', 'Mads Manager');
});
afterAll(() => api.close());

type Line = {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  changedBy: number;
  changedByName: string;
  changedByInitials: string;
  changedAt: string;
};
const lines = (body: { items: Line[] }) => body.items.map((l) => [l.field, l.oldValue, l.newValue]);

describe('change history (O-24)', () => {
  it('records a company’s creation and each changed field, newest first, with who and when', async () => {
    const company = (await seller.post('/api/companies', { name: 'Historik A/S', city: 'Vejle', interestTypeIds: [1] })).body;
    const changed = await seller.patch(`/api/companies/${company.id}`, {
      city: 'Kolding',
      phone: '+45 70 10 20 30',
      interestTypeIds: [1, 2],
      name: 'Historik A/S',
      version: 1,
    });
    expect(changed.status).toBe(200);
    const history = await manager.get(`/api/companies/${company.id}/history`);
    expect(history.status).toBe(200);
    expect(lines(history.body)).toEqual([
      ['interestTypeIds', '1', '1,2'],
      ['phone', null, '+45 70 10 20 30'],
      ['city', 'Vejle', 'Kolding'],
      ['created', null, 'Historik A/S'],
    ]);
    const first = history.body.items[0] as Line;
    expect(first).toMatchObject({ changedBy: seller.userId, changedByName: 'Sanne Sælger', changedByInitials: 'SS' });
    expect(Date.parse(first.changedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(history.body.nextCursor).toBeNull();
  });

  it('records nothing for a save that changes nothing, and shows last change time and initials in lists', async () => {
    const company = (await seller.post('/api/companies', { name: 'Uændret ApS' })).body;
    await manager.patch(`/api/companies/${company.id}`, { name: 'Uændret ApS', version: 1 });
    const history = await manager.get(`/api/companies/${company.id}/history`);
    expect(lines(history.body)).toEqual([['created', null, 'Uændret ApS']]);
    const listed = await manager.get('/api/companies?q=Uændret');
    expect(listed.body.items[0]).toMatchObject({ updatedBy: manager.userId, updatedByInitials: 'MM', version: 2 });
  });

  it('records an opportunity’s field changes and its deletion', async () => {
    const companyId = (await seller.post('/api/companies', { name: 'Salg AB' })).body.id;
    const created = (await seller.post('/api/opportunities', { title: 'Ramavtal', companyId, amount: 1000, decisionDate: '2026-09-30' }))
      .body;
    await seller.patch(`/api/opportunities/${created.id}`, {
      amount: 2500.5,
      decisionDate: null,
      priority: 'high',
      version: created.version,
    });
    const history = await seller.get(`/api/opportunities/${created.id}/history`);
    // lines of one save share their time; the later-written (higher id) comes first
    expect(lines(history.body)).toEqual([
      ['priority', 'normal', 'high'],
      ['decisionDate', '2026-09-30', null],
      ['amount', '1000', '2500.5'],
      ['created', null, 'Ramavtal'],
    ]);
    expect((await seller.delete(`/api/opportunities/${created.id}`)).status).toBe(204);
    const rows = await api.database.db
      .selectFrom('changeHistory')
      .select(['field', 'oldValue'])
      .where('entity', '=', 'opportunity')
      .where('entityId', '=', created.id)
      .orderBy('id', 'desc')
      .execute();
    expect(rows[0]).toEqual({ field: 'deleted', oldValue: 'Ramavtal' });
  });

  it('records a contact’s changes and shows who changed it last', async () => {
    const companyId = (await seller.post('/api/companies', { name: 'Kontakt AS' })).body.id;
    const contact = (await seller.post('/api/contacts', { companyId, firstName: 'Kari', lastName: 'Nordmann' })).body;
    const changed = await manager.patch(`/api/contacts/${contact.id}`, { title: 'Innkjøpssjef', version: contact.version });
    expect(changed.body.updatedByInitials).toBe('MM');
    const history = await seller.get(`/api/contacts/${contact.id}/history`);
    expect(lines(history.body)).toEqual([
      ['title', null, 'Innkjøpssjef'],
      ['created', null, 'Kari Nordmann'],
    ]);
    expect(history.body.items[0].changedByInitials).toBe('MM');
  });

  it('pages with a keyset cursor, every line exactly once', async () => {
    const company = (await seller.post('/api/companies', { name: 'Mange Ændringer A/S' })).body;
    let version = company.version;
    for (const city of ['A', 'B', 'C', 'D', 'E'])
      version = (await seller.patch(`/api/companies/${company.id}`, { city, version })).body.version;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Line[]; nextCursor: string | null } } = await seller.get(
        `/api/companies/${company.id}/history?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((l) => l.newValue ?? ''));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['E', 'D', 'C', 'B', 'A', 'Mange Ændringer A/S']);
  });

  it('answers 404 for a missing record, 400 for bad paging, and hides opportunities a seller may not see', async () => {
    expect((await seller.get('/api/companies/999999/history')).status).toBe(404);
    expect((await seller.get('/api/contacts/999999/history')).status).toBe(404);
    const bad = await seller.get('/api/companies/1/history?cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('cursor');
    const unknown = await seller.get('/api/companies/1/history?field=city');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty('field');

    const companyId = (await manager.post('/api/companies', { name: 'Hemmelig AS' })).body.id;
    const theirs = (await manager.post('/api/opportunities', { title: 'Privat', companyId })).body;
    expect((await seller.get(`/api/opportunities/${theirs.id}/history`)).status).toBe(200);
    await saveSettings(api.database.db, { sellersSeeOnlyOwn: true });
    try {
      expect((await seller.get(`/api/opportunities/${theirs.id}/history`)).status).toBe(404);
      expect((await manager.get(`/api/opportunities/${theirs.id}/history`)).status).toBe(200);
    } finally {
      await saveSettings(api.database.db, { sellersSeeOnlyOwn: false });
    }
  });
});
