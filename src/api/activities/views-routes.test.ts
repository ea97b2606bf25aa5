import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../domain/opportunities/rules.ts';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let anna: Client;
let bo: Client;
let manager: Client;
let companyId: number;
const today = todayIn('Europe/Copenhagen');
beforeAll(async () => {
  api = await startApi();
  anna = await api.as('seller', 'Anna Andersen');
  bo = await api.as('seller', 'Bo Berg');
  manager = await api.as('manager');
  companyId = (await anna.post('/api/companies', { name: 'Visning A/S', ownerId: null })).body.id;
  const add = (who: Client, subject: string, dueDate: string | null, done = false) =>
    who.post('/api/activities', { type: 'task', subject, dueDate, done, companyId });
  await add(anna, 'A later', addDays(today, 10));
  await add(anna, 'A undated', null);
  await add(anna, 'A overdue', addDays(today, -3));
  await add(anna, 'A today', today);
  await add(anna, 'A done', addDays(today, -5), true);
  await add(anna, 'A very overdue', addDays(today, -30));
  await add(bo, 'B tomorrow', addDays(today, 1));
  await add(bo, 'B undated', null);
});
afterAll(() => api.close());

type Item = { subject: string; overdue: boolean; ownerId: number; ownerName: string };

describe('activity views (T-3)', () => {
  it('mine: my open activities, overdue first, then by due date, undated last, flagged overdue', async () => {
    const mine = await anna.get('/api/activities/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: Item) => [a.subject, a.overdue])).toEqual([
      ['A very overdue', true],
      ['A overdue', true],
      ['A today', false],
      ['A later', false],
      ['A undated', false],
    ]);
    expect((await bo.get('/api/activities/mine')).body.items.map((a: Item) => a.subject)).toEqual(['B tomorrow', 'B undated']);
  });

  it('mine pages with a cursor, every activity once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Item[]; nextCursor: string | null } } = await anna.get(
        `/api/activities/mine?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((a) => a.subject));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['A very overdue', 'A overdue', 'A today', 'A later', 'A undated']);
  });

  it('team: managers see open activities by owner, then due date, and can pick owners; sellers get 403', async () => {
    expect((await anna.get('/api/activities/team')).status).toBe(403);
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Item[]; nextCursor: string | null } } = await manager.get(
        `/api/activities/team?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((a) => a.subject)).toEqual([
      'A very overdue',
      'A overdue',
      'A today',
      'A later',
      'A undated',
      'B tomorrow',
      'B undated',
    ]);
    expect(seen[0]).toMatchObject({ ownerId: anna.userId, ownerName: 'Anna Andersen', overdue: true });
    const onlyBo = await manager.get(`/api/activities/team?ownerId=${bo.userId}`);
    expect(onlyBo.body.items.map((a: Item) => a.subject)).toEqual(['B tomorrow', 'B undated']);
    expect((await manager.get('/api/activities/team?cursor=garbage')).status).toBe(400);
    expect((await manager.get('/api/activities/team?owner=1')).status).toBe(400);
  });

  it('latest: the newest 30 across types and owners, done ones included', async () => {
    const latest = await anna.get('/api/activities/latest');
    expect(latest.status).toBe(200);
    expect(latest.body.items.map((a: Item) => a.subject)).toEqual([
      'B undated',
      'B tomorrow',
      'A very overdue',
      'A done',
      'A today',
      'A overdue',
      'A undated',
      'A later',
    ]);
    for (let i = 0; i < 31; i++) await bo.post('/api/activities', { type: 'note', subject: `Note ${i}` });
    const full = await manager.get('/api/activities/latest');
    expect(full.body.items).toHaveLength(30);
    expect(full.body.items[0].subject).toBe('Note 30');
    expect(full.body.items.at(-1).subject).toBe('Note 1');
  });
});

describe('opportunity from a call (T-4)', () => {
  it('creates the opportunity from the call’s company, contact and text, and links the call to it', async () => {
    const contactId = (await anna.post('/api/contacts', { companyId, firstName: 'Lise', lastName: 'Lund' })).body.id;
    const call = (
      await anna.post('/api/activities', {
        type: 'call',
        subject: 'Ringede om lagersystem',
        text: 'Vil have tilbud på 3 lagre',
        companyId,
        contactId,
      })
    ).body;
    const created = await anna.post(`/api/activities/${call.id}/opportunity`, {});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Ringede om lagersystem',
      description: 'Vil have tilbud på 3 lagre',
      companyId,
      contactId,
      ownerId: anna.userId,
      status: 'open',
    });
    const linked = (await anna.get(`/api/activities/${call.id}`)).body;
    expect(linked).toMatchObject({ opportunityId: created.body.id, version: Number(call.version) + 1 });
    const again = await anna.post(`/api/activities/${call.id}/opportunity`, {});
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('ACTIVITY_HAS_OPPORTUNITY');
  });

  it('takes a given title', async () => {
    const call = (await anna.post('/api/activities', { type: 'call', subject: 'Opkald', companyId })).body;
    const created = await anna.post(`/api/activities/${call.id}/opportunity`, { title: 'Nyt lager i Vejle' });
    expect(created.body).toMatchObject({ title: 'Nyt lager i Vejle', description: null, contactId: null });
  });

  it('refuses other types (422 NOT_A_CALL), a call without company (422), bad input (400), others’ calls (403)', async () => {
    const meeting = (await anna.post('/api/activities', { type: 'meeting', subject: 'Møde', companyId })).body;
    const notCall = await anna.post(`/api/activities/${meeting.id}/opportunity`, {});
    expect(notCall.status).toBe(422);
    expect(notCall.body.error.code).toBe('NOT_A_CALL');
    const loose = (await anna.post('/api/activities', { type: 'call', subject: 'Uden firma' })).body;
    const noCompany = await anna.post(`/api/activities/${loose.id}/opportunity`, {});
    expect(noCompany.status).toBe(422);
    expect(noCompany.body.error).toMatchObject({ code: 'ACTIVITY_WITHOUT_COMPANY', fields: { companyId: 'is required' } });
    const call = (await anna.post('/api/activities', { type: 'call', subject: 'Opkald 2', companyId })).body;
    const bad = await anna.post(`/api/activities/${call.id}/opportunity`, { title: '', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['colour', 'title']);
    expect((await bo.post(`/api/activities/${call.id}/opportunity`, {})).status).toBe(403);
    expect((await anna.post('/api/activities/999999/opportunity', {})).status).toBe(404);
    expect((await anna.get(`/api/activities/${call.id}`)).body.opportunityId).toBeNull();
  });
});
