import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
let owner: Client;
let manager: Client;
let companyId: number;
let contactId: number;
beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  owner = await api.as('seller');
  manager = await api.as('manager');
  companyId = (await seller.post('/api/companies', { name: 'Opfølgning A/S', ownerId: null })).body.id;
  contactId = (await seller.post('/api/contacts', { companyId, firstName: 'Mette', lastName: 'Hansen' })).body.id;
});
afterAll(() => api.close());

const tasksOf = async (opportunityId: number) =>
  (await seller.get(`/api/activities?opportunityId=${opportunityId}&sort=createdAt`)).body.items;

describe('follow-up trigger (O-21, seed 000 "Opfølges")', () => {
  it('creating with a follow-up date creates one open task due that day, with the description, for the owner', async () => {
    // a manager creates it for another owner (a seller creates only in their own name, A-2)
    const created = await manager.post('/api/opportunities', {
      title: 'Serviceaftale',
      description: 'Ring og hør om tilbuddet',
      companyId,
      contactId,
      ownerId: owner.userId,
      followUpDate: '2026-05-04',
    });
    expect(created.status).toBe(201);
    const tasks = await tasksOf(created.body.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      type: 'task',
      subject: 'Ring og hør om tilbuddet',
      text: 'Ring og hør om tilbuddet',
      dueDate: '2026-05-04',
      done: false,
      ownerId: owner.userId,
      companyId,
      contactId,
      opportunityId: created.body.id,
      createdBy: manager.userId,
    });
  });

  it('uses the title when the description is empty; no date creates nothing', async () => {
    const none = (await seller.post('/api/opportunities', { title: 'Uden dato', companyId })).body;
    expect(await tasksOf(none.id)).toHaveLength(0);
    const titled = (await seller.post('/api/opportunities', { title: 'Kun titel', companyId, followUpDate: '2026-06-01' })).body;
    expect((await tasksOf(titled.id)).map((t: { subject: string; text: string }) => [t.subject, t.text])).toEqual([
      ['Kun titel', 'Kun titel'],
    ]);
  });

  it('saving with the same date creates nothing; a changed date creates a second task and both dates are kept', async () => {
    const created = (await seller.post('/api/opportunities', { title: 'Rammeaftale', companyId, followUpDate: '2026-05-04' })).body;
    const same = await seller.patch(`/api/opportunities/${created.id}`, {
      followUpDate: '2026-05-04',
      amount: 5000,
      version: created.version,
    });
    expect(same.status).toBe(200);
    const untouched = await seller.patch(`/api/opportunities/${created.id}`, { amount: 6000, version: same.body.version });
    expect(await tasksOf(created.id)).toHaveLength(1);

    const moved = await seller.patch(`/api/opportunities/${created.id}`, { followUpDate: '2026-05-18', version: untouched.body.version });
    expect(moved.body.followUpDate).toBe('2026-05-18');
    const tasks = await tasksOf(created.id);
    expect(tasks.map((t: { dueDate: string }) => t.dueDate)).toEqual(['2026-05-04', '2026-05-18']);

    const followUps = await seller.get(`/api/opportunities/${created.id}/follow-ups`);
    expect(followUps.status).toBe(200);
    expect(followUps.body.items.map((f: { followUpDate: string }) => f.followUpDate)).toEqual(['2026-05-18', '2026-05-04']);
    expect(followUps.body.items[0]).toMatchObject({ setBy: seller.userId, activityId: tasks[1].id });

    const history = await seller.get(`/api/opportunities/${created.id}/history`);
    expect(
      history.body.items
        .filter((l: { field: string }) => l.field === 'followUpDate')
        .map((l: { oldValue: string; newValue: string }) => [l.oldValue, l.newValue]),
    ).toEqual([['2026-05-04', '2026-05-18']]);
  });

  it('clearing the date creates nothing, setting it again does', async () => {
    const created = (await seller.post('/api/opportunities', { title: 'Genopfølgning', companyId, followUpDate: '2026-07-01' })).body;
    const cleared = (await seller.patch(`/api/opportunities/${created.id}`, { followUpDate: null, version: created.version })).body;
    expect(await tasksOf(created.id)).toHaveLength(1);
    await seller.patch(`/api/opportunities/${created.id}`, { followUpDate: '2026-07-01', version: cleared.version });
    expect(await tasksOf(created.id)).toHaveLength(2);
  });

  it('closing as lost marks its open follow-up task done (also in bulk); other tasks and finishFollowUps: false keep theirs open', async () => {
    const lossReasonId = (await seller.get('/api/setup/loss-reasons')).body.items[0].id as number;
    const lost = (await seller.post('/api/opportunities', { title: 'Tabt sag', companyId, followUpDate: '2026-08-03' })).body;
    const other = (
      await seller.post('/api/activities', {
        type: 'task',
        subject: 'Send julekort',
        companyId,
        opportunityId: lost.id,
        dueDate: '2026-12-15',
      })
    ).body;
    const closed = await seller.post(`/api/opportunities/${lost.id}/close`, { outcome: 'lost', lossReasonId, version: lost.version });
    expect(closed.status).toBe(200);
    const after = await tasksOf(lost.id);
    expect(after.map((t: { subject: string; done: boolean }) => [t.subject, t.done])).toEqual([
      ['Tabt sag', true],
      ['Send julekort', false],
    ]);
    expect(after[1].id).toBe(other.id);
    // the open follow-ups of My day no longer list it
    const open = (await seller.get(`/api/activities?opportunityId=${lost.id}&done=false`)).body.items;
    expect(open.map((t: { id: number }) => t.id)).toEqual([other.id]);

    const kept = (await seller.post('/api/opportunities', { title: 'Beholdt opgave', companyId, followUpDate: '2026-08-04' })).body;
    await seller.post(`/api/opportunities/${kept.id}/close`, { outcome: 'expired', finishFollowUps: false, version: kept.version });
    expect((await tasksOf(kept.id)).map((t: { done: boolean }) => t.done)).toEqual([false]);

    const bulk = (await seller.post('/api/opportunities', { title: 'Masselukket', companyId, followUpDate: '2026-08-05' })).body;
    expect((await seller.post('/api/opportunities/bulk', { ids: [bulk.id], action: 'lost', lossReasonId })).body.succeeded).toBe(1);
    expect((await tasksOf(bulk.id)).map((t: { done: boolean }) => t.done)).toEqual([true]);
  });

  it('answers 404 for the follow-ups of a missing opportunity', async () => {
    expect((await seller.get('/api/opportunities/999999/follow-ups')).status).toBe(404);
  });
});
