import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
let companyId: number;
let opportunityId: number;
beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  companyId = (await seller.post('/api/companies', { name: 'Aktiv AB' })).body.id;
  opportunityId = (await seller.post('/api/opportunities', { title: 'Ramavtal lager', companyId })).body.id;
});
afterAll(() => api.close());

describe('activities (T-1, T-2)', () => {
  it('ships the default activity types', async () => {
    const types = await seller.get('/api/setup/activity-types');
    expect(types.body.items.map((t: { key: string }) => t.key)).toEqual([
      'call',
      'meeting',
      'task',
      'note',
      'email_in',
      'email_out',
      'sms',
      'document',
      'case',
      'appointment',
    ]);
  });

  it('creates an activity on an opportunity, taking the company from it and counting as a touch', async () => {
    const created = await seller.post('/api/activities', {
      type: 'call',
      subject: 'Ring om tilbud',
      dueDate: '2026-12-01',
      dueTime: '09:30',
      opportunityId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'call',
      companyId,
      companyName: 'Aktiv AB',
      opportunityId,
      opportunityTitle: 'Ramavtal lager',
      ownerId: seller.userId,
      done: false,
      doneAt: null,
      dueTime: '09:30',
    });
    const touched = await api.database.db
      .selectFrom('opportunities')
      .select('lastActivityAt')
      .where('id', '=', opportunityId)
      .executeTakeFirstOrThrow();
    expect(touched.lastActivityAt).not.toBeNull();
  });

  it('marks done with a time, and filters by opportunity, done and type', async () => {
    const task = (await seller.post('/api/activities', { type: 'task', subject: 'Send offert', opportunityId })).body;
    const done = await seller.patch(`/api/activities/${task.id}`, { done: true, version: task.version });
    expect(done.body.done).toBe(true);
    expect(Date.parse(done.body.doneAt)).toBeGreaterThan(Date.now() - 60_000);
    const open = await seller.get(`/api/activities?opportunityId=${opportunityId}&done=false`);
    expect(open.body.items.map((a: { subject: string }) => a.subject)).toEqual(['Ring om tilbud']);
    const tasks = await seller.get(`/api/activities?type=task&ownerId=${seller.userId}`);
    expect(tasks.body.items.map((a: { subject: string }) => a.subject)).toEqual(['Send offert']);
  });

  it('refuses unknown types and mismatched links', async () => {
    const badType = await seller.post('/api/activities', { type: 'telepathy', subject: 'X' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.fields).toHaveProperty('type');
    const other = (await seller.post('/api/companies', { name: 'Annan AB' })).body.id;
    const mismatch = await seller.post('/api/activities', { type: 'note', subject: 'X', opportunityId, companyId: other });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.fields).toHaveProperty('companyId');
    const badTime = await seller.post('/api/activities', { type: 'note', subject: 'X', dueTime: '25:00' });
    expect(badTime.body.error.fields).toHaveProperty('dueTime');
  });
});
